# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class LiangzeTaskReason(models.TransientModel):
    """Asks the reason for returning a task or reopening a sealed ledger."""

    _name = "liangze.task.reason"
    _description = "Reason"

    task_ids = fields.Many2many("liangze.task", required=True)
    action = fields.Selection([("return", "Return for more material"), ("reopen", "Reopen")], required=True)
    reason = fields.Text(required=True)

    def action_confirm(self):
        self.ensure_one()
        if self.action == "return":
            self.task_ids._return(self.reason)
        else:
            self.task_ids._reopen(self.reason)
        return {"type": "ir.actions.act_window_close"}
