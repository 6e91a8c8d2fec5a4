# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class ResourceCalendarLeaves(models.Model):
    """A holiday added, moved or removed: the request's workday calendars read again."""

    _name = "resource.calendar.leaves"
    _inherit = ["resource.calendar.leaves", "liangze.workday.source.mixin"]
