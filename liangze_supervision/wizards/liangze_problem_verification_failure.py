# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class LiangzeProblemVerificationFailure(models.TransientModel):
    """Asks why the feedback does not show the problem put right."""

    _name = "liangze.problem.verification.failure"
    _description = "Failed Verification"

    problem_ids = fields.Many2many(
        "liangze.rectification.problem", "liangze_problem_failure_rel", "wizard_id", "problem_id", string="Problems"
    )
    reason = fields.Text(required=True)

    def action_confirm(self):
        self.problem_ids._fail_verification(self.reason)
        return {"type": "ir.actions.act_window_close"}
