# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models
from odoo.exceptions import AccessError


class LiangzeConfidentialThread(models.AbstractModel):
    """A confidential record's chatter: its followers and the recipients of its
    messages are people who may read it, so that no notification, attachment or
    letter of it reaches anyone else (integrity files, sanctions, opinion requests)."""

    _name = "liangze.confidential.thread"
    _description = "Confidential Chatter"
    _inherit = ["mail.thread"]

    def _check_readers(self, partner_ids):
        if self.env.su or not partner_ids:
            return
        for partner in self.env["res.partner"].sudo().browse(partner_ids):
            users = partner.user_ids.filtered(lambda u: not u.share)
            if not any(all(record.with_user(user).has_access("read") for record in self) for user in users):
                raise AccessError(
                    self.env._(
                        "%(person)s may not read this record: only its readers follow it or get its messages.",
                        person=partner.display_name,
                    )
                )

    def message_subscribe(self, partner_ids=None, subtype_ids=None):
        self._check_readers(partner_ids)
        return super().message_subscribe(partner_ids=partner_ids, subtype_ids=subtype_ids)

    def message_post(self, **kwargs):
        self._check_readers(kwargs.get("partner_ids"))
        return super().message_post(**kwargs)
