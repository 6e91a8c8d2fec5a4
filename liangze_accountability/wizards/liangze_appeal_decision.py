# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

APPEALS = [
    ("liangze.assessment.appeal", "Assessment Appeal"),
    ("liangze.accountability.appeal", "Accountability Appeal"),
]


class LiangzeAppealDecision(models.TransientModel):
    """The decision on an appeal, with its reason: of a unit against an assessment
    deduction (the assessment office upholds or withdraws it), or of a person
    against an accountability decision (the head of the body upholds or revokes it)."""

    _name = "liangze.appeal.decision"
    _description = "Decide on an Appeal"

    appeal_ref = fields.Reference(APPEALS, string="Appeal", required=True)
    appeal_model = fields.Char(compute="_compute_appeal")
    appeal_reason = fields.Text(compute="_compute_appeal")
    reason = fields.Text(string="Reason of the Decision", required=True)

    @api.depends("appeal_ref")
    def _compute_appeal(self):
        for wizard in self:
            wizard.appeal_model = wizard.appeal_ref._name if wizard.appeal_ref else False
            wizard.appeal_reason = wizard.appeal_ref.reason if wizard.appeal_ref else False

    def _decide(self, method):
        self.ensure_one()
        getattr(self.appeal_ref, method)(self.reason)
        return {"type": "ir.actions.act_window_close"}

    def action_uphold(self):
        return self._decide("action_uphold")

    def action_withdraw(self):
        return self._decide("action_withdraw")

    def action_revoke(self):
        return self._decide("action_revoke")
