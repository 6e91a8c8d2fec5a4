# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    """Accountability periods of the body (问责条例 2019; shipped defaults, changed per locality)."""

    _inherit = "res.company"

    liangze_execution_months = fields.Integer(
        string="Execute Decisions Within (months)",
        default=1,
        help="Accountability decisions are carried out within this period (1 month by the regulations).",
    )
    liangze_appeal_months = fields.Integer(
        string="Appeal Within (months)", default=1, help="The person held to account appeals within this period."
    )
    liangze_appeal_decision_months = fields.Integer(
        string="Decide Appeals Within (months)", default=1, help="The body decides on an appeal within this period."
    )
    liangze_organisation_unit_id = fields.Many2one(
        "liangze.unit",
        string="Organisation Department",
        help="Told of every accountability decision (the personnel or organisation department).",
    )

    @api.constrains("liangze_execution_months", "liangze_appeal_months", "liangze_appeal_decision_months")
    def _check_liangze_accountability_months(self):
        for company in self:
            months = (
                company.liangze_execution_months,
                company.liangze_appeal_months,
                company.liangze_appeal_decision_months,
            )
            if any(not 1 <= value <= 12 for value in months):
                raise ValidationError(self.env._("Accountability periods lie between 1 and 12 months."))
