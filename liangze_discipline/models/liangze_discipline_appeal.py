# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.liangze_base.models.liangze_record_guard import THREAD_FIELDS
from odoo.addons.liangze_base.roles import CASE_MANAGEMENT, SUPERVISION_HEAD

# An appeal in these states is still under way: the integrity opinion on its person is deferred.
OPEN_APPEAL_STATES = ("submitted",)


class LiangzeDisciplineAppeal(models.Model):
    """The appeal (申诉) of a person against a sanction decision, registered by the
    body (case management, or the head) from the written appeal, within the appeal
    period from the decision (one month by default). Reviewed (复查) by officers who
    neither verified, investigated nor tried the case, decided by the head of the
    body within three months: upheld, changed (the decision revoked and a new one
    drafted) or revoked (its sanctions revoked in the integrity file). The decision is
    carried out meanwhile; the person is told the result."""

    _name = "liangze.discipline.appeal"
    _description = "Discipline Appeal"
    _inherit = ["liangze.appeal.mixin", "liangze.discipline.mixin"]
    _order = "filed_on desc, id desc"
    _rec_name = "display_title"

    _guard_initial_states = ("submitted",)
    _guard_workflow_fields = frozenset(
        {
            "state",
            "officer_ids",
            "reviewer_ids",
            "deadline",
            "yellow_date",
            "decided_by_id",
            "decided_on",
            "decision_reason",
            "new_decision_id",
            "warning_level",
            "reminded_yellow",
            "reminded_red",
        }
    )
    _guard_fixed_fields = frozenset({"decision_id", "reason"})
    _guard_structural_fields = frozenset({"company_id", "body_unit_id", "concerned_cadre_ids"})
    _deadline_done_states = ("upheld", "changed", "revoked")
    _appeal_due_template = "liangze_discipline.mail_template_liangze_discipline_appeal_due"
    _appeal_decision_months_field = "liangze_discipline_appeal_decision_months"
    _appeal_yellow_workdays = 10

    decision_id = fields.Many2one("liangze.discipline.decision", required=True, index=True, ondelete="cascade")
    case_id = fields.Many2one(related="decision_id.case_id", store=True, index=True)
    cadre_id = fields.Many2one(related="decision_id.cadre_id", string="Person", store=True, index=True)
    decision_number = fields.Char(related="decision_id.decision_number")
    display_title = fields.Char(string="Appeal", compute="_compute_display_title")
    state = fields.Selection(
        [
            ("submitted", "Under Review"),
            ("upheld", "Decision Upheld"),
            ("changed", "Decision Changed"),
            ("revoked", "Decision Revoked"),
        ],
        default="submitted",
        required=True,
        tracking=True,
        index=True,
    )
    reviewer_ids = fields.Many2many(
        "res.users",
        "liangze_discipline_appeal_reviewer_rel",
        "appeal_id",
        "user_id",
        string="Reviewers",
        readonly=True,
        copy=False,
        help="Officers who neither verified, investigated nor tried the case.",
    )
    review_report = fields.Html(help="The review (复查) of the facts, the evidence and the decision.")
    new_decision_id = fields.Many2one(
        "liangze.discipline.decision", readonly=True, copy=False, help="Drafted when changed."
    )

    @api.depends("cadre_id", "decision_id.decision_number")
    def _compute_display_title(self):
        for appeal in self:
            appeal.display_title = " ".join(filter(None, [appeal.cadre_id.name, appeal.decision_id.decision_number]))

    # -- create and write ---------------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        Decision = self.env["liangze.discipline.decision"].sudo()
        for vals in vals_list:
            decision = Decision.browse(vals.get("decision_id"))
            if decision.exists():
                vals.update(
                    company_id=decision.company_id.id,
                    body_unit_id=decision.body_unit_id.id,
                    concerned_cadre_ids=[(6, 0, decision.cadre_id.ids)],
                )
        appeals = super().create(vals_list)
        for appeal in appeals.sudo():
            if appeal.decision_id.officer_ids:
                appeal._assign(appeal.decision_id.officer_ids)
        return appeals

    def write(self, vals):
        if not self._guard_trusted() and set(vals) - THREAD_FIELDS:
            self._check_discipline_group()
            if "review_report" in vals:
                for appeal in self.sudo():
                    if appeal.state != "submitted":
                        raise UserError(self.env._("The review is written while the appeal is under review."))
                    if self.env.user not in appeal.reviewer_ids:
                        raise UserError(self.env._("Only the reviewers of the appeal write its review."))
        return super().write(vals)

    def _involved_users(self):
        return self.sudo().case_id._involved_users()

    # -- what the appeal mixin asks ----------------------------------------------------------------
    def _check_filing(self):
        """Registered by the body from the person's written appeal; once, in time."""
        self.ensure_one()
        self.decision_id._liangze_check_role(
            [CASE_MANAGEMENT, SUPERVISION_HEAD],
            self.env._("Case management or the head of the body registers appeals."),
        )
        decision = self.decision_id.sudo()
        if not (self.reason or "").strip():
            raise UserError(self.env._("Give the reasons of the appeal."))
        if decision.state not in ("issued", "executed", "done") or decision.no_sanction:
            raise UserError(self.env._("Only an issued sanction decision can be appealed."))
        if self.sudo().search_count([("decision_id", "=", decision.id), ("id", "!=", self.id)]):
            raise UserError(self.env._("This decision was already appealed."))
        last_day = decision.decision_date + relativedelta(months=decision.company_id.liangze_discipline_appeal_months)
        if self.filed_on > last_day:
            raise UserError(
                self.env._("The appeal period of this decision ended on %(day)s.", day=last_day.strftime("%Y-%m-%d"))
            )

    def _deciders(self):
        """The reviewers, and the head of the body who decides."""
        return (self.sudo().reviewer_ids | self.sudo().body_unit_id.head_id).filtered(lambda u: not u.share)

    def _case_handlers(self):
        """Who verified, investigated or tried the case."""
        return self.sudo().case_id.officer_ids - self.sudo().reviewer_ids

    def _check_decider(self):
        """The head of the body decides, on the reviewers' review, unless they handled the case."""
        if self.env.su:
            return
        self._liangze_check_role([SUPERVISION_HEAD], self.env._("The head of the discipline body decides on appeals."))
        for appeal in self.sudo():
            if self.env.user in appeal._case_handlers():
                raise UserError(self.env._("You handled this case: another head decides on the appeal."))
            if not appeal.reviewer_ids:
                raise UserError(self.env._("Assign the reviewers of the appeal first."))
            if appeal.state == "submitted" and not appeal.review_report:
                raise UserError(self.env._("The reviewers write their review first."))

    def action_open_assign_reviewers(self):
        self.ensure_one()
        self._check_discipline_group(CASE_MANAGEMENT, SUPERVISION_HEAD)
        return self.env["liangze.case.assign"]._open(self, "review")

    def _assign_reviewers(self, users):
        """Reviewers who never handled the case (recusal); they read its file."""
        self._check_discipline_group(CASE_MANAGEMENT, SUPERVISION_HEAD)
        for appeal in self.sudo():
            if appeal.state != "submitted":
                raise UserError(self.env._("Reviewers are assigned while the appeal is under review."))
            handled = users & appeal._case_handlers()
            if handled:
                raise UserError(
                    self.env._(
                        "%(users)s handled the case: appeals are reviewed by officers who did not verify, "
                        "investigate or try it.",
                        users="、".join(handled.mapped("name")),
                    )
                )
        # Recused on the usual grounds too; they read the case's file, its decisions and appeals.
        self._check_recusal(users)
        self._guard_sudo().write({"reviewer_ids": [(4, user.id) for user in users]})
        self.sudo().case_id._assign(users)
        for appeal in self:
            appeal.message_post(
                body=self.env._("Reviewers: %(users)s", users="、".join(users.mapped("name"))),
                partner_ids=users.partner_id.ids,
            )
        return True

    def _on_decided(self, state):
        """Revoked: the sanctions revoked in the file; changed: revoked too, and a new
        decision drafted for the head to issue; the person told by mail."""
        Decision = self.env["liangze.discipline.decision"]._guard_sudo()
        for appeal in self.sudo():
            decision = appeal.decision_id
            if state == "changed":
                # Drafted first: the case waits for it instead of closing.
                new = Decision.create(
                    {
                        "case_id": decision.case_id.id,
                        "cadre_id": decision.cadre_id.id,
                        "replaces_id": decision.id,
                        "facts": decision.facts,
                        "executing_unit_id": decision.executing_unit_id.id,
                    }
                )
                appeal._guard_sudo().write({"new_decision_id": new.id})
            if state in ("revoked", "changed"):
                decision._revoke(appeal.decision_reason)
            partners = decision.cadre_id._notified_partners().filtered("email")
            if partners:
                template = self.env.ref("liangze_discipline.mail_template_liangze_discipline_appeal_decided")
                template.send_mail(appeal.id, email_values={"recipient_ids": [(6, 0, partners.ids)]})

    def _appellant_partners(self):
        # The person reads nothing of the case: told by mail (_on_decided); the officer who registered follows.
        return self.filed_by_id.partner_id

    def action_uphold(self, reason=False):
        return self._decide("upheld", reason)

    def action_change(self, reason=False):
        return self._decide("changed", reason)

    def action_revoke(self, reason=False):
        return self._decide("revoked", reason)

    def action_open_new_decision(self):
        self.ensure_one()
        if not self.new_decision_id:
            return False
        return self.new_decision_id._form_action()
