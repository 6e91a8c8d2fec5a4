# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import html2plaintext, is_html_empty

from odoo.addons.liangze_base.models.liangze_record_guard import THREAD_FIELDS

OUTCOMES = [
    ("closed", "Closed"),
    ("propose_case", "Propose case filing"),
    ("hand_over", "Handed to the party organisation"),
    ("reminder_talk", "Reminder talk"),
]
# Written by the team at each step, and only then.
WORK_FIELDS = frozenset({"measures", "report"})
OUTCOME_FIELDS = frozenset({"outcome", "outcome_note", "hand_over_unit_id"})


class LiangzeVerification(models.Model):
    """The preliminary verification (初步核实) of a clue: its plan and team approved by
    the head of the body, the measures taken, the report signed by every member of
    the team, and the outcome — closed, case filing proposed (the case opens), handed
    to the party organisation, or a reminder talk."""

    _name = "liangze.verification"
    _description = "Preliminary Verification"
    _inherit = ["liangze.discipline.mixin", "liangze.plan.approval.mixin"]
    _order = "id desc"

    _guard_workflow_fields = frozenset(
        {
            "state",
            "name",
            "officer_ids",
            "plan_approved_on",
            "plan_approved_by_id",
            "reported_on",
            "signed_by_ids",
            "concluded_on",
            "inquiry_id",
        }
    )
    _guard_provenance_fields = {"author_id": "user"}
    _guard_fixed_fields = frozenset({"clue_id"})
    _guard_structural_fields = frozenset({"plan", "team_ids", "company_id", "body_unit_id", "concerned_cadre_ids"})
    # Each step of the verification, at its own step.
    _guard_state_fields = {**dict.fromkeys(WORK_FIELDS, ("approved",)), **dict.fromkeys(OUTCOME_FIELDS, ("reported",))}

    name = fields.Char(string="Verification Number", readonly=True, copy=False, default="/", index=True)
    clue_id = fields.Many2one("liangze.clue", required=True, index=True, ondelete="restrict")
    inquiry_id = fields.Many2one("liangze.talk.inquiry", string="After the Inquiry", readonly=True)
    author_id = fields.Many2one("res.users", string="Opened By", readonly=True)
    state = fields.Selection(
        [
            ("draft", "Plan"),
            ("to_approve", "Plan to Approve"),
            ("approved", "Under Way"),
            ("reported", "Report to Sign"),
            ("concluded", "Concluded"),
        ],
        default="draft",
        required=True,
        tracking=True,
        index=True,
        copy=False,
    )
    plan = fields.Text(string="Verification Plan", help="What is verified, how, and by when.")
    team_ids = fields.Many2many(
        "res.users",
        "liangze_verification_team_rel",
        "verification_id",
        "user_id",
        domain="[('share', '=', False)]",
        help="The officers who verify and sign the report; assigned once the plan is approved.",
    )
    measures = fields.Text(string="Measures Taken", copy=False)
    report = fields.Html(string="Verification Report", copy=False)
    reported_on = fields.Date(readonly=True, copy=False)
    signed_by_ids = fields.Many2many(
        "res.users",
        "liangze_verification_signed_rel",
        "verification_id",
        "user_id",
        readonly=True,
        copy=False,
    )
    unsigned_ids = fields.Many2many("res.users", string="Still to Sign", compute="_compute_unsigned")
    outcome = fields.Selection(OUTCOMES, copy=False, tracking=True)
    outcome_note = fields.Text(string="Outcome Opinion", copy=False)
    hand_over_unit_id = fields.Many2one(
        "liangze.unit", string="Party Organisation", copy=False, help="The party organisation the matter goes to."
    )
    concluded_on = fields.Date(readonly=True, copy=False)
    case_count = fields.Integer(compute="_compute_case_count")

    @api.depends("team_ids", "signed_by_ids")
    def _compute_unsigned(self):
        for verification in self:
            verification.unsigned_ids = verification.team_ids - verification.signed_by_ids

    def _compute_case_count(self):
        for verification in self:
            verification.case_count = len(verification._cases())

    def _cases(self):
        """The cases proposed from this verification."""
        return self.env["liangze.discipline.case"].sudo().search([("verification_id", "in", self.ids)])

    def _involved_users(self):
        return super()._involved_users() | self.sudo().clue_id._involved_users()

    # -- create and write --------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        Clue = self.env["liangze.clue"]
        if not self._guard_trusted():
            self._check_discipline_group()
            for vals in vals_list:
                clue = Clue.browse(vals.get("clue_id"))
                clue.check_access("write")
                if clue.state != "disposed" or clue.disposed_way != "verification":
                    raise UserError(
                        self.env._(
                            "The disposal of the clue is not approved as a preliminary verification: a "
                            "verification starts from an approved disposal or an inquiry's outcome."
                        )
                    )
        Inquiry = self.env["liangze.talk.inquiry"]
        vals_list = [dict(vals, **Inquiry._clue_values(Clue.browse(vals.get("clue_id")))) for vals in vals_list]
        verifications = super().create(vals_list)
        for verification in verifications:
            verification._guard_sudo().write(
                {"name": self.with_company(verification.company_id)._discipline_sequence("liangze.verification")}
            )
            verification._assign(verification.clue_id.sudo().officer_ids)
        return verifications

    def write(self, vals):
        if not self._guard_trusted() and set(vals) - THREAD_FIELDS:
            self._check_discipline_group()
        return super().write(vals)

    @api.model
    def _open_for(self, clue, inquiry=None):
        """The verification an approved disposal (or an inquiry's outcome) opens; the clue's
        handler is proposed for the team."""
        clue = clue.sudo()
        return self._guard_sudo().create(
            {
                "clue_id": clue.id,
                "inquiry_id": inquiry.id if inquiry else False,
                "team_ids": [(6, 0, clue.handler_id.ids)],
            }
        )

    # -- the plan and the team --------------------------------------------------------------------
    def _plan_check_submitter(self):
        self._check_discipline_group()

    def _plan_check_approver(self):
        self._check_head()

    def _plan_check_ready(self):
        if not (self.plan or "").strip():
            raise UserError(self.env._("Write the verification plan first."))
        if not self.team_ids:
            raise UserError(self.env._("Name the team of the verification."))
        self._check_recusal(self.team_ids)

    def _plan_approver(self):
        return self.body_unit_id.head_id

    def _plan_activity_summary(self):
        return self.env._("Approve the verification plan %(number)s", number=self.name)

    def _plan_on_approve(self):
        """The team is assigned (after the recusal check)."""
        for verification in self:
            verification._assign(verification.team_ids)

    # -- the report and its signatures --------------------------------------------------------------
    def action_submit_report(self):
        """The report is written: every member of the team signs it."""
        self._check_discipline_group()
        for verification in self:
            if verification.state != "approved":
                raise UserError(self.env._("The report is submitted while the verification is under way."))
            if not (verification.measures or "").strip() or is_html_empty(verification.report):
                raise UserError(self.env._("Give the measures taken and the verification report."))
        self._guard_sudo().write({"state": "reported", "reported_on": self._bureau_today(), "signed_by_ids": [(5,)]})
        for verification in self:
            for member in verification.team_ids:
                verification.sudo().activity_schedule(
                    "mail.mail_activity_data_todo",
                    summary=self.env._("Sign the verification report %(number)s", number=verification.name),
                    user_id=member.id,
                )
        return True

    def action_sign(self):
        """The current user, a member of the team, signs the report."""
        self._check_discipline_group()
        for verification in self:
            if verification.state != "reported":
                raise UserError(self.env._("The report is signed once it is submitted."))
            if self.env.user not in verification.team_ids:
                raise AccessError(self.env._("Only the members of the team sign the verification report."))
            if self.env.user in verification.signed_by_ids:
                raise UserError(self.env._("You already signed this report."))
        self._guard_sudo().write({"signed_by_ids": [(4, self.env.uid)]})
        for verification in self:
            verification.sudo().activity_feedback(["mail.mail_activity_data_todo"], user_id=self.env.uid)
            verification.message_post(body=self.env._("Report signed by %(user)s.", user=self.env.user.name))
        return True

    def action_reopen_report(self):
        """Back to the work: the report is revised and signed afresh."""
        self._check_discipline_group()
        if any(verification.state != "reported" for verification in self):
            raise UserError(self.env._("Only a submitted report is reopened."))
        self._guard_sudo().write({"state": "approved", "signed_by_ids": [(5,)]})
        return True

    # -- the outcome -----------------------------------------------------------------------------------
    def _check_concludable(self):
        for verification in self:
            if verification.state != "reported":
                raise UserError(self.env._("A verification is concluded once its report is submitted."))
            if verification.unsigned_ids:
                raise UserError(
                    self.env._(
                        "The report is signed by every member of the team first: %(names)s.",
                        names="、".join(verification.unsigned_ids.mapped("name")),
                    )
                )
            if not verification.outcome or not (verification.outcome_note or "").strip():
                raise UserError(self.env._("Give the outcome of the verification and the opinion behind it."))
            if verification.outcome == "hand_over" and not verification.hand_over_unit_id:
                raise UserError(self.env._("Name the party organisation the matter is handed to."))

    def action_conclude(self):
        """The outcome takes effect: the clue is concluded, or the case filing is proposed."""
        self._check_discipline_group()
        self._check_concludable()
        today = self._bureau_today()
        labels = dict(self._fields["outcome"]._description_selection(self.env))
        cases = []
        for verification in self:
            verification._guard_sudo().write({"state": "concluded", "concluded_on": today})
            clue = verification.clue_id.sudo()
            if verification.outcome == "propose_case":
                cases.append(verification._propose_case().with_env(self.env))
                continue
            result = labels[verification.outcome]
            if verification.outcome == "hand_over":
                result = f"{result}: {verification.hand_over_unit_id.sudo().name}"
            elif verification.outcome == "reminder_talk":
                verification._record_reminder_talks()
            clue._conclude(result)
        if len(cases) == 1 and cases[0].has_access("read"):
            return cases[0]._form_action()
        return True

    def action_propose_case(self):
        """The outcome "propose case filing", concluded: the case opens, its form returned."""
        self._check_discipline_group()
        self.filtered(lambda v: v.state == "reported" and not v.outcome)._guard_sudo().write(
            {"outcome": "propose_case"}
        )
        if any(verification.outcome != "propose_case" for verification in self):
            raise UserError(self.env._("The outcome of this verification is not a case filing."))
        return self.action_conclude()

    def _propose_case(self):
        """The case proposed from this verification (``liangze.discipline.case``), created once:
        the persons concerned, the body, the company and the clue are the verification's; its
        officers are the verification's (the clue's handler follows the whole chain)."""
        self.ensure_one()
        existing = self._cases()
        if existing:
            return existing[:1]
        Case = self.env["liangze.discipline.case"]._guard_sudo()
        clue = self.clue_id.sudo()
        values = {
            "clue_id": clue.id,
            "verification_id": self.id,
            "concerned_cadre_ids": [(6, 0, self.concerned_cadre_ids.ids)],
            "body_unit_id": self.body_unit_id.id,
            "company_id": self.company_id.id,
            "title": self.env._("Case on clue %(clue)s", clue=clue.name),
            "grounds": html2plaintext(self.report or "") or self.outcome_note,
        }
        # The case takes the officers of the clue and of the verification itself.
        case = Case.create(values)
        self.message_post(body=self.env._("Case filing proposed: %(case)s.", case=case.display_name))
        return case

    def _record_reminder_talks(self):
        """The reminder talk goes into each person's integrity file."""
        Entry = self.env["liangze.integrity.entry"]
        for cadre in self.sudo().concerned_cadre_ids:
            Entry._record(
                cadre,
                "talk",
                self,
                name=self.env._("Reminder talk after verification %(number)s", number=self.name),
                talk_kind="reminder",
                entry_date=self.concluded_on,
                year=self.concluded_on.year,
                result=self.env._("Reminder talk"),
            )

    def action_open_cases(self):
        self.ensure_one()
        cases = self._cases()
        cases.with_env(self.env).check_access("read")
        if len(cases) == 1:
            return cases.with_env(self.env)._form_action()
        return self._liangze_list("liangze.discipline.case", self.env._("Cases"), [("id", "in", cases.ids)])
