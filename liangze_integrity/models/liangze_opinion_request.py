# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.liangze_base.models.liangze_record_guard import THREAD_FIELDS
from odoo.addons.liangze_base.roles import ORGANISATION, SUPERVISOR

PURPOSES = [
    ("selection", "Selection and appointment"),
    ("promotion", "Promotion in rank"),
    ("commendation", "Commendation"),
    ("party_membership", "Full party membership"),
    ("other", "Other"),
]
STATES = [
    ("draft", "Draft"),
    ("submitted", "Submitted"),
    ("drafted", "Being Checked"),
    ("to_approve", "Awaiting Approval"),
    ("approved", "Approved"),
    ("replied", "Replied"),
]
# The states in which the discipline body owes the reply (reminded, warned).
OPEN_STATES = ("submitted", "drafted", "to_approve", "approved")


class LiangzeOpinionRequest(models.Model):
    """A request for integrity opinions (党风廉政意见回复): one batch of persons the
    organisation and personnel department is about to select, promote, commend or
    admit, sent to the discipline body, which replies within a number of workdays.

    The requester lists the persons (picked, or imported from a spreadsheet) and
    submits; the body drafts an opinion per person from the records behind it
    (``liangze.opinion._opinion_findings``), its officers check and sign each one,
    the head of the body approves (tier validation), and the reply goes out as one
    numbered letter (发文字号) listing every person and opinion, to the requester.
    The requester reads the opinions once replied, never the reasons behind them."""

    _name = "liangze.opinion.request"
    _description = "Integrity Opinion Request"
    _inherit = [
        "liangze.opinion.request.drafting.mixin",
        "liangze.deadline.mixin",
        "liangze.record.guard",
        "liangze.body.owned.mixin",
        "liangze.official.document",
        "liangze.tier.validation",
        "tier.validation",
        "liangze.confidential.thread",
        "mail.activity.mixin",
    ]
    _order = "id desc"
    # Its reply's number (发文字号) in the discipline body's series: liangze.official.document.
    _document_kind = "integrity_opinion"
    _document_issuer_field = "body_unit_id"
    _document_number_field = "reply_number"
    _rec_names_search = ["name", "title"]
    # The requester and the body ask and answer each other in the chatter.
    _mail_post_access = "read"

    _guard_workflow_fields = frozenset(
        {
            "state",
            "name",
            "requested_on",
            "reply_deadline",
            "yellow_date",
            "drafted_on",
            "replied_on",
            "reply_number",
            "reply_days",
        }
    )
    _guard_provenance_fields = {"requester_id": "user"}
    # Changed while the request is a draft; once submitted, the discipline body has it.
    _guard_structural_fields = frozenset(
        {"title", "purpose", "company_id", "body_unit_id", "request_unit_id", "reply_workdays", "note"}
    )
    _deadline_field = "reply_deadline"
    _deadline_done_states = ("replied",)
    _deadline_done_date_field = "replied_on"
    _deadline_void_states = ("draft",)
    # The reply is approved in tiers (the head of the body); a rejection sends it back to checking.
    _state_from = ["to_approve"]
    _state_to = ["approved"]
    _cancel_state = "drafted"
    _tier_validation_manual_config = False

    name = fields.Char(string="Batch Number", readonly=True, copy=False, default="/")
    title = fields.Char(required=True, tracking=True, help="What the persons are considered for.")
    purpose = fields.Selection(PURPOSES, required=True, default="selection", tracking=True)
    company_id = fields.Many2one("res.company", required=True, index=True, default=lambda self: self.env.company)
    body_unit_id = fields.Many2one(help="The discipline body asked for the opinions.")
    body_head_id = fields.Many2one(related="body_unit_id.head_id", string="Head of the Body", store=True)
    requester_id = fields.Many2one("res.users", string="Requested By", readonly=True, index=True)
    request_unit_id = fields.Many2one(
        "liangze.unit",
        string="Requesting Department",
        required=True,
        index=True,
        ondelete="cascade",
        default=lambda self: self._default_request_unit_id(),
    )
    note = fields.Text(string="Remarks")
    reply_workdays = fields.Integer(
        string="Reply Within (workdays)",
        default=lambda self: self.env.company.liangze_opinion_reply_workdays,
        help="Counted from the submission, on the body's workday calendar.",
    )
    requested_on = fields.Date(string="Submitted On", readonly=True, copy=False)
    reply_deadline = fields.Date(string="Reply Due", readonly=True, copy=False)
    yellow_date = fields.Date(readonly=True, copy=False)
    opinion_ids = fields.One2many("liangze.opinion", "request_id", string="Persons and Opinions", copy=False)
    person_count = fields.Integer(string="Persons", compute="_compute_person_count", store=True, compute_sudo=True)
    state = fields.Selection(STATES, default="draft", required=True, tracking=True, index=True, copy=False)
    drafted_on = fields.Date(readonly=True, copy=False)
    replied_on = fields.Date(readonly=True, copy=False, index=True)
    reply_number = fields.Char(readonly=True, copy=False, index=True)
    reply_days = fields.Integer(
        string="Days to Reply", readonly=True, copy=False, aggregator="avg", help="From submission to reply."
    )

    @api.depends("opinion_ids")
    def _compute_person_count(self):
        counts = dict(
            self.env["liangze.opinion"]
            .sudo()
            ._read_group([("request_id", "in", self.ids)], ["request_id"], ["__count"])
        )
        for request in self:
            request.person_count = counts.get(request._origin, 0) if request.id else len(request.opinion_ids)

    @api.model
    def _default_body_unit_id(self):
        """The user's discipline body, else the one supervising the user's units, else the company's."""
        user = self.env.user
        body = user._liangze_discipline_body()
        if body:
            return body.id
        Unit = self.env["liangze.unit"].sudo()
        bodies = Unit.search([("unit_type", "=", "discipline_body"), ("company_id", "=", self.env.company.id)])
        mine = user.liangze_unit_ids
        for body in bodies:
            roots = body._supervision_roots()
            if mine and roots and Unit.search_count([("id", "in", mine.ids), ("id", "child_of", roots.ids)]):
                return body.id
        return bodies[:1].id

    @api.model
    def _default_request_unit_id(self):
        units = self.env.user.liangze_unit_ids.filtered(lambda u: u.unit_type != "discipline_body")
        return units[:1].id

    @api.constrains("reply_workdays")
    def _check_reply_workdays(self):
        if any(not 1 <= request.reply_workdays <= 60 for request in self):
            raise ValidationError(self.env._("The reply period of integrity opinions lies between 1 and 60 workdays."))

    @api.constrains("body_unit_id")
    def _check_body_unit(self):
        if any(request.body_unit_id.unit_type != "discipline_body" for request in self):
            raise ValidationError(self.env._("Integrity opinions are asked of a discipline body."))

    # -- who does what -----------------------------------------------------------------
    def _check_requester(self):
        """The organisation and personnel department files and edits its own requests."""
        self._liangze_check_role(
            [ORGANISATION], self.env._("Only the organisation and personnel department asks for integrity opinions.")
        )

    def _check_body_officer(self):
        """The officers of the discipline body asked draft, check and reply."""
        if self.env.su:
            return
        self._liangze_check_role(
            [SUPERVISOR], self.env._("Only the officers of the discipline body handle integrity opinions.")
        )
        mine = self.env.user.liangze_unit_ids
        if any(request.body_unit_id not in mine for request in self):
            raise AccessError(self.env._("Only the officers of the discipline body handle integrity opinions."))

    # -- create and write ----------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        requests = super().create(vals_list)
        if not self._guard_trusted():
            requests._check_requester()
        for request in requests:
            sequence = self.env["ir.sequence"].sudo().with_company(request.company_id)
            request._guard_sudo().write(
                {"name": sequence.next_by_code("liangze.opinion.request", sequence_date=self._bureau_today()) or "/"}
            )
        return requests

    def write(self, vals):
        if not self._guard_trusted() and set(vals) - THREAD_FIELDS - {"opinion_ids"}:
            # The request itself is the requester's (while a draft: its structural fields);
            # the body works on the opinions.
            self._check_requester()
        # Whoever writes, even as superuser: no reply without the head's approval.
        if vals.get("state") in ("approved", "replied") and any(r.validation_status != "validated" for r in self):
            raise UserError(self.env._("The reply needs the approval of the head of the discipline body."))
        return super().write(vals)

    # -- the procedure ---------------------------------------------------------------------
    def action_submit(self):
        """Draft → submitted to the body: the reply deadline starts running."""
        self._check_requester()
        today = self._bureau_today()
        for request in self:
            if request.state != "draft":
                raise UserError(self.env._("Only a draft request is submitted."))
            if not request.sudo().opinion_ids:
                raise UserError(self.env._("Name the persons the integrity opinions are asked for."))
            request._check_persons_supervised()
        for request in self:
            company = request.company_id
            deadline = company._liangze_workdays().add_workdays(today, request.reply_workdays)
            request._guard_sudo().write(
                {
                    "state": "submitted",
                    "requested_on": today,
                    "reply_deadline": deadline,
                    "yellow_date": self._yellow_from(deadline, min(3, request.reply_workdays - 1), company),
                }
            )
            request.message_post(
                body=self.env._(
                    "Integrity opinions asked for %(count)s persons (%(purpose)s), to reply by %(deadline)s.",
                    count=request.person_count,
                    purpose=request._purpose_label(),
                    deadline=deadline,
                ),
                partner_ids=request._body_officers().partner_id.ids,
                subtype_xmlid="mail.mt_comment",
            )
        return True

    def action_request_approval(self):
        """Every opinion checked and signed → the head of the body approves the reply."""
        self._check_body_officer()
        for request in self:
            if request.state != "drafted":
                raise UserError(self.env._("The reply is submitted for approval once the opinions are checked."))
            if not request.body_head_id:
                raise UserError(
                    self.env._("%(body)s has no head to approve the reply.", body=request.body_unit_id.name)
                )
            unsigned = request.sudo().opinion_ids.filtered(lambda o: o.state != "checked")
            if unsigned:
                raise UserError(
                    self.env._(
                        "Check and sign every opinion first: %(persons)s.",
                        persons="、".join(unsigned.cadre_id.mapped("name")),
                    )
                )
        self._guard_sudo().write({"state": "to_approve"})
        self._request_tier_approval(
            self.env._("No approval tier is configured for integrity opinion replies: an administrator sets them up.")
        )
        return True

    def _check_pending_reviewer(self):
        # The head neither approves nor rejects the opinion on themselves or a close relative.
        res = super()._check_pending_reviewer()
        recused = self.env.user.liangze_recused_cadre_ids
        for request in self:
            if recused & request.sudo().opinion_ids.cadre_id:
                raise AccessError(
                    self.env._("You are recused from a person of this batch: another head approves the reply.")
                )
        return res

    def _on_tiers_approved(self):
        for request in self:
            request.message_post(
                body=self.env._("The reply is approved: it can be numbered and sent."),
                partner_ids=(request._body_officers() - self.env.user).partner_id.ids,
            )

    def action_back_to_checking(self):
        """After a rejection (or to correct an opinion before the reply goes out): the
        opinions are checked again and the approval starts afresh."""
        self._check_body_officer()
        if any(request.state not in ("to_approve", "approved") for request in self):
            raise UserError(self.env._("Only a reply awaiting approval or approved goes back to checking."))
        self._guard_sudo().write({"state": "drafted"})
        return True

    def action_reply(self):
        """Numbered (发文字号), dated, and sent to the requester with the reply letter."""
        self._check_body_officer()
        for request in self:
            if request.state != "approved" or request.validation_status != "validated":
                raise UserError(self.env._("The reply needs the approval of the head of the discipline body."))
        today = self._bureau_today()
        for request in self:
            number = request._next_document_number(today)
            request._guard_sudo().write(
                {
                    "state": "replied",
                    "replied_on": today,
                    "reply_number": number,
                    "reply_days": (today - request.requested_on).days,
                }
            )
            # Rendered as the body, not as the officer: every person is in the letter.
            request.sudo().message_post_with_source(
                "liangze_integrity.mail_template_liangze_opinion_replied",
                partner_ids=request.requester_id.partner_id.ids,
                subtype_xmlid="mail.mt_comment",
            )
        return True

    def _check_persons_supervised(self):
        """The body asked supervises every person's unit: its officers read their records."""
        self.ensure_one()
        Unit = self.env["liangze.unit"].sudo()
        roots = self.body_unit_id.sudo()._supervision_roots()
        units = self.sudo().opinion_ids.unit_id
        inside = Unit.search([("id", "in", units.ids), ("id", "child_of", roots.ids)]) if roots else Unit
        outside = self.sudo().opinion_ids.filtered(lambda o: o.unit_id not in inside)
        if outside:
            raise UserError(
                self.env._(
                    "%(body)s does not supervise the unit of %(persons)s: ask the discipline body that does.",
                    body=self.body_unit_id.sudo().name,
                    persons="、".join(outside.cadre_id.mapped("name")),
                )
            )

    def action_open_import(self):
        """The persons from a spreadsheet (name, ID number or unit)."""
        self.ensure_one()
        self._check_requester()
        return self._liangze_wizard(
            "liangze.opinion.import", self.env._("Import the Persons"), {"default_request_id": self.id}
        )

    # -- helpers ------------------------------------------------------------------------------
    def _body_officers(self):
        """The head and the officers of the discipline body asked."""
        self.ensure_one()
        body = self.body_unit_id.sudo()
        return (body.head_id | body.member_ids).filtered(lambda u: not u.share and u.has_group(SUPERVISOR))

    def _purpose_label(self):
        self.ensure_one()
        if self.purpose == "other":
            return self.title
        label = dict(self._fields["purpose"]._description_selection(self.env)).get(self.purpose, "")
        return label[:1].lower() + label[1:]

    def _reply_opening(self):
        """The reply letter's first sentence, one translatable phrase (the order of its parts differs in Chinese)."""
        self.ensure_one()
        return self.env._(
            "Your request %(number)s of %(date)s for the integrity opinions on %(count)s comrades was received. "
            "Having checked their integrity files, sanctions, accountability records, letters, reports and problem "
            "clues, we reply as follows.",
            number=self.name,
            date=self._official_date(self.requested_on) if self.requested_on else "",
            count=self.person_count,
        )

    def _deadline_reminder(self, level):
        """Due soon or overdue: the head of the body gets the activity, its officers the message."""
        officers = self._body_officers()
        return {
            "activity_type": "mail.mail_activity_data_todo",
            "activity_user": self.body_head_id or officers[:1],
            "summary": self.env._("Reply to the integrity opinion request"),
            "template": "liangze_integrity.mail_template_liangze_opinion_reply_due",
            "users": officers,
        }

    @api.model
    def _deadline_reminder_domain(self):
        return [("state", "in", OPEN_STATES)]
