# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.liangze_base.roles import ASSESSOR


class LiangzeAssessmentAppeal(models.Model):
    """An appeal (申诉) of a unit against one deduction, filed within the
    scheme's workdays; the assessment office upholds the deduction or
    withdraws it, with a reason, within the scheme's own workdays."""

    _name = "liangze.assessment.appeal"
    _description = "Assessment Appeal"
    _inherit = ["liangze.appeal.mixin"]

    _guard_fixed_fields = frozenset({"deduction_id", "reason"})
    _deadline_done_states = ("upheld", "withdrawn")
    _appeal_due_template = "liangze_accountability.mail_template_liangze_appeal_due"

    deduction_id = fields.Many2one("liangze.assessment.deduction", required=True, ondelete="cascade", index=True)
    scheme_id = fields.Many2one(related="deduction_id.scheme_id", store=True, index=True)
    unit_id = fields.Many2one(related="deduction_id.unit_id", store=True, index=True)
    points = fields.Float(related="deduction_id.points")
    state = fields.Selection(
        [("submitted", "Submitted"), ("upheld", "Deduction Upheld"), ("withdrawn", "Deduction Withdrawn")],
        default="submitted",
        required=True,
        tracking=True,
        index=True,
    )

    def _decision_deadline(self):
        scheme = self.scheme_id
        workdays = scheme.company_id._liangze_workdays()
        deadline = workdays.add_workdays(self.filed_on, scheme.appeal_decision_workdays)
        return deadline, workdays.subtract_workdays(deadline, 2)

    def _deciders(self):
        """The assessment office."""
        return self.scheme_id._assessors()

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
            if appeal.scheme_id.state != "published":
                raise UserError(self.env._("The results are frozen: reopen the scoring to decide this appeal."))
            if appeal.unit_id in self.env.user.liangze_unit_ids:
                raise AccessError(self.env._("An assessor never decides on their own unit's appeal."))

    def _on_decided(self, state):
        if state == "withdrawn":
            self.deduction_id._guard_sudo().write({"state": "withdrawn"})
            self.env["liangze.assessment.score"]._rebuild(self.scheme_id)

    def _appellant_partners(self):
        return (self.filed_by_id | self.unit_id.head_id).partner_id

    def action_uphold(self, reason=False):
        return self._decide("upheld", reason)

    def action_withdraw(self, reason=False):
        return self._decide("withdrawn", reason)
