# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.liangze_base.models.liangze_record_guard import THREAD_FIELDS
from odoo.addons.liangze_base.roles import INTAKE, SUPERVISION_HEAD

# The reporter's identity: the intake officers and the head of the body, nobody else.
IDENTITY_GROUPS = "liangze_discipline.group_liangze_intake,liangze_base.group_liangze_supervision_head"
IDENTITY_FIELDS = frozenset(
    {
        "reporter_name",
        "reporter_id_number",
        "reporter_contact",
        "reporter_address",
        "reporter_user_id",
        "attachment_ids",
    }
)
CHANNELS = [("letter", "By letter"), ("visit", "By visit"), ("phone", "By phone"), ("online", "Online")]
KINDS = [
    ("accusation", "Accusation"),
    ("appeal", "Appeal"),
    ("suggestion", "Criticism or suggestion"),
    ("other", "Other"),
]
STATES = [
    ("registered", "Registered"),
    ("accepted", "Accepted"),
    ("not_accepted", "Not Accepted"),
    ("forwarded", "Forwarded"),
    ("repeat", "Repeat"),
    ("closed", "Closed"),
]
REFUSAL_REASONS = [
    ("litigation", "Litigation, arbitration or administrative review matter"),
    ("other_body", "Matter of another body"),
    ("no_substance", "No substance"),
]
# Kinds that become problem clues once accepted; appeals and suggestions are answered by intake.
CLUE_KINDS = ("accusation", "other")


class LiangzePetition(models.Model):
    """A letter or report (信访举报) received by the discipline body: its channel and
    kind, the reporter (named or anonymous), the persons and units reported, the
    content and the material, under a registration number.

    The intake officers accept it (an accusation becomes a problem clue of the
    register), refuse it with the reason, forward it to the level above (always so
    when it is about the head of the body) or file it as a repeat of an earlier
    report about the same person; a named reporter is told of the acceptance and of
    the result within the company's periods (``liangze.petition.notice``).

    The reporter's identity and the material are read by the intake officers and
    the head only (field groups): case management reads the content, nobody else
    reads anything; never the persons reported nor their relatives (recusal)."""

    _name = "liangze.petition"
    _description = "Letter or Report"
    _inherit = [
        "liangze.petition.reporter.mixin",
        "liangze.petition.repeat.mixin",
        "liangze.petition.outcome.mixin",
        "liangze.discipline.mixin",
    ]
    _order = "received_on desc, id desc"
    _rec_names_search = ["name"]
    # Only those who handle it comment on it: case management reads, never writes.
    _mail_post_access = "write"

    _guard_initial_states = ("registered",)
    _guard_workflow_fields = frozenset(
        {
            "state",
            "name",
            "officer_ids",
            "decided_on",
            "decided_by_id",
            "refusal_reason",
            "decision_note",
            "forwarded_to",
            "first_id",
            "repeat_candidate_id",
            "repeat_similarity",
            "repeat_dismissed",
            "clue_id",
            "closed_on",
            "result",
        }
    )
    _guard_provenance_fields = {"registered_by_id": "user"}
    _guard_structural_fields = frozenset(
        {
            "company_id",
            "body_unit_id",
            "received_on",
            "channel",
            "kind",
            "named",
            "concerned_cadre_ids",
            "reported_unit_ids",
            "content",
        }
        | IDENTITY_FIELDS
    )

    name = fields.Char(string="Registration Number", readonly=True, copy=False, default="/", index=True)
    received_on = fields.Date(required=True, default=lambda self: self._bureau_today(), tracking=True, index=True)
    channel = fields.Selection(CHANNELS, required=True, default="letter", tracking=True)
    kind = fields.Selection(KINDS, required=True, default="accusation", tracking=True, index=True)
    named = fields.Boolean(
        string="Named Report",
        tracking=True,
        help="The reporter gave their name: they are told of the acceptance and of the result.",
    )
    reporter_name = fields.Char(groups=IDENTITY_GROUPS)
    reporter_id_number = fields.Char(string="Reporter's ID Number", groups=IDENTITY_GROUPS)
    reporter_contact = fields.Char(groups=IDENTITY_GROUPS, help="Phone, e-mail or other way to reach the reporter.")
    reporter_address = fields.Char(groups=IDENTITY_GROUPS)
    reporter_user_id = fields.Many2one(
        "res.users",
        string="Reporter's User",
        groups=IDENTITY_GROUPS,
        help="When the reporter is a user of the system: recused from handling it.",
    )
    concerned_cadre_ids = fields.Many2many(string="Persons Reported")
    reported_unit_ids = fields.Many2many(
        "liangze.unit", "liangze_petition_reported_unit_rel", "petition_id", "unit_id", string="Units Reported"
    )
    content = fields.Text(required=True)
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "liangze_petition_attachment_rel",
        "petition_id",
        "attachment_id",
        string="Material",
        groups=IDENTITY_GROUPS,
        help="The letter itself, recordings, material: read by intake and the head only.",
    )
    registered_by_id = fields.Many2one("res.users", readonly=True)
    state = fields.Selection(STATES, default="registered", required=True, tracking=True, index=True, copy=False)
    head_concerned = fields.Boolean(
        string="About the Head of the Body",
        compute="_compute_head_concerned",
        help="A person reported heads the discipline body: the report goes to the level above.",
    )
    decided_on = fields.Date(readonly=True, copy=False)
    decided_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    refusal_reason = fields.Selection(REFUSAL_REASONS, string="Reason Not Accepted", readonly=True, copy=False)
    decision_note = fields.Text(string="Note on the Decision", readonly=True, copy=False)
    forwarded_to = fields.Char(readonly=True, copy=False, help="The body of the level above it was forwarded to.")
    first_id = fields.Many2one(
        "liangze.petition", string="First Report", readonly=True, copy=False, index=True, ondelete="restrict"
    )
    repeat_ids = fields.One2many("liangze.petition", "first_id", string="Repeat Reports")
    repeat_candidate_id = fields.Many2one(
        "liangze.petition",
        string="Possible Repeat Of",
        compute="_compute_repeat_candidate",
        store=True,
        compute_sudo=True,
        copy=False,
        help="An earlier report about the same person with similar content.",
    )
    repeat_similarity = fields.Integer(
        string="Similarity (%)", compute="_compute_repeat_candidate", store=True, compute_sudo=True, copy=False
    )
    repeat_dismissed = fields.Boolean(
        string="Not a Repeat", readonly=True, copy=False, help="Intake judged it a new report despite the likeness."
    )
    clue_id = fields.Many2one("liangze.clue", string="Problem Clue", readonly=True, copy=False, index=True)
    closed_on = fields.Date(readonly=True, copy=False)
    result = fields.Text(readonly=True, copy=False, help="What came of it: the reporter is told.")
    notice_ids = fields.One2many("liangze.petition.notice", "petition_id", string="Notices to the Reporter")

    @api.depends("concerned_cadre_ids", "body_unit_id.head_id")
    def _compute_head_concerned(self):
        for petition in self:
            petition.head_concerned = bool(petition.sudo()._head_cadres())

    def _head_cadres(self):
        """The persons reported who head the discipline body."""
        self.ensure_one()
        body = self.body_unit_id
        return self.concerned_cadre_ids.filtered(
            lambda c: (
                (body.head_id and c.user_id == body.head_id)
                or (c.leader_role == "discipline_head" and c.unit_id == body)
            )
        )

    @api.constrains("named", "reporter_name")
    def _check_named_reporter(self):
        for petition in self.sudo():
            if petition.named and not (petition.reporter_name or "").strip():
                raise ValidationError(self.env._("Give the name of the reporter of a named report."))

    @api.constrains("received_on")
    def _check_received_on(self):
        today = self._bureau_today()
        if any(petition.received_on and petition.received_on > today for petition in self):
            raise ValidationError(self.env._("A letter or report is not received in the future."))

    @api.constrains("body_unit_id")
    def _check_body_unit(self):
        if any(petition.body_unit_id.unit_type != "discipline_body" for petition in self):
            raise ValidationError(self.env._("Letters and reports are registered by a discipline body."))

    # -- create and write -----------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        if not self._guard_trusted():
            self._check_intake()
        petitions = super().create(vals_list)
        for petition in petitions:
            number = petition.with_company(petition.company_id)._discipline_sequence("liangze.petition")
            petition._guard_sudo().write({"name": number})
        petitions._bind_attachments()
        petitions._sync_acceptance_notices()
        return petitions

    def write(self, vals):
        if not self._guard_trusted() and set(vals) - THREAD_FIELDS:
            self._check_intake()
        res = super().write(vals)
        if "attachment_ids" in vals:
            self._bind_attachments()
        if "named" in vals or "received_on" in vals:
            self._sync_acceptance_notices()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(self.env._("A registered letter or report stays in the register; it cannot be deleted."))

    # -- who acts ---------------------------------------------------------------------
    def _check_intake(self):
        """The intake officers of the body register and handle letters and reports; the head too."""
        if self.env.su:
            return
        if not (self.env.user.has_group(INTAKE) or self.env.user.has_group(SUPERVISION_HEAD)):
            raise AccessError(self.env._("Only the intake officers of the discipline body handle letters and reports."))
        if self:
            self.check_access("write")

    def _check_registered(self):
        for petition in self:
            if petition.state != "registered":
                raise UserError(self.env._("%(petition)s was already decided on.", petition=petition.display_name))

    def _check_not_about_head(self):
        for petition in self:
            heads = petition.sudo()._head_cadres()
            if heads:
                raise UserError(
                    self.env._(
                        "%(petition)s is about %(person)s, the head of the discipline body: it can only be forwarded "
                        "to the level above.",
                        petition=petition.display_name,
                        person="、".join(heads.mapped("name")),
                    )
                )

    def _decided(self, state, **values):
        today = self._bureau_today()
        self._guard_sudo().write(
            dict(values, state=state, decided_on=today, decided_by_id=self.env.uid),
        )

    # -- the procedure -------------------------------------------------------------------
    def action_accept(self):
        """Accepted: an accusation becomes a problem clue of the register (case management
        takes it from there); the persons' files show the report, open."""
        self._check_intake()
        self._check_registered()
        self._check_not_about_head()
        self._check_not_repeat()
        for petition in self:
            if petition.kind in CLUE_KINDS and not (petition.concerned_cadre_ids or petition.reported_unit_ids):
                raise UserError(
                    self.env._(
                        "Name the persons or units reported before accepting %(petition)s.",
                        petition=petition.display_name,
                    )
                )
        self._decided("accepted")
        for petition in self:
            clue = petition._create_clue() if petition.kind in CLUE_KINDS else False
            if clue:
                petition.message_post(
                    body=self.env._(
                        "Accepted by %(user)s; registered as problem clue %(clue)s.",
                        user=self.env.user.name,
                        clue=clue.display_name,
                    )
                )
            else:
                petition.message_post(body=self.env._("Accepted by %(user)s.", user=self.env.user.name))
        self._record_file_entries()
        return True

    def _create_clue(self):
        """The problem clue of the register, from this accepted report (as the system)."""
        self.ensure_one()
        petition = self.sudo()
        clue = (
            self.env["liangze.clue"]
            ._guard_sudo()
            .create(
                {
                    "body_unit_id": petition.body_unit_id.id,
                    "company_id": petition.company_id.id,
                    "source": "report",
                    "petition_id": petition.id,
                    "concerned_cadre_ids": [(6, 0, petition.concerned_cadre_ids.ids)],
                    "unit_id": (petition.reported_unit_ids[:1] or petition.concerned_cadre_ids[:1].unit_id).id,
                    "summary": petition.content,
                    "received_on": petition.received_on,
                }
            )
        )
        self._guard_sudo().write({"clue_id": clue.id})
        return clue

    def action_not_accept(self, reason, note=None):
        """Not accepted, with its reason (a court's or another body's matter, no substance)."""
        self._check_intake()
        self._check_registered()
        self._check_not_about_head()
        if reason not in dict(REFUSAL_REASONS):
            raise UserError(self.env._("Give the reason the report is not accepted."))
        self._decided("not_accepted", refusal_reason=reason, decision_note=(note or "").strip() or False)
        for petition in self:
            petition.message_post(
                body=self.env._(
                    "Not accepted by %(user)s: %(reason)s.",
                    user=self.env.user.name,
                    reason=dict(self._fields["refusal_reason"]._description_selection(self.env))[reason],
                )
            )
        self._record_file_entries()
        return True

    def action_forward(self, forwarded_to, note=None):
        """Forwarded to the level above: the only way for a report about the head of the body."""
        self._check_intake()
        self._check_registered()
        forwarded_to = (forwarded_to or "").strip()
        if not forwarded_to:
            raise UserError(self.env._("Say which body of the level above the report is forwarded to."))
        self._decided("forwarded", forwarded_to=forwarded_to, decision_note=(note or "").strip() or False)
        for petition in self:
            petition.message_post(
                body=self.env._("Forwarded to %(body)s by %(user)s.", body=forwarded_to, user=self.env.user.name)
            )
        self._record_file_entries()
        return True

    # -- buttons ---------------------------------------------------------------------------
    def _decision_action(self, mode, name):
        self.ensure_one()
        return self._liangze_wizard(
            "liangze.petition.decision", name, {"default_petition_id": self.id, "default_mode": mode}
        )

    def action_open_not_accept(self):
        return self._decision_action("not_accept", self.env._("Not Accepted"))

    def action_open_forward(self):
        return self._decision_action("forward", self.env._("Forward to the Level Above"))

    def action_open_repeat(self):
        return self._decision_action("repeat", self.env._("File as a Repeat"))

    def action_open_close(self):
        return self._decision_action("close", self.env._("Close with the Result"))

    def action_open_clue(self):
        self.ensure_one()
        return self.clue_id._form_action() if self.clue_id else False
