# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.liangze_base.models.liangze_record_guard import THREAD_FIELDS
from odoo.addons.liangze_base.roles import SUPERVISOR

from .liangze_accountability_measure import TARGET_TYPES

SOURCE_KINDS = [
    ("red_task", "Red task"),
    ("failed_rectification", "Failed rectification"),
    ("reminder_letter", "Escalated reminder letter"),
    ("report_finding", "Supervision-report finding"),
    ("external_finding", "External finding"),
    ("assessment_result", "Assessment result"),
    ("discipline_case", "Discipline case"),
    ("other", "Other"),
]
# The source record's model, for each kind a trace-back opens a case from.
SOURCE_MODEL_KINDS = {
    "liangze.task": "red_task",
    "liangze.rectification.problem": "failed_rectification",
    "liangze.reminder.letter": "reminder_letter",
    "liangze.supervision.report": "report_finding",
    "liangze.rectification": "external_finding",
    "liangze.assessment.score": "assessment_result",
}


class LiangzeAccountabilityCase(models.Model):
    """An accountability case (问责案件), per the Party's accountability
    regulations (2019): proposed by the discipline body from a source record,
    approved to start the inquiry (by the body's head, or by the same-level
    party committee head when the target is an organisation it directly leads
    or its head), inquired into, decided per target (numbered decisions),
    executed, and closed once the dual investigation (一案双查) is concluded."""

    _name = "liangze.accountability.case"
    _description = "Accountability Case"
    _inherit = [
        "liangze.record.guard",
        "liangze.body.owned.mixin",
        "liangze.committee.approval.mixin",
        "liangze.tier.validation",
        "tier.validation",
        "mail.thread",
        "liangze.source.link.mixin",
    ]
    _committee_depends = ("unit_id", "target_type", "decision_ids.cadre_id")
    _order = "proposed_on desc, id desc"
    _rec_names_search = ["name", "title"]

    _guard_workflow_fields = frozenset(
        {"state", "name", "inquiry_started_on", "decided_on", "days_to_decision", "closed_on", "approver_ids"}
    )
    _guard_provenance_fields = {"author_id": "user", "proposed_on": "today"}
    _guard_fixed_fields = frozenset({"source_model", "source_id"})
    _guard_structural_fields = frozenset(
        {"company_id", "body_unit_id", "unit_id", "target_type", "source_kind", "grounds"}
    )
    _guard_state_fields = dict.fromkeys(("findings", "evidence_ids"), ("inquiry",))
    # Starting the inquiry is approved in tiers; a rejection sends the proposal back.
    _state_from = ["to_approve"]
    _state_to = ["inquiry"]
    _cancel_state = "draft"
    _tier_validation_manual_config = False

    name = fields.Char(string="Case Number", readonly=True, copy=False, default="/")
    title = fields.Char(required=True, tracking=True)
    company_id = fields.Many2one("res.company", required=True, index=True, default=lambda self: self.env.company)
    body_head_id = fields.Many2one(related="body_unit_id.head_id", string="Head of the Body", store=True)
    unit_id = fields.Many2one(
        "liangze.unit", string="Unit Concerned", required=True, index=True, tracking=True, ondelete="cascade"
    )
    target_type = fields.Selection(TARGET_TYPES, string="Held to Account", required=True, default="person")
    grounds = fields.Text(help="The facts and the rule breached: why accountability is proposed.")
    source_kind = fields.Selection(SOURCE_KINDS, string="Source", required=True, default="other", index=True)
    source_name = fields.Char(string="Source Record", compute="_compute_source_name")
    author_id = fields.Many2one("res.users", string="Proposed By", readonly=True)
    proposed_on = fields.Date(readonly=True)
    state = fields.Selection(
        [
            ("draft", "Proposed"),
            ("to_approve", "Awaiting Approval"),
            ("inquiry", "Under Inquiry"),
            ("decided", "Decided"),
            ("closed", "Closed"),
        ],
        default="draft",
        required=True,
        tracking=True,
        index=True,
    )
    committee_approval = fields.Boolean(
        help="The target is an organisation the same-level party committee directly leads, or its head: "
        "the committee head approves the inquiry.",
    )
    approver_ids = fields.Many2many(
        "res.users", "liangze_accountability_case_approver_rel", "case_id", "user_id", readonly=True, copy=False
    )
    inquiry_started_on = fields.Date(readonly=True, copy=False)
    findings = fields.Html(string="Inquiry Findings")
    evidence_ids = fields.Many2many("ir.attachment", string="Inquiry Evidence")
    decision_ids = fields.One2many("liangze.accountability.decision", "case_id", string="Decisions")
    dual_review_ids = fields.One2many("liangze.dual.review", "case_id", string="Dual Investigation")
    decided_on = fields.Date(readonly=True, copy=False)
    days_to_decision = fields.Integer(string="Days to Decision", readonly=True, copy=False, aggregator="avg")
    closed_on = fields.Date(readonly=True, copy=False)

    @api.depends("source_model", "source_id")
    def _compute_source_name(self):
        for case in self:
            source = case._source()
            case.source_name = source.sudo().display_name if source else False

    def _committee_must_approve(self, committee):
        """The target is an organisation the committee directly leads, or a principal leader in one."""
        led = self.unit_id.parent_id == committee or self.unit_id == committee
        heads = self.decision_ids.cadre_id.filtered(lambda c: c.leader_role == "principal_leader")
        return (self.target_type == "organisation" and led) or any(
            c.unit_id.parent_id == committee or c.unit_id == committee for c in heads
        )

    @api.model_create_multi
    def create(self, vals_list):
        cases = super().create(vals_list)
        if not self._guard_trusted():
            cases._check_supervisor()
        for case in cases:
            sequence = self.env["ir.sequence"].sudo().with_company(case.company_id)
            case._guard_sudo().write(
                {"name": sequence.next_by_code("liangze.accountability.case", sequence_date=case.proposed_on)}
            )
        return cases

    def write(self, vals):
        if not self._guard_trusted() and set(vals) - THREAD_FIELDS:
            self._check_supervisor()
        return super().write(vals)

    def _check_supervisor(self):
        """The discipline body handles the case: its supervisors, within their scope."""
        self._liangze_check_role([SUPERVISOR], self.env._("Only the discipline body handles accountability cases."))

    # -- the procedure -------------------------------------------------------------------
    def action_submit(self):
        """Proposal → approval to start the inquiry."""
        self._check_supervisor()
        for case in self:
            if case.state != "draft":
                raise UserError(self.env._("Only a proposed case is submitted for approval."))
            if not (case.grounds or "").strip():
                raise UserError(self.env._("Give the grounds of the proposal."))
            if not case.decision_ids:
                raise UserError(self.env._("Name whom the case holds to account: the unit or the persons."))
        self._guard_sudo().write({"state": "to_approve"})
        self._request_tier_approval(
            self.env._("No approval tier is configured for accountability cases: an administrator sets them up.")
        )
        for case in self:
            reviewers = case.review_ids.reviewer_ids
            case._guard_sudo().write({"approver_ids": [(6, 0, reviewers.ids)]})
        return True

    @api.model
    def _get_under_validation_exceptions(self):
        # Who approves is recorded once the tiers are requested, for the record rules.
        return super()._get_under_validation_exceptions() + ["approver_ids"]

    def _on_tiers_approved(self):
        self._guard_sudo().write({"inquiry_started_on": self._bureau_today()})
        for case in self:
            case.message_post(
                body=self.env._("The inquiry is approved and starts."), partner_ids=case.author_id.partner_id.ids
            )

    def _on_all_decisions_issued(self):
        """Every target decided: the case is decided, and the dual investigation opens
        when someone is held to account."""
        today = self._bureau_today()
        for case in self.filtered(lambda c: c.state == "inquiry"):
            if any(d.state == "draft" for d in case.decision_ids):
                continue
            case._guard_sudo().write(
                {"state": "decided", "decided_on": today, "days_to_decision": (today - case.proposed_on).days}
            )
            if any(not d.no_accountability for d in case.decision_ids):
                self.env["liangze.dual.review"]._open_for(case)

    def action_close(self):
        """Closed once every decision is carried out and the dual investigation concluded."""
        self._check_supervisor()
        for case in self:
            if case.state != "decided":
                raise UserError(self.env._("Only a decided case is closed."))
            if any(d.state == "issued" for d in case.decision_ids):
                raise UserError(self.env._("A decision of this case is still being carried out."))
            if any(r.state != "concluded" for r in case.dual_review_ids):
                raise UserError(
                    self.env._("Conclude the dual investigation (一案双查) of the leadership responsibility first.")
                )
        self._guard_sudo().write({"state": "closed", "closed_on": self._bureau_today()})
        return True

    def action_new_decision(self):
        """Another person or unit found answerable during the inquiry."""
        self.ensure_one()
        self._check_supervisor()
        return self.env["liangze.accountability.decision"]._form_action(
            target="new", context={"default_case_id": self.id, "default_unit_id": self.unit_id.id}
        )

    def _source_missing_message(self):
        return self.env._("This case was proposed without a source record.")
