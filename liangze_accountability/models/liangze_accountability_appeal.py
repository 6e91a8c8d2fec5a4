# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from .liangze_accountability_case import SUPERVISION_HEAD, SUPERVISOR


class LiangzeAccountabilityAppeal(models.Model):
    """The appeal (申诉) of the person or unit held to account, filed within the
    appeal period from the decision (one month by default), decided by the
    head of the body within its own period (shared deadline mechanism). The
    decision is carried out meanwhile; revoked, its effect period ends."""

    _name = "liangze.accountability.appeal"
    _description = "Accountability Appeal"
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
    _integrity_fixed_fields = frozenset({"decision_id", "reason"})
    _deadline_done_states = ("upheld", "revoked")
    _deadline_done_date_field = "decided_on"

    decision_id = fields.Many2one("liangze.accountability.decision", required=True, ondelete="cascade", index=True)
    case_id = fields.Many2one(related="decision_id.case_id", store=True, index=True)
    company_id = fields.Many2one(related="decision_id.company_id", store=True)
    reason = fields.Text(required=True, help="Why the decision is contested.")
    filed_by_id = fields.Many2one("res.users", readonly=True)
    filed_on = fields.Date(readonly=True)
    deadline = fields.Date(string="Decision Due", readonly=True)
    yellow_date = fields.Date(readonly=True)
    state = fields.Selection(
        [("submitted", "Submitted"), ("upheld", "Decision Upheld"), ("revoked", "Decision Revoked")],
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
            company = appeal.company_id
            deadline = company._liangze_workdays().next_workday(
                appeal.filed_on + relativedelta(months=company.liangze_appeal_decision_months)
            )
            appeal._integrity_sudo().write(
                {"deadline": deadline, "yellow_date": self._yellow_from(deadline, 5, company)}
            )
            appeal.message_post(
                body=self.env._("Appeal filed: %(reason)s", reason=appeal.reason),
                partner_ids=appeal._deciders().partner_id.ids,
            )
        return appeals

    def _deciders(self):
        """The head of the discipline body that decided."""
        body = self.decision_id.body_unit_id
        return (body.head_id | body.member_ids).filtered(lambda u: u.has_group(SUPERVISION_HEAD))

    def _check_filing(self):
        """The person (or the unit's head) appeals, or the body records a paper appeal; once, in time."""
        self.ensure_one()
        decision = self.decision_id
        user = self.env.user
        own = decision.cadre_id.user_id == user or (
            decision.target_type == "organisation" and decision.unit_id.head_id == user
        )
        if not self.env.su and not own and not user.has_group(SUPERVISOR):
            raise AccessError(self.env._("Only the person or unit held to account appeals the decision."))
        if not (self.reason or "").strip():
            raise UserError(self.env._("Give the reasons of the appeal."))
        if decision.state not in ("issued", "done") or decision.no_accountability:
            raise UserError(self.env._("Only an issued accountability decision can be appealed."))
        if self.search_count([("decision_id", "=", decision.id), ("id", "!=", self.id)]):
            raise UserError(self.env._("This decision was already appealed."))
        last_day = decision.decision_date + relativedelta(months=decision.company_id.liangze_appeal_months)
        if self.filed_on > last_day:
            raise UserError(
                self.env._("The appeal period of this decision ended on %(day)s.", day=last_day.strftime("%Y-%m-%d"))
            )

    def _decide(self, state, reason):
        if not self.env.user.has_group(SUPERVISION_HEAD):
            raise AccessError(self.env._("The head of the discipline body decides on appeals."))
        self.check_access("read")
        if not (reason or "").strip():
            raise UserError(self.env._("Give the reason of the decision."))
        if any(appeal.state != "submitted" for appeal in self):
            raise UserError(self.env._("This appeal was already decided."))
        self._integrity_sudo().write(
            {
                "state": state,
                "decided_by_id": self.env.uid,
                "decided_on": fields.Date.context_today(self),
                "decision_reason": reason,
            }
        )
        if state == "revoked":
            self.decision_id._revoke()
        for appeal in self:
            label = dict(self._fields["state"]._description_selection(self.env))[state]
            appeal.message_post(
                body=self.env._("%(decision)s: %(reason)s", decision=label, reason=reason),
                partner_ids=(appeal.filed_by_id.partner_id | appeal.decision_id.cadre_id._notified_partners()).ids,
            )
        return True

    def action_uphold(self, reason=False):
        return self._decide("upheld", reason)

    def action_revoke(self, reason=False):
        return self._decide("revoked", reason)

    def action_open_decision(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Decide on the Appeal"),
            "res_model": "liangze.appeal.decision",
            "view_mode": "form",
            "target": "new",
            "context": {"default_accountability_appeal_id": self.id},
        }

    def _deadline_reminder(self, level):
        deciders = self._deciders()
        return {
            "activity_type": "mail.mail_activity_data_todo",
            "activity_user": deciders[:1],
            "summary": self.env._("Decide on the accountability appeal"),
            "template": "liangze_accountability.mail_template_liangze_accountability_appeal_due",
            "users": deciders,
        }

    @api.model
    def _deadline_reminder_domain(self):
        return [("state", "=", "submitted")]
