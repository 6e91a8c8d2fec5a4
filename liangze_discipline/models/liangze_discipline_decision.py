# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.liangze_base.models.liangze_record_guard import THREAD_FIELDS
from odoo.addons.liangze_base.roles import SUPERVISION_HEAD
from odoo.addons.liangze_integrity.models.liangze_sanction_type import FORMS

# What the decision says: changed only while it is a draft.
OUTCOME_FIELDS = frozenset(
    {
        "executing_unit_id",
        "facts",
        "party_type_id",
        "probation_months",
        "government_type_id",
        "organisational_type_ids",
        "organisational_note",
        "transfer_to_judicial",
        "judicial_note",
        "no_sanction",
        "no_sanction_reason",
        "effective_date",
    }
)
EXECUTION_FIELDS = frozenset({"execution_note"})
REPORT_FIELDS = frozenset({"report_note", "report_attachment", "report_attachment_name"})


class LiangzeDisciplineDecision(models.Model):
    """The decision of a discipline case on one person (处分决定): a party sanction
    and/or a government sanction (types and effect periods of the integrity files),
    organisational handling (诫勉, 停职检查, 调整职务…), a transfer to the judicial
    organs, or no sanction with the reason. Issued by the head of the body once the
    trial is concluded, numbered (处分决定书) and sent to the person, their unit and
    the organisation department; each sanction is written to the person's integrity
    file. The unit carries it out within one month and reports back within six
    months (one deadline, moving from the first step to the second)."""

    _name = "liangze.discipline.decision"
    _description = "Discipline Decision"
    _inherit = [
        "liangze.discipline.decision.execution.mixin",
        "liangze.deadline.mixin",
        "liangze.discipline.mixin",
        "liangze.official.document",
    ]
    _order = "decision_date desc, id desc"
    # Its number (发文字号) in the discipline body's series: liangze.official.document.
    _document_kind = "discipline_decision"
    _document_issuer_field = "body_unit_id"
    _document_number_field = "decision_number"
    _rec_name = "display_title"

    _guard_workflow_fields = frozenset(
        {
            "state",
            "officer_ids",
            "decision_number",
            "decision_date",
            "sanction_ids",
            "execution_deadline",
            "report_deadline",
            "deadline",
            "yellow_date",
            "executed_on",
            "reported_on",
            "revoked_on",
            "revoke_reason",
        }
    )
    _guard_fixed_fields = frozenset({"case_id", "cadre_id", "replaces_id"})
    _guard_structural_fields = OUTCOME_FIELDS | {"company_id", "body_unit_id", "concerned_cadre_ids"}
    # Carried out, then reported back.
    _guard_state_fields = {
        **dict.fromkeys(EXECUTION_FIELDS, ("issued",)),
        **dict.fromkeys(REPORT_FIELDS, ("executed",)),
    }
    _deadline_field = "deadline"
    _deadline_done_states = ("done",)
    _deadline_done_date_field = "reported_on"
    _deadline_void_states = ("draft", "revoked")

    case_id = fields.Many2one("liangze.discipline.case", required=True, index=True, ondelete="cascade")
    case_state = fields.Selection(related="case_id.state", string="Case State")
    # Cascade only serves uninstall: a cadre concerned by a matter is never deleted (liangze.cadre).
    cadre_id = fields.Many2one("liangze.cadre", string="Person", required=True, index=True, ondelete="cascade")
    executing_unit_id = fields.Many2one(
        "liangze.unit",
        string="Carried Out By",
        help="The unit that carries out the decision and reports back: by default the person's unit.",
    )
    display_title = fields.Char(string="Decision", compute="_compute_display_title")
    facts = fields.Text(string="Facts and Grounds")
    party_type_id = fields.Many2one(
        "liangze.sanction.type", string="Party Sanction", domain="[('category', '=', 'party')]", ondelete="cascade"
    )
    party_probation = fields.Boolean(related="party_type_id.probation")
    probation_months = fields.Selection(
        [("12", "One year"), ("24", "Two years")], string="Probation", help="留党察看: one or two years."
    )
    government_type_id = fields.Many2one(
        "liangze.sanction.type",
        string="Government Sanction",
        domain="[('category', '=', 'government')]",
        ondelete="cascade",
    )
    organisational_type_ids = fields.Many2many(
        "liangze.sanction.type",
        "liangze_discipline_decision_org_type_rel",
        "decision_id",
        "type_id",
        string="Organisational Handling",
        domain="[('category', 'in', ('admonishment', 'organisational'))]",
    )
    organisational_note = fields.Text(string="Organisational Handling, Details")
    transfer_to_judicial = fields.Boolean(
        string="Transferred to the Judicial Organs", help="Suspected crime: transferred to the procuratorate."
    )
    judicial_note = fields.Text(string="Transfer Details")
    no_sanction = fields.Boolean(help="Exempted from or not given a sanction, for the reasons.")
    no_sanction_reason = fields.Text(string="Why No Sanction")
    form = fields.Selection(
        FORMS,
        string="Form of Discipline",
        compute="_compute_form",
        store=True,
        help="Which of the four forms the decision counts in: the heaviest of its sanctions; the fourth "
        "when transferred to the judicial organs.",
    )
    outcome_summary = fields.Char(string="Outcome", compute="_compute_outcome_summary")
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("issued", "Being Carried Out"),
            ("executed", "Report Back Due"),
            ("done", "Done"),
            ("revoked", "Revoked"),
        ],
        default="draft",
        required=True,
        tracking=True,
        index=True,
    )
    decision_number = fields.Char(readonly=True, copy=False, index=True)
    decision_date = fields.Date(readonly=True, copy=False, index=True)
    effective_date = fields.Date(help="The effect periods run from this day; empty: the decision date.")
    sanction_ids = fields.Many2many(
        "liangze.sanction",
        "liangze_discipline_decision_sanction_rel",
        "decision_id",
        "sanction_id",
        string="Sanctions in the Integrity File",
        readonly=True,
        copy=False,
        groups="liangze_base.group_liangze_supervisor",
    )
    execution_deadline = fields.Date(string="Carry Out By", readonly=True, copy=False)
    report_deadline = fields.Date(string="Report Back By", readonly=True, copy=False)
    deadline = fields.Date(string="Due", readonly=True, copy=False, help="The deadline of the current step.")
    yellow_date = fields.Date(readonly=True, copy=False)
    executed_on = fields.Date(string="Carried Out On", readonly=True, copy=False)
    execution_note = fields.Text(string="How It Was Carried Out", copy=False)
    reported_on = fields.Date(string="Reported Back On", readonly=True, copy=False)
    report_note = fields.Text(string="Report Back", copy=False, help="The executing unit's report on the execution.")
    report_attachment = fields.Binary(string="Report Document", attachment=True, copy=False)
    report_attachment_name = fields.Char(copy=False)
    revoked_on = fields.Date(readonly=True, copy=False)
    revoke_reason = fields.Text(readonly=True, copy=False)
    replaces_id = fields.Many2one("liangze.discipline.decision", readonly=True, help="The decision changed on appeal.")
    appeal_ids = fields.One2many("liangze.discipline.appeal", "decision_id", string="Appeals")

    @api.depends("cadre_id", "decision_number")
    def _compute_display_title(self):
        for decision in self:
            decision.display_title = " ".join(filter(None, [decision.decision_number, decision.cadre_id.name]))

    @api.depends(
        "party_type_id.form", "government_type_id.form", "organisational_type_ids.form", "transfer_to_judicial"
    )
    def _compute_form(self):
        for decision in self:
            if decision.transfer_to_judicial:
                decision.form = "4"
                continue
            kinds = decision.party_type_id | decision.government_type_id | decision.organisational_type_ids
            forms = [kind.form for kind in kinds if kind.form]
            decision.form = max(forms) if forms else False

    @api.depends(
        "party_type_id", "government_type_id", "organisational_type_ids", "transfer_to_judicial", "no_sanction"
    )
    @api.depends_context("lang")
    def _compute_outcome_summary(self):
        for decision in self:
            parts = []
            if decision.party_type_id:
                parts.append(decision.party_type_id.name)
            if decision.government_type_id:
                parts.append(decision.government_type_id.name)
            parts += decision.organisational_type_ids.mapped("name")
            if decision.transfer_to_judicial:
                parts.append(self.env._("Transferred to the judicial organs"))
            if decision.no_sanction:
                parts.append(self.env._("No sanction"))
            decision.outcome_summary = "、".join(parts)

    @api.constrains("no_sanction", "party_type_id", "government_type_id")
    def _check_no_sanction(self):
        # Exempted from a sanction, the person may still be dealt with by organisational handling (诫勉…).
        for decision in self:
            if decision.no_sanction and (decision.party_type_id or decision.government_type_id):
                raise ValidationError(self.env._("A decision of no sanction gives no sanction."))

    @api.onchange("cadre_id")
    def _onchange_cadre_id(self):
        if self.cadre_id:
            self.executing_unit_id = self.cadre_id.unit_id

    # -- create and write ----------------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        trusted = self._guard_trusted()
        Case = self.env["liangze.discipline.case"].sudo()
        for vals in vals_list:
            case = Case.browse(vals.get("case_id"))
            if case.exists():
                vals.update(company_id=case.company_id.id, body_unit_id=case.body_unit_id.id)
                if vals.get("cadre_id"):
                    vals["concerned_cadre_ids"] = [(6, 0, [vals["cadre_id"]])]
                    if not vals.get("executing_unit_id"):
                        cadre = self.env["liangze.cadre"].sudo().browse(vals["cadre_id"])
                        vals["executing_unit_id"] = cadre.unit_id.id
        decisions = super().create(vals_list)
        if not trusted:
            decisions.case_id._check_discipline_group()
            for decision in decisions:
                if decision.case_id.state not in ("trial", "decided"):
                    raise UserError(self.env._("A decision is drafted once the case is under trial."))
        for decision in decisions.sudo():
            if decision.cadre_id not in decision.case_id.concerned_cadre_ids:
                raise UserError(self.env._("%(person)s is not a person of this case.", person=decision.cadre_id.name))
            if decision.case_id.officer_ids:
                decision._assign(decision.case_id.officer_ids)
        return decisions

    def write(self, vals):
        if not self._guard_trusted() and set(vals) - THREAD_FIELDS:
            self.case_id._check_discipline_group()
        return super().write(vals)

    def _involved_users(self):
        return self.sudo().case_id._involved_users()

    # -- issue ----------------------------------------------------------------------------------------
    def _check_issuable(self):
        today = self._bureau_today()
        for decision in self.sudo():
            case = decision.case_id
            if decision.state != "draft":
                raise UserError(self.env._("This decision was already issued."))
            if not case.trial_concluded_on or case.state not in ("decided", "executing", "closed"):
                raise UserError(
                    self.env._(
                        "The trial of case %(case)s is not concluded: a decision follows the trial.", case=case.name
                    )
                )
            if not (decision.facts or "").strip():
                raise UserError(self.env._("Give the facts and grounds of the decision."))
            sanctions = decision.party_type_id | decision.government_type_id | decision.organisational_type_ids
            if decision.no_sanction:
                if not (decision.no_sanction_reason or "").strip():
                    raise UserError(self.env._("Give the reasons for giving no sanction."))
            elif not sanctions and not decision.transfer_to_judicial:
                raise UserError(
                    self.env._(
                        "Decide on %(person)s: a sanction, organisational handling, a transfer to the judicial "
                        "organs, or no sanction.",
                        person=decision.cadre_id.name,
                    )
                )
            if decision.party_type_id.probation and not decision.probation_months:
                raise UserError(self.env._("Give the probation the decision sets: one or two years."))
            if decision.effective_date and decision.effective_date < today:
                raise UserError(self.env._("A decision takes effect on or after the day it is issued."))

    def action_issue(self):
        """Issued by the head: numbered (处分决定书), the sanctions written to the integrity
        file, sent to the person, their unit and the organisation department."""
        self.case_id._check_discipline_group(SUPERVISION_HEAD)
        self.check_access("write")
        self._check_issuable()
        today = self._bureau_today()
        for decision in self.sudo():
            company = decision.company_id
            number = decision._next_document_number(today)
            values = {"decision_number": number, "decision_date": today}
            to_execute = decision.party_type_id or decision.government_type_id or decision.organisational_type_ids
            if to_execute:
                execution = self._deadline_in_months(today, company.liangze_sanction_execution_months, company)
                report = self._deadline_in_months(today, company.liangze_sanction_report_months, company)
                values.update(
                    state="issued",
                    execution_deadline=execution,
                    report_deadline=report,
                    deadline=execution,
                    yellow_date=self._yellow_from(execution, 5, company),
                )
            else:
                values.update(state="done", reported_on=today)
            decision._guard_sudo().write(values)
            decision._record_sanctions()
            decision._record_file_entry()
            decision._notify_issued()
        self.case_id._on_decisions_changed()
        return True

    def _record_sanctions(self):
        """Each sanction of the decision into the person's integrity file, recorded."""
        Sanction = self.env["liangze.sanction"]._guard_sudo()
        for decision in self.sudo():
            file = self.env["liangze.integrity.file"]._for_cadres(decision.cadre_id)
            kinds = decision.party_type_id | decision.government_type_id | decision.organisational_type_ids
            if not kinds:
                continue
            sanctions = Sanction.create(
                [
                    {
                        "file_id": file.id,
                        "type_id": kind.id,
                        "decided_by": decision.body_unit_id.name,
                        "decision_number": decision.decision_number,
                        "decision_date": decision.decision_date,
                        "effective_date": decision.effective_date or decision.decision_date,
                        "facts": decision.facts,
                        "probation_months": decision.probation_months if kind.probation else False,
                    }
                    for kind in kinds
                ]
            )
            sanctions.action_record()
            decision._guard_sudo().write({"sanction_ids": [(4, sanction.id) for sanction in sanctions]})

    def _record_file_entry(self):
        """The outcome of the case in the person's file (letters, reports and clues)."""
        for decision in self.sudo():
            day = decision.decision_date or self._bureau_today()
            self.env["liangze.integrity.entry"]._record(
                decision.cadre_id,
                "clue",
                decision,
                name=self.env._("Case investigation %(case)s", case=decision.case_id.name),
                year=day.year,
                entry_date=day,
                result=(
                    self.env._("Revoked on appeal: %(outcome)s", outcome=decision.outcome_summary)
                    if decision.state == "revoked"
                    else " ".join(filter(None, [decision.outcome_summary, decision.decision_number]))
                ),
                summary=decision.facts,
                open_matter=False,
            )

    def _notified_partners(self):
        """The person, the head of the unit carrying it out, and the organisation department."""
        self.ensure_one()
        organisation = self.company_id.liangze_organisation_unit_id
        users = (self.executing_unit_id.head_id | organisation._users()).filtered(
            lambda u: not u.share and u != self.cadre_id.user_id
        )
        return (self.cadre_id._notified_partners() | users.partner_id).filtered("email")

    def _notify_issued(self):
        """The decision (PDF) goes out by mail: none of its recipients reads the case."""
        template = self.env.ref("liangze_discipline.mail_template_liangze_discipline_decision_notice")
        for decision in self.sudo():
            partners = decision._notified_partners()
            if partners:
                template.send_mail(decision.id, email_values={"recipient_ids": [(6, 0, partners.ids)]})
            decision.message_post(
                body=self.env._(
                    "Decision %(number)s issued and sent to: %(recipients)s",
                    number=decision.decision_number,
                    recipients="、".join(partners.mapped("name")) or "-",
                )
            )
