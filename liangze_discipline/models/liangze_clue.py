# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.liangze_base.models.liangze_record_guard import THREAD_FIELDS
from odoo.addons.liangze_base.roles import CASE_MANAGEMENT, CASE_OFFICER, SUPERVISION_HEAD

SOURCES = [
    ("report", "Letter or report"),
    ("assigned_from_above", "Assigned from above"),
    ("found_here", "Found by the body"),
    ("inspection", "Inspection tour"),
    ("audit", "Audit"),
    ("transferred", "Transferred by another body"),
    ("from_below", "Reported from below"),
    ("confession", "Own confession"),
    ("supervision_finding", "Supervision finding"),
    ("failed_rectification", "Failed rectification"),
    ("accountability_case", "Accountability case"),
    ("external_system", "Another system"),
]
# The four disposal ways (四种处置方式).
WAYS = [
    ("talk_inquiry", "Talk or letter inquiry"),
    ("verification", "Preliminary verification"),
    ("shelve", "Shelved"),
    ("close", "Closed"),
]
INQUIRY_KINDS = [("talk", "Talk inquiry"), ("letter", "Letter inquiry")]
# What the collective review records; written while the clue is assigned, before the disposal is submitted.
REVIEW_FIELDS = frozenset({"review_date", "attendee_ids", "proposed_way", "inquiry_kind", "review_on", "review_note"})
OPEN_STATES = ("registered", "assigned", "reviewed", "to_approve", "disposed", "shelved")


class LiangzeClue(models.Model):
    """A problem clue (问题线索) of the register kept by case management (案管):
    numbered on receipt with its source, the persons concerned and a summary;
    assigned to a handler on case management's proposal, approved by the head of
    the body; disposed of within a month of receipt (warnings, one reminder per
    threshold): a collective review (集体排查) proposes one of the four ways — talk
    or letter inquiry, preliminary verification, shelved, closed — approved in tiers
    (the head; the same-level party committee head too when a person concerned heads
    a lower party committee). Shelved clues come back for review on their date."""

    _name = "liangze.clue"
    _description = "Problem Clue"
    _inherit = [
        "liangze.clue.assignment.mixin",
        "liangze.clue.disposal.mixin",
        "liangze.discipline.mixin",
        "liangze.deadline.mixin",
        "liangze.committee.approval.mixin",
        "liangze.tier.validation",
        "tier.validation",
        "liangze.source.link.mixin",
    ]
    _committee_depends = ("concerned_cadre_ids.unit_id", "concerned_cadre_ids.leader_role")
    _order = "received_on desc, id desc"
    _rec_names_search = ["name", "summary"]

    _guard_initial_states = ("registered",)
    _guard_workflow_fields = frozenset(
        {
            "state",
            "name",
            "officer_ids",
            "handler_id",
            "assignment_proposed_on",
            "assigned_on",
            "review_recorded_by_id",
            "approver_ids",
            "disposed_way",
            "disposed_on",
            "disposal_deadline",
            "yellow_date",
            "back_from_shelf_on",
            "concluded_on",
            "conclusion",
            # Where the clue comes from is said by the product (a petition accepted, a hand-over, a push).
            "petition_id",
            "source_model",
            "source_id",
        }
    )
    _guard_provenance_fields = {"author_id": "user"}
    _guard_structural_fields = frozenset(
        {
            "company_id",
            "body_unit_id",
            "received_on",
            "source",
            "unit_id",
            "concerned_cadre_ids",
            "summary",
            "proposed_handler_id",
        }
    )
    # The collective review: once the clue is assigned, before its disposal is submitted.
    _guard_state_fields = dict.fromkeys(REVIEW_FIELDS, ("assigned", "reviewed"))
    _deadline_field = "disposal_deadline"
    _deadline_done_states = ("disposed", "shelved", "closed", "concluded")
    _deadline_done_date_field = "disposed_on"
    # The disposal is approved in tiers; a rejection sends it back to the review.
    _state_from = ["to_approve"]
    _state_to = ["disposed"]
    _cancel_state = "reviewed"
    _tier_validation_manual_config = False

    name = fields.Char(string="Clue Number", readonly=True, copy=False, default="/", index=True)
    received_on = fields.Date(required=True, default=lambda self: self._bureau_today(), index=True, tracking=True)
    source = fields.Selection(SOURCES, required=True, default="found_here", index=True, tracking=True)
    petition_id = fields.Many2one("liangze.petition", string="Letter or Report", readonly=True, index=True)
    source_name = fields.Char(string="Source Record", compute="_compute_source_name")
    # Cascade only serves uninstall: a unit with cadres is never deleted (liangze.unit).
    unit_id = fields.Many2one("liangze.unit", string="Unit Concerned", index=True, ondelete="cascade")
    summary = fields.Text(required=True, help="What the clue says, in a few lines.")
    author_id = fields.Many2one("res.users", string="Registered By", readonly=True)
    state = fields.Selection(
        [
            ("registered", "Registered"),
            ("assigned", "Assigned"),
            ("reviewed", "Reviewed"),
            ("to_approve", "Disposal to Approve"),
            ("disposed", "Being Handled"),
            ("shelved", "Shelved"),
            ("closed", "Closed"),
            ("concluded", "Concluded"),
        ],
        default="registered",
        required=True,
        tracking=True,
        index=True,
        copy=False,
    )
    # Assignment (分办): case management proposes, the head approves.
    proposed_handler_id = fields.Many2one(
        "res.users",
        domain=lambda self: [("share", "=", False), ("all_group_ids", "in", self.env.ref(CASE_OFFICER).ids)],
        tracking=True,
    )
    assignment_proposed_on = fields.Date(readonly=True, copy=False)
    handler_id = fields.Many2one("res.users", readonly=True, copy=False, index=True, tracking=True)
    assigned_on = fields.Date(readonly=True, copy=False)
    # The collective review (集体排查).
    review_date = fields.Date(string="Collective Review On", tracking=True, copy=False)
    attendee_ids = fields.Many2many(
        "res.users",
        "liangze_clue_attendee_rel",
        "clue_id",
        "user_id",
        string="Attendees",
        domain="[('share', '=', False)]",
        copy=False,
    )
    proposed_way = fields.Selection(WAYS, string="Proposed Disposal", tracking=True, copy=False)
    inquiry_kind = fields.Selection(INQUIRY_KINDS, string="Inquiry By", default="talk", copy=False)
    review_on = fields.Date(string="Review Again On", copy=False, help="Of a shelved clue: when it comes back.")
    review_note = fields.Text(string="Review Opinion", copy=False)
    review_recorded_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    # The disposal and its approval.
    body_head_id = fields.Many2one(related="body_unit_id.head_id", string="Head of the Body", store=True)
    committee_approval = fields.Boolean(
        help="A person concerned heads a lower party committee: the same-level party committee head "
        "approves the disposal too.",
    )
    approver_ids = fields.Many2many(
        "res.users", "liangze_clue_approver_rel", "clue_id", "user_id", readonly=True, copy=False
    )
    disposed_way = fields.Selection(WAYS, string="Disposal", readonly=True, copy=False, index=True)
    disposed_on = fields.Date(readonly=True, copy=False)
    disposal_deadline = fields.Date(string="Dispose Of By", readonly=True, copy=False, index=True)
    yellow_date = fields.Date(readonly=True, copy=False)
    back_from_shelf_on = fields.Date(string="Back from the Shelf On", readonly=True, copy=False)
    concluded_on = fields.Date(readonly=True, copy=False)
    conclusion = fields.Char(string="Outcome", readonly=True, copy=False)
    inquiry_ids = fields.One2many("liangze.talk.inquiry", "clue_id", string="Inquiries")
    verification_ids = fields.One2many("liangze.verification", "clue_id", string="Verifications")
    inquiry_count = fields.Integer(compute="_compute_counts")
    verification_count = fields.Integer(compute="_compute_counts")

    @api.depends("source_model", "source_id")
    def _compute_source_name(self):
        for clue in self:
            source = clue._source()
            clue.source_name = source.sudo().display_name if source else False

    @api.depends("inquiry_ids", "verification_ids")
    def _compute_counts(self):
        for clue in self:
            clue.inquiry_count = len(clue.inquiry_ids)
            clue.verification_count = len(clue.verification_ids)

    def _committee_must_approve(self, committee):
        """A person concerned is the principal leader of a party committee below it."""
        return any(
            cadre.leader_role == "principal_leader"
            and cadre.unit_id.unit_type == "party_committee"
            and cadre.unit_id != committee
            and (cadre.unit_id.parent_path or "").startswith(committee.parent_path or "-")
            for cadre in self.sudo().concerned_cadre_ids
        )

    def _involved_users(self):
        """Whoever reported or witnessed the letter behind the clue."""
        users = super()._involved_users()
        petitions = self.sudo().petition_id
        return users | petitions._involved_users() if petitions else users

    @api.constrains("review_date", "review_on")
    def _check_review_dates(self):
        today = self._bureau_today()
        for clue in self:
            if clue.review_date and clue.review_date > today:
                raise ValidationError(self.env._("The collective review cannot be dated in the future."))
            if clue.review_date and clue.review_date < clue.received_on:
                raise ValidationError(self.env._("The collective review cannot be before the clue was received."))

    # -- create and write ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        if not self._guard_trusted():
            self._check_discipline_group(CASE_MANAGEMENT, SUPERVISION_HEAD)
        clues = super().create(vals_list)
        if not self._guard_trusted():
            clues.check_access("write")
        for clue in clues:
            clue._guard_sudo().write(
                {"name": self.with_company(clue.company_id)._discipline_sequence("liangze.clue")}
                | clue._disposal_deadline_values(clue.received_on)
            )
        clues._record_file_entries()
        return clues

    def write(self, vals):
        if not self._guard_trusted() and set(vals) - THREAD_FIELDS:
            self._check_discipline_group()
        res = super().write(vals)
        if "received_on" in vals:
            for clue in self:
                clue._guard_sudo().write(clue._disposal_deadline_values(clue.received_on))
        if "concerned_cadre_ids" in vals:
            self._record_file_entries()
        return res

    def _disposal_deadline_values(self, start):
        """The disposal deadline: the company's period (one month) from ``start``, on a workday."""
        self.ensure_one()
        company = self.company_id
        deadline = self._deadline_in_months(start, company.liangze_clue_disposal_months or 1, company)
        return {"disposal_deadline": deadline, "yellow_date": self._yellow_from(deadline, 5, company)}

    @api.model
    def _get_under_validation_exceptions(self):
        # Who approves is recorded once the tiers are requested, for the record rules.
        return super()._get_under_validation_exceptions() + ["approver_ids"]

    # -- the integrity files -----------------------------------------------------------------
    def _file_entry_name(self):
        return self.env._("Problem clue %(number)s", number=self.name)

    def _record_file_entries(self, result=None, open_matter=True):
        """The clue in each person's integrity file: open while it is, with its outcome once
        concluded. No content: the file reader learns that a clue exists, not what it says."""
        Entry = self.env["liangze.integrity.entry"]
        for clue in self.sudo():
            for cadre in clue.concerned_cadre_ids:
                Entry._record(
                    cadre,
                    "clue",
                    clue,
                    name=clue._file_entry_name(),
                    year=clue.received_on.year,
                    entry_date=clue.received_on,
                    result=result or False,
                    open_matter=open_matter,
                )

    # -- deadlines -----------------------------------------------------------------------------
    def _deadline_reminder(self, level):
        """Not disposed of in time: the handler (or the head while unassigned) is reminded."""
        user = self.handler_id or self.body_head_id
        return {
            "activity_type": "mail.mail_activity_data_todo",
            "activity_user": user,
            "summary": self.env._("Dispose of clue %(clue)s", clue=self.name),
            "template": "liangze_discipline.mail_template_liangze_clue_disposal_due",
            "users": user | self.body_head_id,
        }

    # -- navigation ----------------------------------------------------------------------------

    def action_open_inquiries(self):
        self.ensure_one()
        return self._liangze_list(
            "liangze.talk.inquiry", self.env._("Inquiries"), [("clue_id", "=", self.id)], {"create": False}
        )

    def action_open_verifications(self):
        self.ensure_one()
        return self._liangze_list(
            "liangze.verification", self.env._("Verifications"), [("clue_id", "=", self.id)], {"create": False}
        )

    def _source_missing_message(self):
        return self.env._("This clue was registered without a source record.")
