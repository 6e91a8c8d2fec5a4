# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.exceptions import UserError


class LiangzeTaskSubmit(models.TransientModel):
    """Sign-off (签字背书): the responsible person confirms the ledger is true
    and complete, by signature or explicit confirmation, then submits."""

    _name = "liangze.task.submit"
    _description = "Sign Off and Submit"

    task_id = fields.Many2one("liangze.task", required=True)
    confirm = fields.Boolean(string="I confirm that this work ledger is true and complete")
    signature = fields.Image(max_width=600, max_height=200)

    def action_submit(self):
        self.ensure_one()
        if not (self.confirm or self.signature):
            raise UserError(self.env._("Sign or tick the confirmation before submitting."))
        self.task_id._submit(self.signature)
        return {"type": "ir.actions.act_window_close"}
