# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class LiangzeAppealDecision(models.TransientModel):
    """The other outcomes of accountability's appeals: the assessment office withdraws
    a deduction; the head of the body revokes an accountability decision."""

    _inherit = "liangze.appeal.decision"

    def action_withdraw(self):
        return self._decide("action_withdraw")

    def action_revoke(self):
        return self._decide("action_revoke")
