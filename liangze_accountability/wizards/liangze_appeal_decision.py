# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class LiangzeAppealDecision(models.TransientModel):
    """The decision on an appeal, with its reason: of a unit against an assessment
    deduction (the assessment office upholds or withdraws it), or of a person
    against an accountability decision (the head of the body upholds or revokes it)."""

    _name = "liangze.appeal.decision"
    _description = "Decide on an Appeal"

    appeal_id = fields.Many2one("liangze.assessment.appeal", string="Assessment Appeal")
    accountability_appeal_id = fields.Many2one("liangze.accountability.appeal", string="Accountability Appeal")
    appeal_reason = fields.Text(compute="_compute_appeal_reason")
    reason = fields.Text(string="Reason of the Decision", required=True)

    def _compute_appeal_reason(self):
        for wizard in self:
            wizard.appeal_reason = (wizard.appeal_id or wizard.accountability_appeal_id).reason

    def _decide(self, method):
        self.ensure_one()
        getattr(self.appeal_id or self.accountability_appeal_id, method)(self.reason)
        return {"type": "ir.actions.act_window_close"}

    def action_uphold(self):
        return self._decide("action_uphold")

    def action_withdraw(self):
        return self._decide("action_withdraw")

    def action_revoke(self):
        return self._decide("action_revoke")
