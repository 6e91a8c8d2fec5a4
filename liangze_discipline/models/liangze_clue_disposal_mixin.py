# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.exceptions import UserError


class LiangzeClueDisposalMixin(models.AbstractModel):
    """The disposal of a ``liangze.clue``: the collective review (集体排查) proposes one
    of the four ways, approved in tiers; the approved way takes effect (an inquiry or a
    verification opens, or the clue is shelved or closed); a shelved clue comes back on
    its date for a new review; the clue is concluded with the outcome.

    Kept apart from the register of clues so that the disposal flow, from the review
    to the conclusion, reads in one place."""

    _name = "liangze.clue.disposal.mixin"
    _description = "Disposal"

    # -- the collective review and the disposal ---------------------------------------------
    def action_record_review(self):
        """The collective review's proposal is recorded (date, attendees, way, opinion)."""
        self._check_discipline_group()
        for clue in self:
            if clue.state != "assigned":
                raise UserError(self.env._("The collective review is recorded for an assigned clue."))
            clue._check_review_complete()
        self._guard_sudo().write({"state": "reviewed", "review_recorded_by_id": self.env.uid})
        return True

    def _check_review_complete(self):
        self.ensure_one()
        if not self.review_date:
            raise UserError(self.env._("Give the date of the collective review."))
        if len(self.attendee_ids) < 2:
            raise UserError(self.env._("A collective review has at least two attendees."))
        if not self.proposed_way:
            raise UserError(self.env._("Give the disposal the collective review proposes."))
        if not (self.review_note or "").strip():
            raise UserError(self.env._("Give the opinion of the collective review."))
        if self.proposed_way == "shelve" and not (self.review_on and self.review_on > self._bureau_today()):
            raise UserError(self.env._("A shelved clue comes back for review on a later date: give it."))
        if self.proposed_way == "talk_inquiry" and not self.inquiry_kind:
            raise UserError(self.env._("Say whether the inquiry is by talk or by letter."))

    def action_submit_disposal(self):
        """The proposed disposal goes to the head (and the committee head) for approval."""
        self._check_discipline_group()
        for clue in self:
            if clue.state == "assigned":
                clue._check_review_complete()
                clue._guard_sudo().write({"state": "reviewed", "review_recorded_by_id": self.env.uid})
            if clue.state != "reviewed":
                raise UserError(self.env._("Only a reviewed clue's disposal is submitted for approval."))
            clue._check_review_complete()
        # The approvers read the clue from now on: the reviews notify them, and only readers follow it.
        for clue in self:
            approvers = clue.body_head_id | (
                clue.committee_head_id if clue.committee_approval else clue.body_head_id.browse()
            )
            clue._guard_sudo().write({"state": "to_approve", "approver_ids": [(6, 0, approvers.ids)]})
        self._request_tier_approval(
            self.env._("No approval tier is configured for the disposal of clues: an administrator sets them up.")
        )
        for clue in self:
            clue._guard_sudo().write({"approver_ids": [(4, user.id) for user in clue.review_ids.reviewer_ids]})
        return True

    def action_back_to_review(self):
        """A rejected disposal goes back to the collective review, to be revised and submitted again."""
        self._check_discipline_group()
        for clue in self:
            if clue.state != "to_approve" or clue.validation_status != "rejected":
                raise UserError(self.env._("Only a rejected disposal goes back to the review."))
        self._guard_sudo().write({"state": "reviewed"})
        return True

    def _on_tiers_approved(self):
        """Approved: the disposal takes effect (an inquiry or a verification opens, or the
        clue is shelved or closed)."""
        today = self._bureau_today()
        for clue in self:
            way = clue.proposed_way
            clue._guard_sudo().write({"disposed_way": way, "disposed_on": today})
            if way == "talk_inquiry":
                inquiry = self.env["liangze.talk.inquiry"]._open_for(clue, kind=clue.inquiry_kind or "talk")
                target = inquiry
            elif way == "verification":
                target = self.env["liangze.verification"]._open_for(clue)
            elif way == "shelve":
                clue._guard_sudo().write({"state": "shelved"})
                target = clue
            else:
                clue._conclude(self.env._("Closed"), state="closed")
                target = clue
            handler = clue.handler_id
            if handler and way in ("talk_inquiry", "verification"):
                target.sudo().activity_schedule(
                    "mail.mail_activity_data_todo",
                    summary=self.env._("Carry out the approved disposal of clue %(clue)s", clue=clue.name),
                    user_id=handler.id,
                )
            clue.message_post(
                body=self.env._(
                    "The disposal is approved: %(way)s.",
                    way=dict(self._fields["disposed_way"]._description_selection(self.env))[way],
                ),
                partner_ids=handler.partner_id.ids,
            )

    def _conclude(self, result, state="concluded"):
        """The clue is done with (its inquiry, verification or case concluded): the
        persons' integrity files say so, with the outcome."""
        self._guard_sudo().write({"state": state, "concluded_on": self._bureau_today(), "conclusion": result})
        self._record_file_entries(result=result, open_matter=False)
        # The letter or report behind it closes too: its named reporter is told the result.
        self.sudo().petition_id.filtered(lambda p: p.state == "accepted")._close(result)
        return True

    # -- shelved clues come back --------------------------------------------------------------
    @api.model
    def _cron_review_shelved(self):
        """Daily: shelved clues whose date has come go back to their handler for a new
        collective review, with a new disposal deadline (once: they leave the shelf, in
        the same savepoint as the activity and the message). Clue by clue safe: one that
        fails stays shelved, set aside in the job failures, and comes back the next night."""
        jobs = self._bureau_context()
        today = jobs._bureau_today()
        clues = jobs.sudo().search([("state", "=", "shelved"), ("review_on", "<=", today)])
        return clues._bureau_each("liangze.clue back from shelf", lambda batch: batch._back_from_shelf(today))

    def _back_from_shelf(self, today):
        for clue in self:
            # The approval of the old disposal is history (the chatter keeps it): a new one is asked.
            clue.sudo().review_ids.unlink()
            clue._guard_sudo().write(
                {
                    "state": "assigned",
                    "back_from_shelf_on": today,
                    "disposed_on": False,
                    "disposed_way": False,
                    "proposed_way": False,
                    "review_date": False,
                    "review_on": False,
                    "review_note": False,
                    "attendee_ids": [(5,)],
                }
                | clue._disposal_deadline_values(today)
            )
            user = clue.handler_id or clue.body_head_id
            if user:
                clue.activity_schedule(
                    "mail.mail_activity_data_todo",
                    date_deadline=clue.disposal_deadline,
                    summary=self.env._("Review the shelved clue %(clue)s again", clue=clue.name),
                    user_id=user.id,
                )
            clue.message_post_with_source(
                "liangze_discipline.mail_template_liangze_clue_back_from_shelf",
                partner_ids=user.partner_id.ids,
                subtype_xmlid="mail.mt_comment",
            )
