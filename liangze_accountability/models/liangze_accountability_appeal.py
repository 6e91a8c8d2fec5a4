# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.liangze_base.roles import SUPERVISION_HEAD, SUPERVISOR


class LiangzeAccountabilityAppeal(models.Model):
    """The appeal (申诉) of the person or unit held to account, filed within the
    appeal period from the decision (one month by default), decided by the
    head of the body within its own period. The decision is carried out
    meanwhile; revoked, its effect period ends."""

    _name = "liangze.accountability.appeal"
    _description = "Accountability Appeal"
    _inherit = ["liangze.appeal.mixin"]

    _guard_fixed_fields = frozenset({"decision_id", "reason"})
    _deadline_done_states = ("upheld", "revoked")
    _appeal_due_template = "liangze_accountability.mail_template_liangze_accountability_appeal_due"
    _appeal_decision_months_field = "liangze_appeal_decision_months"

    decision_id = fields.Many2one("liangze.accountability.decision", required=True, ondelete="cascade", index=True)
    case_id = fields.Many2one(related="decision_id.case_id", store=True, index=True)
    company_id = fields.Many2one(related="decision_id.company_id", store=True)
    state = fields.Selection(
        [("submitted", "Submitted"), ("upheld", "Decision Upheld"), ("revoked", "Decision Revoked")],
        default="submitted",
        required=True,
        tracking=True,
        index=True,
    )

    def _deciders(self):
        """The head of the discipline body that decided."""
        return self.decision_id.body_unit_id._users().filtered(lambda u: u.has_group(SUPERVISION_HEAD))

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

    def _check_decider(self):
        if not self.env.user.has_group(SUPERVISION_HEAD):
            raise AccessError(self.env._("The head of the discipline body decides on appeals."))
        self.check_access("read")

    def _on_decided(self, state):
        if state == "revoked":
            self.decision_id._revoke()

    def _appellant_partners(self):
        return self.filed_by_id.partner_id | self.decision_id.cadre_id._notified_partners()

    def action_uphold(self, reason=False):
        return self._decide("upheld", reason)

    def action_revoke(self, reason=False):
        return self._decide("revoked", reason)
