# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.exceptions import AccessError

# What a message says and who said it; its read flags, stars and reactions stay free.
CONTENT_FIELDS = frozenset(
    {
        "body",
        "subject",
        "author_id",
        "author_guest_id",
        "email_from",
        "model",
        "res_id",
        "date",
        "message_type",
        "subtype_id",
        "tracking_value_ids",
        "attachment_ids",
        "parent_id",
    }
)


def is_liangze_model(model_name):
    return bool(model_name) and model_name.startswith("liangze.")


class MailMessage(models.Model):
    """The audit trail of liangze records is immutable: no message on them is
    edited or deleted by any user, their author included (the product's
    choice: not at all, rather than only until something happens after it).
    Deleting a record deletes its messages as superuser (drafts only: what
    went out is never deleted)."""

    _inherit = "mail.message"

    def _liangze_audited(self):
        return self.sudo().filtered(lambda m: is_liangze_model(m.model))

    def write(self, vals):
        # Odoo itself writes messages as superuser when it sends them (mail.mail
        # shares its message); the chatter's edit goes through the record's
        # _message_update_content, refused by the record guard.
        if not self.env.su and CONTENT_FIELDS & vals.keys() and self._liangze_audited():
            raise AccessError(
                self.env._("Messages of liangze records are part of their history and cannot be changed.")
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_liangze_history(self):
        if not self.env.su and self._liangze_audited():
            raise AccessError(
                self.env._("Messages of liangze records are part of their history and cannot be deleted.")
            )
