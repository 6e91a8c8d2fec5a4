# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class TierDefinition(models.Model):
    """Every liangze document using the tier approval (``liangze.tier.validation``) can
    be given tiers from the menus: a new model is offered by inheriting the mixin."""

    _inherit = "tier.definition"

    @api.model
    def _get_tier_validation_model_names(self):
        names = super()._get_tier_validation_model_names()
        return names + [name for name in self._liangze_models_using("liangze.tier.validation") if name not in names]
