# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from odoo.addons.base.models.res_partner import _tz_get

BUREAU_TZ = "Asia/Shanghai"


class ResCompany(models.Model):
    """Where the bureau's day is set: its time zone, whoever the user and wherever the server."""

    _inherit = "res.company"

    liangze_tz = fields.Selection(
        _tz_get,
        string="Bureau Time Zone",
        required=True,
        default=BUREAU_TZ,
        help="The bureau's day: deadlines, receipt dates, effect periods and the daily jobs "
        "follow this time zone, whatever the user's or the server's.",
    )

    def _liangze_workdays(self):
        """The company's WorkdayCalendar (statutory workdays), shared by the request."""
        self.ensure_one()
        return self.resource_calendar_id._liangze_workdays()
