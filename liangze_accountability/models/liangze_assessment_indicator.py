# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class LiangzeAssessmentIndicator(models.Model):
    """What the assessors score by hand: a qualitative indicator (定性指标) with
    its full marks, from which they deduct with reasons; or a bonus item (加分项)
    with its cap. Manual entries against an indicator stay within its points."""

    _name = "liangze.assessment.indicator"
    _description = "Assessment Indicator"
    _inherit = ["liangze.record.guard"]
    _order = "scheme_id, kind, sequence, id"

    _guard_state_field = None
    _guard_fixed_fields = frozenset({"scheme_id"})

    scheme_id = fields.Many2one("liangze.assessment.scheme", required=True, ondelete="cascade", index=True)
    sequence = fields.Integer(default=10)
    kind = fields.Selection(
        [("qualitative", "Qualitative indicator"), ("bonus", "Bonus item")], required=True, default="qualitative"
    )
    name = fields.Char(required=True)
    points = fields.Float(
        required=True,
        default=5.0,
        help="Qualitative indicator: its full marks, the most a unit loses by it. Bonus item: the most it gains.",
    )
    description = fields.Text(string="Scoring Criteria")

    @api.ondelete(at_uninstall=False)
    def _unlink_without_entries(self):
        if self.env["liangze.assessment.deduction"].sudo().search_count([("indicator_id", "in", self.ids)], limit=1):
            raise UserError(self.env._("Assessors scored against this indicator: it stays in the scheme."))

    @api.constrains("points")
    def _check_points(self):
        if any(not 0 < indicator.points <= 100 for indicator in self):
            raise ValidationError(self.env._("An indicator is worth between 0 and 100 points."))
