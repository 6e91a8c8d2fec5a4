# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models
from odoo.exceptions import AccessError


class BaseRoleCheck(models.AbstractModel):
    """The one check "only this role does this", on every model: an action checks
    the user's role, then that the user may write these records (the record rules
    say which ones), before it writes through the record guard."""

    _inherit = "base"

    def _liangze_check_role(self, groups, message, write=True):
        """Refuse (AccessError, with ``message``) a user having none of ``groups``
        (xml ids, see ``liangze_base.roles``); with ``write``, also one who may not
        write these records. The product's own code (superuser) passes."""
        if self.env.su:
            return
        if not any(self.env.user.has_group(group) for group in groups):
            raise AccessError(message)
        if write:
            self.check_access("write")
