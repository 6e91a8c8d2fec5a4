# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from ..roles import ADMIN, LEADER, SUPERVISOR, UNIT_HEAD


class ResUsers(models.Model):
    """Scope helpers: which responsible units a user acts for or oversees.

    Record rules of every liangze model read ``user.liangze_unit_ids`` (the
    units a user works in) and ``user.liangze_scope_unit_ids`` (what the
    user's role lets them oversee)."""

    _inherit = "res.users"

    liangze_unit_ids = fields.Many2many(
        "liangze.unit",
        string="My Units",
        compute="_compute_liangze_units",
        compute_sudo=True,
        help="Units the user is a member or the head of.",
    )
    liangze_scope_unit_ids = fields.Many2many(
        "liangze.unit",
        string="Units in My Scope",
        compute="_compute_liangze_units",
        compute_sudo=True,
        help="Units whose responsibility data the user may read, according to the user's role.",
    )

    liangze_managed_unit_ids = fields.Many2many(
        "liangze.unit",
        string="Units I Manage",
        compute="_compute_liangze_units",
        compute_sudo=True,
        help="Units the user heads, with all their sub-units: where a unit head works and signs off.",
    )

    def _compute_liangze_units(self):
        for user in self:
            user.liangze_unit_ids = user._liangze_my_units()
            user.liangze_managed_unit_ids = user._liangze_units_and_subunits(user._liangze_headed_units())
            user.liangze_scope_unit_ids = user._liangze_scope_units()

    def _liangze_unit_model(self):
        # Scopes are facts about the organisation, not about what the user may
        # read, and record rules call these helpers: read them as superuser.
        return self.env["liangze.unit"].sudo()

    def _liangze_my_units(self):
        """Units the user belongs to: as a member or as the head."""
        self.ensure_one()
        return self._liangze_unit_model().search(["|", ("member_ids", "in", self.ids), ("head_id", "=", self.id)])

    def _liangze_headed_units(self):
        self.ensure_one()
        return self._liangze_unit_model().search([("head_id", "=", self.id)])

    def _liangze_discipline_body(self):
        """The discipline body the user works in (the default issuer of what it writes)."""
        self.ensure_one()
        return self.liangze_unit_ids.filtered(lambda u: u.unit_type == "discipline_body")[:1]

    def _liangze_units_and_subunits(self, units=None):
        """The given units (by default the user's own) and every unit below them."""
        self.ensure_one()
        units = self._liangze_my_units() if units is None else units
        if not units:
            return self._liangze_unit_model()
        return self._liangze_unit_model().search([("id", "child_of", units.ids)])

    def _liangze_company_units(self):
        """Units of the user's allowed companies and of their child companies."""
        self.ensure_one()
        return self._liangze_unit_model().search([("company_id", "child_of", self.company_ids.ids)])

    def _liangze_scope_units(self):
        """What the user oversees, by role:

        - administrator: every unit of their companies;
        - leader: their units and all sub-units (the party committee's tree);
        - supervisor: the subtrees their discipline bodies supervise, plus their own units;
        - unit head: the units they head and their sub-units, plus their own units;
        - responsibility user: their own units.
        """
        self.ensure_one()
        if self.has_group(ADMIN):
            return self._liangze_company_units()
        my_units = self._liangze_my_units()
        if self.has_group(LEADER):
            return self._liangze_units_and_subunits(my_units)
        scope = my_units
        if self.has_group(SUPERVISOR):
            scope |= self._liangze_units_and_subunits(my_units._supervision_roots())
        if self.has_group(UNIT_HEAD):
            scope |= self._liangze_units_and_subunits(self._liangze_headed_units())
        return scope
