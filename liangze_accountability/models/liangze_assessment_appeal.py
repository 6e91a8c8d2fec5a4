# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from .liangze_assessment_scheme import ASSESSOR


class LiangzeAssessmentAppeal(models.Model):
    """An appeal (申诉) of a unit against one deduction, filed within the
    scheme's workdays; the assessment office upholds the deduction or
    withdraws it, with a reason, by its own deadline (shared deadline
    mechanism: warnings and reminders to the assessors)."""

    _name = "liangze.assessment.appeal"
    _description = "Assessment Appeal"
    _inherit = ["liangze.deadline.mixin", "liangze.integrity.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "id desc"
    _mail_post_access = "read"

    _integrity_initial_states = ("submitted",)
    _integrity_workflow_fields = frozenset(
        {
            "state",
            "deadline",
            "yellow_date",
            "decided_by_id",
            "decided_on",
            "decision_reason",
            "warning_level",
            "reminded_yellow",
            "reminded_red",
        }
    )
    _integrity_provenance_fields = {"filed_by_id": "user", "filed_on": "today"}
    _integrity_fixed_fields = frozenset({"deduction_id", "reason"})
    _deadline_done_states = ("upheld", "withdrawn")
    _deadline_done_date_field = "decided_on"

    deduction_id = fields.Many2one("liangze.assessment.deduction", required=True, ondelete="cascade", index=True)
    scheme_id = fields.Many2one(related="deduction_id.scheme_id", store=True, index=True)
    unit_id = fields.Many2one(related="deduction_id.unit_id", store=True, index=True)
    points = fields.Float(related="deduction_id.points")
    reason = fields.Text(required=True, help="Why the unit contests the deduction.")
    filed_by_id = fields.Many2one("res.users", default=lambda self: self.env.user, readonly=True)
    filed_on = fields.Date(default=fields.Date.context_today, readonly=True)
    deadline = fields.Date(string="Decision Due", readonly=True)
    yellow_date = fields.Date(readonly=True)
    state = fields.Selection(
        [("submitted", "Submitted"), ("upheld", "Deduction Upheld"), ("withdrawn", "Deduction Withdrawn")],
        default="submitted",
        required=True,
        tracking=True,
        index=True,
    )
    decided_by_id = fields.Many2one("res.users", readonly=True)
    decided_on = fields.Date(readonly=True)
    decision_reason = fields.Text(readonly=True)

    @api.model_create_multi
    def create(self, vals_list):
        appeals = super().create(vals_list)
        for appeal in appeals:
            appeal._check_filing()
            scheme = appeal.scheme_id
            workdays = scheme.company_id._liangze_workdays()
            deadline = workdays.add_workdays(appeal.filed_on, scheme.appeal_decision_workdays)
            appeal._integrity_sudo().write(
                {"deadline": deadline, "yellow_date": workdays.subtract_workdays(deadline, 2)}
            )
            appeal.message_post(
                body=self.env._("Appeal filed by %(user)s: %(reason)s", user=self.env.user.name, reason=appeal.reason),
                partner_ids=scheme._assessors().partner_id.ids,
            )
        return appeals

    def _check_filing(self):
        """The unit itself appeals, once per deduction, within the scheme's workdays."""
        self.ensure_one()
        deduction = self.deduction_id
        user = self.env.user
        if not self.env.su and deduction.unit_id not in (user.liangze_unit_ids | user.liangze_managed_unit_ids):
            raise AccessError(self.env._("Only the unit charged with the deduction appeals it."))
        if not (self.reason or "").strip():
            raise UserError(self.env._("Give the reason of the appeal."))
        if deduction.state != "active":
            raise UserError(self.env._("Only a counted deduction can be appealed."))
        if deduction.scheme_id.state != "published":
            raise UserError(self.env._("The results are frozen: appeals are filed while the scheme is scored."))
        if self.search_count([("deduction_id", "=", deduction.id), ("id", "!=", self.id)]):
            raise UserError(self.env._("This deduction was already appealed."))
        scheme = deduction.scheme_id
        last_day = scheme.company_id._liangze_workdays().add_workdays(deduction.charged_on, scheme.appeal_workdays)
        if self.filed_on > last_day:
            raise UserError(
                self.env._(
                    "The appeal period of this deduction ended on %(day)s (%(workdays)s workdays).",
                    day=last_day,
                    workdays=scheme.appeal_workdays,
                )
            )

    def _check_decider(self):
        if not self.env.user.has_group(ASSESSOR):
            raise AccessError(self.env._("Only the assessment office decides on appeals."))
        for appeal in self:
            if appeal.state != "submitted":
                raise UserError(self.env._("This appeal was already decided."))
            if appeal.scheme_id.state != "published":
                raise UserError(self.env._("The results are frozen: reopen the scoring to decide this appeal."))
            if appeal.unit_id in self.env.user.liangze_unit_ids:
                raise AccessError(self.env._("An assessor never decides on their own unit's appeal."))

    def _decide(self, state, reason):
        self._check_decider()
        if not (reason or "").strip():
            raise UserError(self.env._("Give the reason of the decision."))
        self._integrity_sudo().write(
            {
                "state": state,
                "decided_by_id": self.env.uid,
                "decided_on": fields.Date.context_today(self),
                "decision_reason": reason,
            }
        )
        if state == "withdrawn":
            self.deduction_id._integrity_sudo().write({"state": "withdrawn"})
            self.env["liangze.assessment.score"]._rebuild(self.scheme_id)
        for appeal in self:
            appeal.message_post(
                body=self.env._(
                    "%(decision)s by %(user)s: %(reason)s",
                    decision=dict(self._fields["state"]._description_selection(self.env))[state],
                    user=self.env.user.name,
                    reason=reason,
                ),
                partner_ids=(appeal.filed_by_id | appeal.unit_id.head_id).partner_id.ids,
            )
        return True

    def action_uphold(self, reason=False):
        return self._decide("upheld", reason)

    def action_withdraw(self, reason=False):
        return self._decide("withdrawn", reason)

    def action_open_decision(self):
        self._check_decider()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Decide on the Appeal"),
            "res_model": "liangze.appeal.decision",
            "view_mode": "form",
            "target": "new",
            "context": {"default_appeal_id": self.id},
        }

    def _deadline_reminder(self, level):
        """Due soon or overdue: the assessors are told (an activity for the first of them)."""
        assessors = self.scheme_id._assessors()
        return {
            "activity_type": "mail.mail_activity_data_todo",
            "activity_user": assessors[:1],
            "summary": self.env._("Decide on the assessment appeal"),
            "template": "liangze_accountability.mail_template_liangze_appeal_due",
            "users": assessors,
        }

    @api.model
    def _deadline_reminder_domain(self):
        return [("state", "=", "submitted")]
