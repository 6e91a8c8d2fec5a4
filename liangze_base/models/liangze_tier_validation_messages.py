# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class LiangzeTierValidationMessages(models.AbstractModel):
    """What OCA tier validation writes in the chatter and the banner of a liangze
    document, in words of this addon: OCA's own zh_CN.po leaves most of them empty,
    and a code term is translated only by the po file of the module whose code says
    it, so a Chinese user read "Review pending for…" in English."""

    _inherit = "liangze.tier.validation"

    def _get_to_validate_message(self):
        icon = '<i class="fa fa-lg fa-info-circle"></i>'
        pending = self.review_ids.filtered(lambda r: r.status == "pending")[:1]
        if pending and pending.todo_by:
            return self.env._("%(icon)s Pending approval by %(todo_by)s", icon=icon, todo_by=pending.todo_by)
        return self.env._(
            "%(icon)s This %(model_name)s needs approval", icon=icon, model_name=self._get_to_validate_message_name()
        )

    def _compute_next_review(self):
        for record in self:
            review = record.review_ids.sorted("sequence").filtered(lambda r: r.status == "pending")[:1]
            record.next_review = self.env._("Next: %(tier)s", tier=review.name) if review else False

    def _notify_created_review_body(self):
        return self.env._("%(user)s submitted this for approval.", user=self.env.user.name)

    def _notify_requested_review_body(self, tier_reviews=None):
        if tier_reviews:
            requester = tier_reviews[:1].requested_by or self.env.user
            assignees = ", ".join(filter(None, tier_reviews.mapped("todo_by"))) or self.env._("the reviewer")
            return self.env._(
                "Approval pending from %(assignees)s, asked by %(requester)s.",
                assignees=assignees,
                requester=requester.display_name,
            )
        return self.env._("%(user)s asked for approval.", user=self.env.user.display_name)

    def _my_review_comment(self):
        """The comment the current user gave with their review, if any."""
        return self.review_ids.filtered(lambda r: self.env.user in r.reviewer_ids and r.comment)[:1].comment

    def _notify_rejected_review_body(self):
        comment = self._my_review_comment()
        if comment:
            return self.env._("%(user)s rejected it: %(comment)s", user=self.env.user.name, comment=comment)
        return self.env._("%(user)s rejected it.", user=self.env.user.name)

    def _notify_restarted_review_body(self):
        return self.env._("%(user)s restarted the approval.", user=self.env.user.name)

    def _notify_accepted_reviews_body(self):
        comment = self._my_review_comment()
        if comment:
            return self.env._("%(user)s approved it: %(comment)s", user=self.env.user.name, comment=comment)
        return self.env._("%(user)s approved it.", user=self.env.user.name)
