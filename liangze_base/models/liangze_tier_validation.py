# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models
from odoo.exceptions import AccessError, UserError

from .liangze_record_guard import TRUSTED, TRUSTED_KEY


class LiangzeTierValidation(models.AbstractModel):
    """OCA tier validation on liangze documents, unforgeable: the reviews are
    written only by these methods (tier.review refuses anyone else), and a
    user approves or rejects only the tier pending for them."""

    _name = "liangze.tier.validation"
    _description = "Unforgeable Tier Validation"

    def _liangze_tier_env(self):
        # The current user stays the actor (OCA reads env.user); the token lets
        # the OCA methods, and only them, write the reviews.
        return self.with_context(**{TRUSTED_KEY: TRUSTED})

    def _check_pending_reviewer(self):
        for record in self:
            if not record._get_sequences_to_approve(self.env.user):
                raise AccessError(
                    self.env._("You are not the reviewer of the tier pending on %(doc)s.", doc=record.display_name)
                )

    def request_validation(self):
        res = super(LiangzeTierValidation, self._liangze_tier_env()).request_validation()
        self._check_every_tier_has_a_reviewer()
        return res

    def _check_every_tier_has_a_reviewer(self):
        """A tier nobody may approve would hold the document forever: the requester is
        never their own reviewer (four eyes), so the head who is the only reviewer
        of a tier does not submit it, and a tier's group or field must name someone."""
        for record in self:
            for review in record.sudo().review_ids:
                if review.status in ("waiting", "pending") and not review.reviewer_ids:
                    raise UserError(
                        self.env._(
                            "Nobody can approve the tier “%(tier)s” of %(doc)s: whoever submits a document "
                            "does not approve it too. Let the colleague who handles it submit it, or ask the "
                            "administrator to name the reviewers of this tier.",
                            tier=review.definition_id.name,
                            doc=record.display_name,
                        )
                    )

    def restart_validation(self):
        return super(LiangzeTierValidation, self._liangze_tier_env()).restart_validation()

    def validate_tier(self):
        self._check_pending_reviewer()
        res = super(LiangzeTierValidation, self._liangze_tier_env()).validate_tier()
        # OCA returns None when no comment is asked; RPC carries a value.
        return True if res is None else res

    def reject_tier(self):
        self._check_pending_reviewer()
        res = super(LiangzeTierValidation, self._liangze_tier_env()).reject_tier()
        return True if res is None else res

    def _validate_tier(self, tiers=False):
        self._check_pending_reviewer()
        res = super(LiangzeTierValidation, self._liangze_tier_env())._validate_tier(tiers)
        # The last tier approved: the document moves on, by the approval alone.
        if self.validation_status == "validated" and self[self._state_field] in self._state_from:
            # need_validation has no dependencies: drop the value cached before the reviews existed.
            self.invalidate_recordset(["need_validation"])
            self._guard_sudo().write({self._state_field: self._state_to[0]})
            self._on_tiers_approved()
        return res

    def _get_tier_validation_readonly_domain(self):
        # OCA locks the form once the reviews exist, for good: a document whose approval
        # ends its life. A liangze approval is a step (a case filed is then investigated):
        # the form is locked while under approval only, in the states waiting for it.
        return f"validation_status not in ('no', False) and {self._state_field} in {list(self._state_from)!r}"

    def _get_under_validation_exceptions(self):
        # The daily warning job writes the warning level and the reminder flags of a
        # document awaiting approval too.
        jobs = [name for name in ("warning_level", "reminded_yellow", "reminded_red") if name in self._fields]
        return super()._get_under_validation_exceptions() + jobs

    def _on_tiers_approved(self):
        """What a document does once every tier approved it (tell its author, …)."""

    def _request_tier_approval(self, missing_message):
        """Ask the configured tiers for approval; refuse when none is configured."""
        # need_validation has no dependencies: a value cached before the state moved is stale.
        self.invalidate_recordset(["need_validation"])
        for record in self:
            if not record.need_validation:
                raise UserError(missing_message)
            record.request_validation()

    def _rejected_tier(self, tiers=False):
        self._check_pending_reviewer()
        return super(LiangzeTierValidation, self._liangze_tier_env())._rejected_tier(tiers)

    def _tier_validation_check_write_remove_reviews(self, vals):
        return super(LiangzeTierValidation, self._liangze_tier_env())._tier_validation_check_write_remove_reviews(vals)

    def unlink(self):
        return super(LiangzeTierValidation, self._liangze_tier_env()).unlink()
