# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class LiangzeWorkdaySourceMixin(models.AbstractModel):
    """What the workday calendars are read from (holidays, adjusted workdays):
    any change makes the request read its calendars again."""

    _name = "liangze.workday.source.mixin"
    _description = "Source of Workday Calendars"

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        self.env["resource.calendar"]._liangze_forget_workdays()
        return records

    def write(self, vals):
        res = super().write(vals)
        self.env["resource.calendar"]._liangze_forget_workdays()
        return res

    def unlink(self):
        res = super().unlink()
        self.env["resource.calendar"]._liangze_forget_workdays()
        return res
