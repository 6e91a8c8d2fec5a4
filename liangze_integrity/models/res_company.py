# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    """Integrity periods of the body (shipped defaults of the rules, changed per locality)."""

    _inherit = "res.company"

    liangze_government_sanction_cap_months = fields.Integer(
        string="Government Sanctions Together: at Most (months)",
        default=48,
        help="Several government sanctions of the same kind together: the effect period is at most this "
        "(公职人员政务处分法: 48 months).",
    )
    liangze_file_stale_months = fields.Integer(
        string="Remind Files Not Updated For (months)",
        default=12,
        help="A yearly job reminds the keeper of each integrity file not updated for this long.",
    )
    liangze_opinion_reply_workdays = fields.Integer(
        string="Reply to Integrity Opinion Requests Within (workdays)",
        default=10,
        help="The default reply deadline of a request for integrity opinions.",
    )

    @api.constrains(
        "liangze_government_sanction_cap_months", "liangze_file_stale_months", "liangze_opinion_reply_workdays"
    )
    def _check_liangze_integrity_periods(self):
        for company in self:
            if not 12 <= company.liangze_government_sanction_cap_months <= 120:
                raise ValidationError(self.env._("The cap of government sanctions lies between 12 and 120 months."))
            if not 1 <= company.liangze_file_stale_months <= 60:
                raise ValidationError(self.env._("The reminder of files not updated lies between 1 and 60 months."))
            if not 1 <= company.liangze_opinion_reply_workdays <= 60:
                raise ValidationError(
                    self.env._("The reply period of integrity opinions lies between 1 and 60 workdays.")
                )
