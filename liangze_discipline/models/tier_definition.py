# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class TierDefinition(models.Model):
    """The disposal of clues and the filing of discipline cases are approved in tiers
    configured from the menus."""

    _inherit = "tier.definition"

    @api.model
    def _get_tier_validation_model_names(self):
        return super()._get_tier_validation_model_names() + ["liangze.clue", "liangze.discipline.case"]
