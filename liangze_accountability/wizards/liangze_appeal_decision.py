# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class LiangzeAppealDecision(models.TransientModel):
    """The assessment office upholds or withdraws the deduction appealed, with the reason."""

    _name = "liangze.appeal.decision"
    _description = "Decide on an Assessment Appeal"

    appeal_id = fields.Many2one("liangze.assessment.appeal", required=True)
    appeal_reason = fields.Text(related="appeal_id.reason")
    reason = fields.Text(string="Reason of the Decision", required=True)

    def action_uphold(self):
        self.ensure_one()
        self.appeal_id.action_uphold(self.reason)
        return {"type": "ir.actions.act_window_close"}

    def action_withdraw(self):
        self.ensure_one()
        self.appeal_id.action_withdraw(self.reason)
        return {"type": "ir.actions.act_window_close"}
