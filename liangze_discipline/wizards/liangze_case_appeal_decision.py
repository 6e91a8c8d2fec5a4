# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class LiangzeAppealDecision(models.TransientModel):
    """The head of the discipline body decides on the appeal against a sanction: upheld,
    changed (a new decision drafted) or revoked."""

    _inherit = "liangze.appeal.decision"

    def action_change(self):
        return self._decide("action_change")
