# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

TARGET_TYPES = [("organisation", "Party organisation or unit"), ("person", "Person")]


class LiangzeAccountabilityMeasure(models.Model):
    """An accountability measure (问责方式) of the Party's accountability
    regulations (2019): 检查, 通报, 改组 for organisations; 通报, 诫勉,
    organisational handling, disciplinary sanction for leaders. Measures
    combine on a decision; each has its effect period (影响期), set locally."""

    _name = "liangze.accountability.measure"
    _description = "Accountability Measure"
    _inherit = ["liangze.record.guard"]
    _order = "target_type, sequence, id"

    _guard_state_field = None

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    target_type = fields.Selection(TARGET_TYPES, string="Applies To", required=True)
    effect_months = fields.Integer(
        string="Effect Period (months)",
        help="Months from the decision during which the person may not be promoted (0: none).",
    )
    organisational = fields.Boolean(
        string="Organisational Handling",
        help="停职检查, 调整职务, 责令辞职, 免职, 降职: carried out within the execution period.",
    )
    active = fields.Boolean(default=True)

    @api.constrains("effect_months")
    def _check_effect_months(self):
        if any(not 0 <= measure.effect_months <= 120 for measure in self):
            raise ValidationError(self.env._("An effect period lies between 0 and 120 months."))
