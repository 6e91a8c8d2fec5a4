# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class LiangzeSanctionRevoke(models.TransientModel):
    """Revoke a recorded sanction (on appeal or review), with the reason."""

    _name = "liangze.sanction.revoke"
    _description = "Revoke a Sanction"

    sanction_id = fields.Many2one(
        "liangze.sanction", required=True, default=lambda self: self.env.context.get("active_id")
    )
    reason = fields.Text(required=True)

    def action_revoke(self):
        self.ensure_one()
        self.sanction_id.action_revoke(self.reason)
        return {"type": "ir.actions.act_window_close"}
