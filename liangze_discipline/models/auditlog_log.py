# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class AuditlogLog(models.Model):
    """Letters and reports, clues and cases are logged like integrity files: their logs
    name the persons concerned, kept from the head's sight when they concern the head."""

    _inherit = "auditlog.log"

    @api.model
    def _liangze_confidential_models(self):
        models = super()._liangze_confidential_models()
        for name in (
            "liangze.petition",
            "liangze.clue",
            "liangze.talk.inquiry",
            "liangze.verification",
            "liangze.discipline.case",
            "liangze.discipline.decision",
            "liangze.discipline.appeal",
        ):
            models[name] = "concerned_cadre_ids"
        return models
