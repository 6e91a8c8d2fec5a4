# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.exceptions import UserError

from odoo.addons.liangze_base.roles import CASE_MANAGEMENT, SUPERVISION_HEAD


class LiangzeDisciplineDecisionExecutionMixin(models.AbstractModel):
    """The carrying out of a ``liangze.discipline.decision`` once issued: the executing
    unit carries it out within one month and reports back within six (one deadline,
    moving from the first step to the second, with its reminders); the person's appeal
    is registered; revoked on appeal, its sanctions are revoked in the integrity file.

    Kept apart from the decision so that what follows its issue reads in one place."""

    _name = "liangze.discipline.decision.execution.mixin"
    _description = "Execution and Report Back"

    # -- carrying out ----------------------------------------------------------------------------------
    def action_confirm_execution(self):
        """The unit carried out the decision (announced, post and pay changed): the report back is due."""
        self.case_id._check_discipline_group()
        for decision in self:
            if decision.state != "issued":
                raise UserError(self.env._("Only a decision being carried out is confirmed."))
            if not (decision.execution_note or "").strip():
                raise UserError(self.env._("Say how the decision was carried out."))
        today = self._bureau_today()
        for decision in self.sudo():
            decision._guard_sudo().write(
                {
                    "state": "executed",
                    "executed_on": today,
                    "deadline": decision.report_deadline,
                    "yellow_date": self._yellow_from(decision.report_deadline, 10, decision.company_id),
                }
            )
        return True

    def action_record_report(self):
        """The executing unit's report back is in: the decision is done."""
        self.case_id._check_discipline_group()
        for decision in self:
            if decision.state != "executed":
                raise UserError(self.env._("The report back follows the execution."))
            if not ((decision.report_note or "").strip() or decision.report_attachment):
                raise UserError(self.env._("Give the executing unit's report back."))
        self._guard_sudo().write({"state": "done", "reported_on": self._bureau_today()})
        self.case_id._on_decisions_changed()
        return True

    def _revoke(self, reason):
        """Revoked on appeal: its sanctions revoked in the integrity file, the file says so."""
        today = self._bureau_today()
        for decision in self.sudo():
            decision._guard_sudo().write({"state": "revoked", "revoked_on": today, "revoke_reason": reason})
            recorded = decision.sanction_ids.filtered(lambda s: s.state == "recorded")
            if recorded:
                recorded._guard_sudo().action_revoke(reason)
            decision._record_file_entry()
        self.case_id._on_decisions_changed()

    def action_register_appeal(self):
        """The person's written appeal, registered by the body."""
        self.ensure_one()
        self.case_id._check_discipline_group(CASE_MANAGEMENT, SUPERVISION_HEAD)
        return self.env["liangze.discipline.appeal"]._form_action(
            name=self.env._("Register an Appeal"), target="new", context={"default_decision_id": self.id}
        )

    # -- reminders ---------------------------------------------------------------------------------------
    def _deadline_reminder(self, level):
        """Due soon or overdue: the officers of the case and the head are told; the
        case's proposer gets the activity."""
        users = (self.sudo().officer_ids | self.body_unit_id.head_id).filtered(lambda u: not u.share)
        return {
            "activity_type": "mail.mail_activity_data_todo",
            "activity_user": self.sudo().case_id.author_id or users[:1],
            "summary": (
                self.env._("Check that the decision is carried out")
                if self.state == "issued"
                else self.env._("Obtain the report back on the decision")
            ),
            "template": "liangze_discipline.mail_template_liangze_discipline_decision_due",
            "users": users,
        }

    @api.model
    def _deadline_reminder_domain(self):
        return [("state", "in", ("issued", "executed"))]
