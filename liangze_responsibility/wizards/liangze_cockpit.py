# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo import fields, models


class LiangzeCockpit(models.TransientModel):
    """Leaders' cockpit (领导驾驶舱): chooses the period, then shows every
    unit at the top of the user's scope with its figures, to drill down."""

    _name = "liangze.cockpit"
    _description = "Leaders' Cockpit"

    date_from = fields.Date(required=True, default=lambda self: date(fields.Date.context_today(self).year, 1, 1))
    date_to = fields.Date(required=True, default=lambda self: date(fields.Date.context_today(self).year, 12, 31))

    def action_open(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("liangze_responsibility.liangze_unit_action_cockpit")
        action["domain"] = [("id", "in", self.env["liangze.unit"]._cockpit_roots().ids)]
        action["context"] = {
            "cockpit_date_from": fields.Date.to_string(self.date_from),
            "cockpit_date_to": fields.Date.to_string(self.date_to),
            "create": False,
        }
        return action
