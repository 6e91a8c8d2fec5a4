# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import functools

from odoo import models
from odoo.exceptions import AccessError
from odoo.fields import Domain
from odoo.tools import ormcache


class MailFollowers(models.Model):
    """Who follows a liangze record is read only by who reads the record (Odoo lets
    every internal user read every follower: for a clue or a case, the followers are
    the persons handling it, or concerned by it). Searches carry the restriction as
    one subquery per model; reads by id are checked record by record."""

    _inherit = "mail.followers"

    @ormcache()
    def _liangze_thread_models(self):
        """The liangze models with a chatter, once per registry: every search of
        followers asks (each chatter opened, each message posted)."""
        return tuple(
            name
            for name in self.env.registry
            if name.startswith("liangze.")
            and not self.env[name]._abstract
            and "message_follower_ids" in self.env[name]._fields
        )

    def _liangze_readable_domain(self):
        """Followers of other models, and those of the liangze records the user reads."""
        names = self._liangze_thread_models()
        parts = [Domain("res_model", "not in", names)]
        for name in names:
            Model = self.env[name]
            if Model.has_access("read"):
                parts.append(Domain("res_model", "=", name) & Domain("res_id", "in", Model._search([])))
        return Domain.OR(parts)

    def _search(self, domain, offset=0, limit=None, order=None, *, active_test=True, bypass_access=False):
        if not (self.env.su or bypass_access):
            domain = Domain(domain) & self._liangze_readable_domain()
        return super()._search(domain, offset, limit, order, active_test=active_test, bypass_access=bypass_access)

    def _check_access(self, operation):
        result = super()._check_access(operation)
        if result or self.env.su or operation != "read":
            return result
        names = set(self._liangze_thread_models())
        forbidden = self.browse()
        for follower in self.sudo().filtered(lambda f: f.res_model in names):
            document = self.env[follower.res_model].browse(follower.res_id)
            if not document.has_access("read"):
                forbidden |= self.browse(follower.id)
        if forbidden:
            return forbidden, functools.partial(
                AccessError, self.env._("You may not see who follows a record you cannot read.")
            )
        return None
