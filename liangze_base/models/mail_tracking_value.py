# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.exceptions import AccessError

from .mail_message import is_liangze_model


class MailTrackingValue(models.Model):
    """Tracked changes of liangze records are never rewritten nor deleted."""

    _inherit = "mail.tracking.value"

    def _liangze_audited(self):
        return self.sudo().filtered(lambda t: is_liangze_model(t.mail_message_id.model))

    def write(self, vals):
        if not self.env.su and self._liangze_audited():
            raise AccessError(self.env._("Tracked changes of liangze records cannot be changed."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_liangze_history(self):
        if not self.env.su and self._liangze_audited():
            raise AccessError(self.env._("Tracked changes of liangze records cannot be deleted."))
