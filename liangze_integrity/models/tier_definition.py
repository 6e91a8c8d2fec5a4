# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class TierDefinition(models.Model):
    """Replies to integrity-opinion requests are approved by the head of the discipline body."""

    _inherit = "tier.definition"

    @api.model
    def _get_tier_validation_model_names(self):
        return super()._get_tier_validation_model_names() + ["liangze.opinion.request"]
