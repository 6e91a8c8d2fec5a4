# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class LiangzeAdjustedWorkday(models.Model):
    """A weekend day worked instead of a holiday (调休), which Odoo's
    resource calendar cannot express by itself."""

    _name = "liangze.adjusted.workday"
    _description = "Adjusted Workday"
    _order = "date"
    _inherit = ["liangze.record.guard", "liangze.workday.source.mixin"]
    _guard_state_field = None

    calendar_id = fields.Many2one("resource.calendar", required=True, ondelete="cascade", index=True)
    date = fields.Date(required=True)
    name = fields.Char(string="Reason")

    _calendar_date_uniq = models.Constraint(
        "unique(calendar_id, date)", "This day is already an adjusted workday of the calendar."
    )
