# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.exceptions import UserError


class LiangzePlanApprovalMixin(models.AbstractModel):
    """A plan written, submitted, then approved or returned by one approver (an inquiry's
    or a verification's plan, approved by the head of the body).

    The model has a ``state`` with "draft" → "to_approve" → "approved" and says:
    ``_plan_check_submitter()`` / ``_plan_check_approver()`` (who may),
    ``_plan_check_ready()`` (what the plan must hold, per record), ``_plan_approver()``
    (who is asked, per record), ``_plan_activity_summary()`` and ``_plan_on_approve()``.
    ``plan_approved_on`` and ``plan_approved_by_id`` are workflow fields of the record
    guard: only these actions write them."""

    _name = "liangze.plan.approval.mixin"
    _description = "Plan Approval"

    plan = fields.Text()
    plan_approved_on = fields.Date(readonly=True, copy=False)
    plan_approved_by_id = fields.Many2one("res.users", readonly=True, copy=False)

    # -- what the model says ---------------------------------------------------------------
    def _plan_check_submitter(self):
        raise NotImplementedError

    def _plan_check_approver(self):
        raise NotImplementedError

    def _plan_check_ready(self):
        """Per record: refuse (UserError) a plan not ready to be submitted."""
        if not (self.plan or "").strip():
            raise UserError(self.env._("Write the plan first."))

    def _plan_approver(self):
        """Per record: the user asked to approve (empty: nobody is told)."""
        return self.env["res.users"]

    def _plan_activity_summary(self):
        return self.env._("Approve the plan %(name)s", name=self.display_name)

    def _plan_on_approve(self):
        """What the approval sets going (e.g. the team assigned)."""

    # -- the actions -------------------------------------------------------------------------
    def action_submit_plan(self):
        self._plan_check_submitter()
        for record in self:
            if record.state != "draft":
                raise UserError(self.env._("Only a draft plan is submitted."))
            record._plan_check_ready()
        self._guard_sudo().write({"state": "to_approve"})
        for record in self:
            approver = record._plan_approver()
            if approver:
                record.sudo().activity_schedule(
                    "mail.mail_activity_data_todo", summary=record._plan_activity_summary(), user_id=approver.id
                )
        return True

    def action_approve_plan(self):
        self._plan_check_approver()
        if any(record.state != "to_approve" for record in self):
            raise UserError(self.env._("Only a plan submitted for approval is approved."))
        self._plan_on_approve()
        self._guard_sudo().write(
            {"state": "approved", "plan_approved_on": self._bureau_today(), "plan_approved_by_id": self.env.uid}
        )
        self.sudo().activity_feedback(["mail.mail_activity_data_todo"], user_id=self.env.uid)
        return True

    def action_return_plan(self):
        """Sent back to be revised."""
        self._plan_check_approver()
        if any(record.state != "to_approve" for record in self):
            raise UserError(self.env._("Only a plan submitted for approval is returned."))
        self._guard_sudo().write({"state": "draft"})
        return True
