# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class LiangzeAppealMixin(models.AbstractModel):
    """What an appeal (申诉) is, whatever it contests: filed once, with its
    reasons, by whom it concerns and within its period; decided with a reason
    by its deciders before its own deadline (shared deadline mechanism:
    warnings, reminders to the deciders). Each model says what is contested,
    who files and decides, the periods, and what a decision changes."""

    _name = "liangze.appeal.mixin"
    _description = "Appeal"
    _inherit = ["liangze.deadline.mixin", "liangze.record.guard", "mail.thread", "mail.activity.mixin"]
    _order = "id desc"
    _mail_post_access = "read"

    _guard_initial_states = ("submitted",)
    _guard_workflow_fields = frozenset(
        {
            "state",
            "deadline",
            "yellow_date",
            "decided_by_id",
            "decided_on",
            "decision_reason",
        }
    )
    _guard_provenance_fields = {"filed_by_id": "user", "filed_on": "today"}
    _deadline_done_date_field = "decided_on"
    # The mail template of the reminder when a decision falls due, and its activity's summary.
    _appeal_due_template = None
    # The decision is due within the months of this field of the record's company from the
    # filing (on a workday), yellow this many workdays before (``_decision_deadline``).
    _appeal_decision_months_field = None
    _appeal_yellow_workdays = 5

    reason = fields.Text(required=True, help="Why the appeal is made.")
    filed_by_id = fields.Many2one("res.users", default=lambda self: self.env.user, readonly=True)
    filed_on = fields.Date(default=lambda self: self._bureau_today(), readonly=True)
    deadline = fields.Date(string="Decision Due", readonly=True)
    yellow_date = fields.Date(readonly=True)
    decided_by_id = fields.Many2one("res.users", readonly=True)
    decided_on = fields.Date(readonly=True)
    decision_reason = fields.Text(readonly=True)

    @api.model_create_multi
    def create(self, vals_list):
        appeals = super().create(vals_list)
        for appeal in appeals:
            appeal._check_filing()
            deadline, yellow = appeal._decision_deadline()
            appeal._guard_sudo().write({"deadline": deadline, "yellow_date": yellow})
            appeal.message_post(
                body=self.env._("Appeal filed by %(user)s: %(reason)s", user=self.env.user.name, reason=appeal.reason),
                partner_ids=appeal._deciders().partner_id.ids,
            )
        return appeals

    # -- what each appeal model says -------------------------------------------------------
    def _check_filing(self):
        """Refuse a filing that may not be made (who, what, when)."""
        raise NotImplementedError

    def _decision_deadline(self):
        """(deadline, first day of the yellow warning) of the decision: by default the
        company's ``_appeal_decision_months_field`` months from the filing."""
        if not self._appeal_decision_months_field:
            raise NotImplementedError
        company = self.company_id
        deadline = self._deadline_in_months(self.filed_on, company[self._appeal_decision_months_field], company)
        return deadline, self._yellow_from(deadline, self._appeal_yellow_workdays, company)

    def _deciders(self):
        """The users who decide (and are reminded)."""
        raise NotImplementedError

    def _check_decider(self):
        """Refuse a decision by someone who may not decide."""
        raise NotImplementedError

    def _on_decided(self, state):
        """What the decision changes (a deduction withdrawn, a decision revoked…)."""

    def _appellant_partners(self):
        return self.filed_by_id.partner_id

    # -- the decision ------------------------------------------------------------------------
    def _decide(self, state, reason):
        self._check_decider()
        if any(appeal.state != "submitted" for appeal in self):
            raise UserError(self.env._("This appeal was already decided."))
        if not (reason or "").strip():
            raise UserError(self.env._("Give the reason of the decision."))
        self._guard_sudo().write(
            {
                "state": state,
                "decided_by_id": self.env.uid,
                "decided_on": self._bureau_today(),
                "decision_reason": reason,
            }
        )
        self._on_decided(state)
        label = dict(self._fields["state"]._description_selection(self.env))[state]
        for appeal in self:
            appeal.message_post(
                body=self.env._(
                    "%(decision)s by %(user)s: %(reason)s", decision=label, user=self.env.user.name, reason=reason
                ),
                partner_ids=appeal._appellant_partners().ids,
            )
        return True

    def action_open_decision(self):
        self.ensure_one()
        self._check_decider()
        return self._liangze_wizard(
            "liangze.appeal.decision",
            self.env._("Decide on the Appeal"),
            {"default_appeal_ref": f"{self._name},{self.id}"},
        )

    def _deadline_reminder(self, level):
        """Due soon or overdue: the deciders are told (an activity for the first of them)."""
        deciders = self._deciders()
        return {
            "activity_type": "mail.mail_activity_data_todo",
            "activity_user": deciders[:1],
            "summary": self.env._("Decide on the appeal"),
            "template": self._appeal_due_template,
            "users": deciders,
        }

    @api.model
    def _deadline_reminder_domain(self):
        return [("state", "=", "submitted")]
