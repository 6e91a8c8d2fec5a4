# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import is_html_empty

from odoo.addons.liangze_base.models.liangze_record_guard import THREAD_FIELDS

from .liangze_clue import INQUIRY_KINDS

OUTCOMES = [
    ("cleared", "Closed and cleared"),
    ("reminder", "Reminder talk or criticism"),
    ("again", "Another inquiry"),
    ("verification", "Preliminary verification"),
]
# Written by the officers at each step, and only then.
LETTER_FIELDS = frozenset({"letter_questions"})
TALK_FIELDS = frozenset({"talk_date", "talk_place", "talk_minutes"})
REPLY_FIELDS = frozenset({"reply_date", "reply_attachment", "reply_attachment_name", "reply_summary"})
OUTCOME_FIELDS = frozenset({"outcome", "outcome_note"})


class LiangzeTalkInquiry(models.Model):
    """A talk or letter inquiry (谈话函询) on a clue, the disposal approved: its plan
    approved by the head of the body; then a talk with its record, or a numbered
    inquiry letter (printed, copied to the person's party committee head) whose
    written reply is due within 15 workdays (warnings, one reminder per threshold);
    its outcome: closed and cleared, a reminder talk or criticism, another inquiry,
    or a preliminary verification — the next step opens by itself."""

    _name = "liangze.talk.inquiry"
    _description = "Talk or Letter Inquiry"
    _inherit = [
        "liangze.discipline.mixin",
        "liangze.deadline.mixin",
        "liangze.plan.approval.mixin",
        "liangze.official.document",
    ]
    _order = "id desc"
    # Its number (发文字号) in the discipline body's series: liangze.official.document.
    _document_kind = "inquiry_letter"
    _document_issuer_field = "body_unit_id"
    _document_number_field = "letter_number"

    _guard_workflow_fields = frozenset(
        {
            "state",
            "name",
            "officer_ids",
            "plan_approved_on",
            "plan_approved_by_id",
            "talk_recorded_on",
            "letter_number",
            "letter_date",
            "reply_deadline",
            "yellow_date",
            "reply_received_on",
            "concluded_on",
            "next_inquiry_id",
            "verification_id",
            "previous_inquiry_id",
        }
    )
    _guard_provenance_fields = {"author_id": "user"}
    _guard_fixed_fields = frozenset({"clue_id"})
    _guard_structural_fields = frozenset({"kind", "plan", "company_id", "body_unit_id", "concerned_cadre_ids"})
    # Each step of the inquiry, at its own step.
    _guard_state_fields = {
        **dict.fromkeys(LETTER_FIELDS, ("draft", "to_approve", "approved")),
        **dict.fromkeys(TALK_FIELDS, ("approved",)),
        **dict.fromkeys(REPLY_FIELDS, ("letter_sent",)),
        **dict.fromkeys(OUTCOME_FIELDS, ("answered",)),
    }
    _deadline_field = "reply_deadline"
    _deadline_done_states = ("answered", "concluded")
    _deadline_done_date_field = "reply_received_on"

    name = fields.Char(string="Inquiry Number", readonly=True, copy=False, default="/", index=True)
    clue_id = fields.Many2one("liangze.clue", required=True, index=True, ondelete="restrict")
    previous_inquiry_id = fields.Many2one("liangze.talk.inquiry", string="Follows the Inquiry", readonly=True)
    kind = fields.Selection(INQUIRY_KINDS, string="Inquiry By", required=True, default="talk")
    author_id = fields.Many2one("res.users", string="Opened By", readonly=True)
    state = fields.Selection(
        [
            ("draft", "Plan"),
            ("to_approve", "Plan to Approve"),
            ("approved", "Plan Approved"),
            ("letter_sent", "Awaiting the Reply"),
            ("answered", "Talk Held or Reply Received"),
            ("concluded", "Concluded"),
        ],
        default="draft",
        required=True,
        tracking=True,
        index=True,
        copy=False,
    )
    plan = fields.Text(string="Inquiry Plan", help="What is asked, by whom, when and where.")
    # The talk.
    talk_date = fields.Date(copy=False)
    talk_place = fields.Char(copy=False)
    talk_minutes = fields.Html(string="Talk Record", copy=False)
    talk_recorded_on = fields.Date(readonly=True, copy=False)
    # The letter.
    letter_questions = fields.Html(string="Matters to Explain", copy=False)
    letter_number = fields.Char(readonly=True, copy=False, index=True)
    letter_date = fields.Date(string="Letter Sent On", readonly=True, copy=False)
    reply_deadline = fields.Date(string="Reply Due", readonly=True, copy=False, index=True)
    yellow_date = fields.Date(readonly=True, copy=False)
    reply_date = fields.Date(string="Reply Received On", copy=False)
    reply_received_on = fields.Date(string="Reply Recorded On", readonly=True, copy=False)
    reply_attachment = fields.Binary(string="Written Reply", attachment=True, copy=False)
    reply_attachment_name = fields.Char(copy=False)
    reply_summary = fields.Text(string="What the Reply Says", copy=False)
    # The person's party committee: its head gets a copy of the letter and signs the reply.
    copy_unit_id = fields.Many2one("liangze.unit", string="Copy To", compute="_compute_copy_to")
    copy_user_id = fields.Many2one("res.users", string="Copy To (Head)", compute="_compute_copy_to")
    # The outcome.
    outcome = fields.Selection(OUTCOMES, copy=False, tracking=True)
    outcome_note = fields.Text(string="Outcome Opinion", copy=False)
    concluded_on = fields.Date(readonly=True, copy=False)
    next_inquiry_id = fields.Many2one("liangze.talk.inquiry", readonly=True, copy=False)
    verification_id = fields.Many2one("liangze.verification", readonly=True, copy=False)

    @api.depends("concerned_cadre_ids.unit_id")
    def _compute_copy_to(self):
        for inquiry in self:
            committee = inquiry.sudo().concerned_cadre_ids[:1].unit_id._party_committee()
            inquiry.copy_unit_id = committee
            inquiry.copy_user_id = committee.head_id

    @api.constrains("talk_date", "reply_date")
    def _check_dates(self):
        today = self._bureau_today()
        for inquiry in self:
            if inquiry.talk_date and inquiry.talk_date > today:
                raise ValidationError(self.env._("The talk cannot be recorded before it is held."))
            if inquiry.reply_date and (
                inquiry.reply_date > today or (inquiry.letter_date and inquiry.reply_date < inquiry.letter_date)
            ):
                raise ValidationError(self.env._("The reply is received after the letter and not in the future."))

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
                if clue.state != "disposed" or clue.disposed_way != "talk_inquiry":
                    raise UserError(
                        self.env._(
                            "The disposal of the clue is not approved as an inquiry: an inquiry starts from "
                            "an approved disposal."
                        )
                    )
        vals_list = [dict(vals, **self._clue_values(Clue.browse(vals.get("clue_id")))) for vals in vals_list]
        inquiries = super().create(vals_list)
        for inquiry in inquiries:
            inquiry._guard_sudo().write(
                {"name": self.with_company(inquiry.company_id)._discipline_sequence("liangze.talk.inquiry")}
            )
            inquiry._assign(inquiry.clue_id.sudo().officer_ids)
        return inquiries

    @api.model
    def _clue_values(self, clue):
        """What a step of a clue takes from it: the persons concerned, the body and the company."""
        clue = clue.sudo()
        return {
            "concerned_cadre_ids": [(6, 0, clue.concerned_cadre_ids.ids)],
            "body_unit_id": clue.body_unit_id.id,
            "company_id": clue.company_id.id,
        }

    def write(self, vals):
        if not self._guard_trusted() and set(vals) - THREAD_FIELDS:
            self._check_discipline_group()
        return super().write(vals)

    @api.model
    def _open_for(self, clue, kind="talk", previous=None):
        """The inquiry an approved disposal (or a previous inquiry) opens, its officers those of the clue."""
        return self._guard_sudo().create(
            {"clue_id": clue.id, "kind": kind, "previous_inquiry_id": previous.id if previous else False}
        )

    # -- the plan ------------------------------------------------------------------------------
    def _plan_check_submitter(self):
        self._check_discipline_group()

    def _plan_check_approver(self):
        self._check_head()

    def _plan_check_ready(self):
        if not (self.plan or "").strip():
            raise UserError(self.env._("Write the inquiry plan first."))

    def _plan_approver(self):
        return self.body_unit_id.head_id

    def _plan_activity_summary(self):
        return self.env._("Approve the inquiry plan %(number)s", number=self.name)

    # -- the talk or the letter ------------------------------------------------------------------
    def action_record_talk(self):
        self._check_discipline_group()
        for inquiry in self:
            if inquiry.kind != "talk" or inquiry.state != "approved":
                raise UserError(self.env._("A talk is recorded once its plan is approved."))
            if not inquiry.talk_date or is_html_empty(inquiry.talk_minutes):
                raise UserError(self.env._("Give the date and the record of the talk."))
        self._guard_sudo().write({"state": "answered", "talk_recorded_on": self._bureau_today()})
        return True

    def action_issue_letter(self):
        """Numbered in the body's series and dated: the written reply is due within the company's period."""
        self._check_discipline_group()
        today = self._bureau_today()
        for inquiry in self:
            if inquiry.kind != "letter" or inquiry.state != "approved":
                raise UserError(self.env._("An inquiry letter goes out once its plan is approved."))
            if is_html_empty(inquiry.letter_questions):
                raise UserError(self.env._("Write the matters the person is to explain."))
            company = inquiry.company_id
            deadline = company._liangze_workdays().add_workdays(today, company.liangze_inquiry_reply_workdays or 15)
            inquiry._guard_sudo().write(
                {
                    "state": "letter_sent",
                    "letter_date": today,
                    "letter_number": inquiry._next_document_number(today),
                    "reply_deadline": deadline,
                    "yellow_date": self._yellow_from(deadline, 3, company),
                }
            )
        return True

    def action_record_reply(self):
        self._check_discipline_group()
        for inquiry in self:
            if inquiry.state != "letter_sent":
                raise UserError(self.env._("A reply is recorded for a letter sent."))
            if not inquiry.reply_attachment or not inquiry.reply_date:
                raise UserError(self.env._("Attach the written reply and give the day it was received."))
            inquiry._guard_sudo().write({"state": "answered", "reply_received_on": inquiry.reply_date})
        return True

    # -- the outcome -------------------------------------------------------------------------------
    def action_conclude(self):
        """The outcome is recorded; the next step opens (another inquiry, a verification) or
        the clue is concluded."""
        self._check_discipline_group()
        for inquiry in self:
            if inquiry.state != "answered":
                raise UserError(self.env._("An inquiry is concluded once the talk is held or the reply received."))
            if not inquiry.outcome or not (inquiry.outcome_note or "").strip():
                raise UserError(self.env._("Give the outcome of the inquiry and the opinion behind it."))
        today = self._bureau_today()
        for inquiry in self:
            inquiry._guard_sudo().write({"state": "concluded", "concluded_on": today})
            clue = inquiry.clue_id.sudo()
            label = dict(self._fields["outcome"]._description_selection(self.env))[inquiry.outcome]
            if inquiry.outcome == "again":
                inquiry._guard_sudo().write({"next_inquiry_id": self._open_for(clue, inquiry.kind, inquiry).id})
            elif inquiry.outcome == "verification":
                verification = self.env["liangze.verification"]._open_for(clue, inquiry=inquiry)
                inquiry._guard_sudo().write({"verification_id": verification.id})
            else:
                if inquiry.outcome == "reminder":
                    inquiry._record_reminder_talks()
                clue._conclude(label)
        return True

    def _record_reminder_talks(self):
        """A reminder talk or criticism goes into each person's integrity file."""
        Entry = self.env["liangze.integrity.entry"]
        for cadre in self.sudo().concerned_cadre_ids:
            Entry._record(
                cadre,
                "talk",
                self,
                name=self.env._("Reminder talk after inquiry %(number)s", number=self.name),
                talk_kind="reminder",
                entry_date=self.concluded_on,
                year=self.concluded_on.year,
                result=self.env._("Reminder talk or criticism"),
            )

    # -- deadlines and printing -----------------------------------------------------------------------
    def _deadline_reminder(self, level):
        """The reply is due or overdue: the clue's handler is reminded."""
        user = self.clue_id.handler_id or self.officer_ids[:1]
        return {
            "activity_type": "mail.mail_activity_data_todo",
            "activity_user": user,
            "summary": self.env._("Chase the reply to inquiry letter %(number)s", number=self.letter_number),
            "template": "liangze_discipline.mail_template_liangze_inquiry_reply_due",
            "users": user,
        }

    @api.model
    def _deadline_reminder_domain(self):
        return [("state", "=", "letter_sent")]

    def action_print_letter(self):
        self.ensure_one()
        if not self.letter_number:
            raise UserError(self.env._("The letter is printed once it is numbered."))
        return self.env.ref("liangze_discipline.action_report_liangze_inquiry_letter").report_action(self)
