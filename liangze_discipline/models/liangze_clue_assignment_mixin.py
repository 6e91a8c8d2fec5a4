# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models
from odoo.exceptions import UserError

from odoo.addons.liangze_base.roles import CASE_MANAGEMENT, CASE_OFFICER, SUPERVISION_HEAD


class LiangzeClueAssignmentMixin(models.AbstractModel):
    """The assignment (分办) of a ``liangze.clue``: case management proposes a case
    officer as its handler, the head of the body approves, after the recusal check.

    Kept apart from the register of clues so that this first step of the procedure,
    with its own roles, reads in one place."""

    _name = "liangze.clue.assignment.mixin"
    _description = "Assignment"

    # -- assignment (分办) --------------------------------------------------------------------
    def action_propose_assignment(self):
        """Case management proposes the handler; the head approves."""
        self._check_discipline_group(CASE_MANAGEMENT, SUPERVISION_HEAD)
        for clue in self:
            if clue.state != "registered":
                raise UserError(self.env._("Only a registered clue is proposed for assignment."))
            handler = clue.proposed_handler_id
            if not handler:
                raise UserError(self.env._("Name the proposed handler of %(clue)s.", clue=clue.name))
            if not handler.has_group(CASE_OFFICER):
                raise UserError(self.env._("%(user)s is not a case officer.", user=handler.name))
            clue._check_recusal(handler)
        today = self._bureau_today()
        self._guard_sudo().write({"assignment_proposed_on": today})
        for clue in self:
            if clue.body_head_id:
                clue.sudo().activity_schedule(
                    "mail.mail_activity_data_todo",
                    summary=self.env._("Approve the assignment of clue %(clue)s", clue=clue.name),
                    user_id=clue.body_head_id.id,
                )
        return True

    def action_approve_assignment(self):
        """The head approves the proposed handler: assigned, after the recusal check."""
        self._check_head()
        for clue in self:
            if clue.state != "registered" or not clue.assignment_proposed_on:
                raise UserError(self.env._("Only a clue proposed for assignment is approved."))
            handler = clue.proposed_handler_id
            clue._assign(handler)
            clue._guard_sudo().write(
                {"handler_id": handler.id, "assigned_on": self._bureau_today(), "state": "assigned"}
            )
            clue.sudo().activity_feedback(["mail.mail_activity_data_todo"], user_id=self.env.uid)
            clue.message_post(
                body=self.env._("Assigned to %(user)s.", user=handler.name), partner_ids=handler.partner_id.ids
            )
        return True
