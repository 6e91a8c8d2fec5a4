# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class LiangzeBodyOwnedMixin(models.AbstractModel):
    """A record the discipline body owns (纪检机构): ledgers, cases, talks, campaigns,
    requests for opinions. The body is a unit of type "discipline body", by default
    the one its author works in. Who acts on it is checked with
    ``_liangze_check_role`` (liangze_base), one role check for every model."""

    _name = "liangze.body.owned.mixin"
    _description = "Owned by a Discipline Body"

    body_unit_id = fields.Many2one(
        "liangze.unit",
        string="Discipline Body",
        required=True,
        index=True,
        ondelete="cascade",
        domain="[('unit_type', '=', 'discipline_body')]",
        default=lambda self: self._default_body_unit_id(),
    )

    def _default_body_unit_id(self):
        """The discipline body the current user works in."""
        return self.env.user._liangze_discipline_body()
