# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.liangze_base.models.liangze_record_guard import THREAD_FIELDS
from odoo.addons.liangze_base.roles import SUPERVISOR

RESPONSIBILITY_KINDS = [
    ("overall_leadership", "Overall leadership responsibility"),
    ("main_leadership", "Main leadership responsibility"),
    ("important_leadership", "Important leadership responsibility"),
    ("direct", "Direct responsibility"),
]


class LiangzeAccountabilityDecision(models.Model):
    """The accountability decision (问责决定) on one target of a case: a unit or
    a person, the kind of responsibility, the measures (combinable) or no
    accountability with the reasons. Issued with a document number, notified
    to the person, the unit and the organisation department, carried out by
    its execution deadline (shared deadline mechanism) with the written
    self-criticism; open to one appeal. Each measure's effect period (影响期)
    is stored on it."""

    _name = "liangze.accountability.decision"
    _description = "Accountability Decision"
    _inherit = [
        "liangze.deadline.mixin",
        "liangze.record.guard",
        "liangze.official.document",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _order = "decision_date desc, id desc"
    # Its number (发文字号) in the discipline body's series: liangze.official.document.
    _document_kind = "accountability_decision"
    _document_issuer_field = "body_unit_id"
    _document_number_field = "document_number"
    _rec_name = "display_title"
    _mail_post_access = "read"

    _guard_workflow_fields = frozenset(
        {
            "state",
            "document_number",
            "decision_date",
            "effect_months",
            "effect_until",
            "yellow_date",
            "executed_on",
        }
    )
    _guard_fixed_fields = frozenset({"case_id"})
    _guard_structural_fields = frozenset(
        {
            "cadre_id",
            "unit_id",
            "responsibility_kind",
            "measure_ids",
            "no_accountability",
            "reason",
            "execution_deadline",
        }
    )
    _deadline_field = "execution_deadline"
    _deadline_done_states = ("done",)
    _deadline_done_date_field = "executed_on"
    _deadline_void_states = ("draft", "revoked")

    # The case stays the discipline body's: the person addressed sees the decision, not the case.
    case_id = fields.Many2one(
        "liangze.accountability.case",
        required=True,
        ondelete="cascade",
        index=True,
        groups="liangze_base.group_liangze_supervisor,liangze_base.group_liangze_leader",
    )
    company_id = fields.Many2one(related="case_id.company_id", store=True, index=True)
    body_unit_id = fields.Many2one(related="case_id.body_unit_id", store=True)
    target_type = fields.Selection(related="case_id.target_type", store=True)
    cadre_id = fields.Many2one("liangze.cadre", string="Person", index=True, ondelete="cascade")
    unit_id = fields.Many2one("liangze.unit", required=True, index=True, ondelete="cascade")
    display_title = fields.Char(string="Decision", compute="_compute_display_title")
    responsibility_kind = fields.Selection(RESPONSIBILITY_KINDS, string="Responsibility")
    measure_ids = fields.Many2many(
        "liangze.accountability.measure",
        "liangze_accountability_decision_measure_rel",
        "decision_id",
        "measure_id",
        string="Measures",
        domain="[('target_type', '=', target_type)]",
    )
    no_accountability = fields.Boolean(help="Found not answerable, for the reasons given.")
    reason = fields.Text(string="Facts and Reasons")
    state = fields.Selection(
        [("draft", "Draft"), ("issued", "Being Carried Out"), ("done", "Carried Out"), ("revoked", "Revoked")],
        default="draft",
        required=True,
        tracking=True,
        index=True,
    )
    document_number = fields.Char(readonly=True, copy=False, index=True)
    decision_date = fields.Date(readonly=True, copy=False, index=True)
    effect_months = fields.Integer(string="Effect Period (months)", readonly=True, copy=False)
    effect_until = fields.Date(string="Effect Period Ends", readonly=True, copy=False)
    execution_deadline = fields.Date(
        string="Carry Out By", help="Empty: the body's execution period (one month by default) from the decision."
    )
    yellow_date = fields.Date(readonly=True, copy=False)
    executed_on = fields.Date(string="Carried Out On", readonly=True, copy=False)
    self_criticism = fields.Binary(string="Written Self-criticism", attachment=True, copy=False)
    self_criticism_name = fields.Char(copy=False)
    execution_note = fields.Text(string="How It Was Carried Out", copy=False)
    appeal_ids = fields.One2many("liangze.accountability.appeal", "decision_id", string="Appeals")

    @api.depends("cadre_id", "unit_id", "document_number")
    def _compute_display_title(self):
        for decision in self:
            target = decision.cadre_id.name or decision.unit_id.name or ""
            decision.display_title = " ".join(filter(None, [decision.document_number, target]))

    @api.constrains("cadre_id", "unit_id", "target_type")
    def _check_target(self):
        for decision in self:
            if decision.target_type == "person" and not decision.cadre_id:
                raise ValidationError(self.env._("A decision on a person names the person."))
            if decision.target_type == "organisation" and decision.cadre_id:
                raise ValidationError(self.env._("A decision on an organisation names no person."))

    @api.constrains("execution_deadline", "decision_date")
    def _check_execution_deadline(self):
        for decision in self:
            if decision.execution_deadline and decision.decision_date:
                if decision.execution_deadline < decision.decision_date:
                    raise ValidationError(self.env._("The execution deadline cannot be before the decision date."))

    @api.onchange("cadre_id")
    def _onchange_cadre_id(self):
        if self.cadre_id:
            self.unit_id = self.cadre_id.unit_id

    @api.model_create_multi
    def create(self, vals_list):
        decisions = super().create(vals_list)
        if not self._guard_trusted():
            decisions.case_id._check_supervisor()
            if any(d.case_id.state not in ("draft", "inquiry") for d in decisions):
                raise UserError(self.env._("Targets are added while the case is proposed or under inquiry."))
        return decisions

    def write(self, vals):
        if not self._guard_trusted() and set(vals) - THREAD_FIELDS:
            self.check_access("write")
            if not self.env.user.has_group(SUPERVISOR):
                if set(vals) - {"self_criticism", "self_criticism_name", "execution_note"} - THREAD_FIELDS:
                    raise AccessError(self.env._("The person held to account only uploads the self-criticism."))
                if any(d.state != "issued" for d in self):
                    raise UserError(self.env._("The self-criticism is uploaded while the decision is carried out."))
            elif any(d.state != "draft" for d in self) and set(vals) & self._guard_structural_fields:
                self._guard_refuse(
                    sorted(set(vals) & self._guard_structural_fields)[0],
                    self.env._("An issued decision is not changed: appeal it."),
                )
        return super().write(vals)

    # -- issue ----------------------------------------------------------------------------
    def _check_issuable(self):
        today = self._bureau_today()
        for decision in self:
            if decision.state != "draft":
                raise UserError(self.env._("This decision was already issued."))
            if decision.case_id.state != "inquiry":
                raise UserError(self.env._("Decisions are issued once the inquiry is approved."))
            if decision.no_accountability:
                if decision.measure_ids:
                    raise UserError(self.env._("No accountability takes no measure."))
                if not (decision.reason or "").strip():
                    raise UserError(self.env._("Give the reasons for holding nobody to account."))
                continue
            if not decision.measure_ids:
                raise UserError(self.env._("An accountability decision gives at least one measure."))
            if decision.target_type == "person" and not decision.responsibility_kind:
                raise UserError(self.env._("Give the kind of responsibility of the person held to account."))
            if decision.execution_deadline and decision.execution_deadline < today:
                raise UserError(self.env._("The execution deadline cannot be before the decision date."))
            decision._check_not_twice()

    def _check_not_twice(self):
        """A person (or unit) is held to account once for one source and measure."""
        case = self.case_id
        domain = [
            ("id", "!=", self.id),
            ("state", "in", ("issued", "done")),
            ("measure_ids", "in", self.measure_ids.ids),
        ]
        domain += [("cadre_id", "=", self.cadre_id.id)] if self.cadre_id else [("unit_id", "=", self.unit_id.id)]
        if case.source_model:
            domain += [("case_id.source_model", "=", case.source_model), ("case_id.source_id", "=", case.source_id)]
        else:
            domain += [("case_id", "=", case.id)]
        twice = self.sudo().search(domain, limit=1)
        if twice:
            raise UserError(
                self.env._(
                    "%(target)s was already held to account for this source with %(measures)s (%(number)s).",
                    target=self.cadre_id.name or self.unit_id.name,
                    measures=", ".join((twice.measure_ids & self.measure_ids).mapped("name")),
                    number=twice.document_number,
                )
            )

    def action_issue(self):
        """Numbered, dated, notified; the effect period and the execution deadline set."""
        self.case_id._check_supervisor()
        self._check_issuable()
        today = self._bureau_today()
        for decision in self:
            company = decision.company_id
            values = {"decision_date": today}
            if decision.no_accountability:
                values.update(state="done", executed_on=today)
            else:
                months = max(decision.measure_ids.mapped("effect_months") or [0])
                deadline = decision.execution_deadline or self._deadline_in_months(
                    today, company.liangze_execution_months, company
                )
                values.update(
                    state="issued",
                    effect_months=months,
                    effect_until=today + relativedelta(months=months) if months else False,
                    execution_deadline=deadline,
                    yellow_date=self._yellow_from(deadline, 5, company),
                )
            decision._guard_sudo().write(values)
            decision._guard_sudo().write({"document_number": decision._next_document_number(today)})
            decision._notify_issued()
        self.case_id._on_all_decisions_issued()
        return True

    def _notified_users_and_partners(self):
        """The person, the unit (its head) and the organisation department."""
        self.ensure_one()
        organisation = self.company_id.liangze_organisation_unit_id
        users = (self.unit_id.head_id | organisation._users()).filtered(lambda u: not u.share)
        if self.target_type == "person" and self.cadre_id.leader_role == "principal_leader":
            users -= self.unit_id.head_id - self.cadre_id.user_id
        return users.partner_id | self.cadre_id._notified_partners()

    def _notify_issued(self):
        for decision in self:
            decision.message_post_with_source(
                "liangze_accountability.mail_template_liangze_decision_issued",
                partner_ids=decision._notified_users_and_partners().ids,
                subtype_xmlid="mail.mt_comment",
            )

    # -- execution -------------------------------------------------------------------------
    def action_confirm_execution(self):
        """The body records that the decision was carried out (the self-criticism is in)."""
        self.case_id._check_supervisor()
        for decision in self:
            if decision.state != "issued":
                raise UserError(self.env._("Only a decision being carried out is confirmed."))
            if decision.target_type == "person" and not decision.self_criticism:
                raise UserError(
                    self.env._("The written self-criticism of %(person)s is missing.", person=decision.cadre_id.name)
                )
        self._guard_sudo().write({"state": "done", "executed_on": self._bureau_today()})
        return True

    def _revoke(self):
        """An appeal upheld against the decision: revoked, its deductions withdrawn."""
        self._guard_sudo().write({"state": "revoked", "effect_until": False})
        deductions = (
            self.env["liangze.assessment.deduction"]
            .sudo()
            .search([("source_model", "=", self._name), ("source_id", "in", self.ids), ("state", "=", "active")])
        )
        if deductions:
            deductions._guard_sudo().write({"state": "withdrawn"})
            self.env["liangze.assessment.score"]._rebuild(deductions.scheme_id)

    def _deadline_reminder(self, level):
        """Due soon or overdue: the person and the unit head are told, the case's author gets the activity."""
        users = (self.cadre_id.user_id | self.unit_id.head_id).filtered(lambda u: not u.share)
        return {
            "activity_type": "mail.mail_activity_data_todo",
            "activity_user": self.case_id.author_id,
            "summary": self.env._("Check that the accountability decision is carried out"),
            "template": "liangze_accountability.mail_template_liangze_decision_due",
            "users": users | self.case_id.author_id,
        }

    @api.model
    def _deadline_reminder_domain(self):
        return [("state", "=", "issued")]

    def action_appeal(self):
        self.ensure_one()
        return self.env["liangze.accountability.appeal"]._form_action(
            name=self.env._("Appeal the Decision"), target="new", context={"default_decision_id": self.id}
        )
