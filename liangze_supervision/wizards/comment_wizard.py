# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models
from odoo.exceptions import AccessError

from odoo.addons.liangze_base.models.liangze_record_guard import TRUSTED, TRUSTED_KEY


class CommentWizard(models.TransientModel):
    """A reviewer's comment on a liangze document goes only on their own
    pending review of that document."""

    _inherit = "comment.wizard"

    def add_comment(self):
        self.ensure_one()
        document = self.env[self.res_model].browse(self.res_id)
        if not hasattr(document, "_liangze_tier_env"):
            return super().add_comment()
        document.check_access("read")
        own = self.review_ids.sudo().filtered(
            lambda r: (
                r.model == self.res_model
                and r.res_id == self.res_id
                and r.status in ("waiting", "pending")
                and self.env.user in r.reviewer_ids
            )
        )
        if own != self.review_ids.sudo() or not own:
            raise AccessError(self.env._("You comment only on your own pending review of this document."))
        super(CommentWizard, self.with_context(**{TRUSTED_KEY: TRUSTED})).add_comment()
        return True
