# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.liangze_base.models.liangze_cadre import RANKS


class LiangzeCadreAppointment(models.Model):
    """One post a cadre held (任职经历): the first section of the integrity file."""

    _name = "liangze.cadre.appointment"
    _description = "Appointment"
    _inherit = ["liangze.record.guard"]
    _order = "cadre_id, date_start desc, id desc"

    _guard_state_field = None
    _guard_past_dates = frozenset({"date_start", "date_end"})

    cadre_id = fields.Many2one("liangze.cadre", required=True, index=True, ondelete="cascade")
    company_id = fields.Many2one(related="cadre_id.company_id", store=True, index=True)
    date_start = fields.Date(string="From", required=True)
    date_end = fields.Date(string="Until", help="Empty: still in this post.")
    organisation = fields.Char(string="Unit", required=True)
    post = fields.Char(required=True)
    rank = fields.Selection(RANKS)
    appointed_by = fields.Char(string="Appointment Document", help="The appointing body and its document number.")

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for appointment in self:
            if appointment.date_end and appointment.date_end < appointment.date_start:
                raise ValidationError(self.env._("An appointment ends after it starts."))
