# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class LiangzeExtensionDecision(models.TransientModel):
    """Approve or refuse a deadline extension, with a note (required to refuse)."""

    _name = "liangze.extension.decision"
    _description = "Decide on a Deadline Extension"

    extension_id = fields.Many2one("liangze.deadline.extension", required=True)
    requested_deadline = fields.Date(related="extension_id.requested_deadline")
    reason = fields.Text(related="extension_id.reason")
    note = fields.Text(string="Decision Note")

    def action_approve(self):
        self.ensure_one()
        self.extension_id.action_approve(self.note)
        return {"type": "ir.actions.act_window_close"}

    def action_refuse(self):
        self.ensure_one()
        self.extension_id.action_refuse(self.note)
        return {"type": "ir.actions.act_window_close"}
