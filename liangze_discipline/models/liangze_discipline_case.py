# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import is_html_empty

from odoo.addons.liangze_base.models.liangze_record_guard import THREAD_FIELDS
from odoo.addons.liangze_base.roles import CASE_MANAGEMENT, CASE_OFFICER, SUPERVISION_HEAD

# A case in these states is still under way: the integrity opinion on its persons is deferred.
OPEN_CASE_STATES = ("draft", "to_approve", "investigation", "trial", "decided")
# What the officers write, and in which state of the case.
INVESTIGATION_FIELDS = frozenset({"investigation_report"})
TRIAL_FIELDS = frozenset({"trial_report", "proposed_decision"})
# The body's own: not for the party committee head approving the filing.
HANDLERS = f"{CASE_OFFICER},{SUPERVISION_HEAD}"


class LiangzeDisciplineCase(models.Model):
    """A case investigation (立案审查调查), per the supervision and discipline
    enforcement rules (2019): proposed from a clue's preliminary verification (or
    directly), the filing approved by the head of the discipline body and then by
    the same-level party committee head (tier validation), numbered (立案决定书) and
    announced to the person and their party committee head; investigated by a team,
    every measure in the ledger filed with case management, closed by the
    investigation report; tried (案件审理) by officers who did not investigate it (file
    check, trial report, proposed decision); then decided person by person
    (``liangze.discipline.decision``), carried out and closed."""

    _name = "liangze.discipline.case"
    _description = "Discipline Case"
    _inherit = [
        "liangze.discipline.case.filing.mixin",
        "liangze.discipline.case.trial.mixin",
        "liangze.discipline.mixin",
        "liangze.committee.approval.mixin",
        "liangze.official.document",
        "liangze.tier.validation",
        "tier.validation",
    ]
    _order = "proposed_on desc, id desc"
    # Its number (发文字号) in the discipline body's series: liangze.official.document.
    _document_kind = "case_filing"
    _document_issuer_field = "body_unit_id"
    _document_number_field = "filing_number"
    _rec_names_search = ["name", "title"]

    _guard_workflow_fields = frozenset(
        {
            "state",
            "name",
            "officer_ids",
            "investigator_ids",
            "trial_officer_ids",
            "approver_ids",
            "filing_number",
            "filed_on",
            "notified_on",
            "investigated_on",
            "file_checked",
            "file_checked_on",
            "file_checked_by_id",
            "trial_concluded_on",
            "decided_on",
            "closed_on",
        }
    )
    _guard_provenance_fields = {"author_id": "user", "proposed_on": "today"}
    _guard_fixed_fields = frozenset({"clue_id", "verification_id"})
    _guard_structural_fields = frozenset({"company_id", "body_unit_id", "concerned_cadre_ids", "title", "grounds"})
    _guard_state_fields = dict.fromkeys(INVESTIGATION_FIELDS, ("investigation",))
    # Filing is approved in tiers; a rejection sends the proposal back.
    _state_from = ["to_approve"]
    _state_to = ["investigation"]
    _cancel_state = "draft"
    _tier_validation_manual_config = False

    name = fields.Char(string="Case Number", readonly=True, copy=False, default="/")
    title = fields.Char(required=True, tracking=True)
    grounds = fields.Text(help="The facts found so far and the rules breached: why the case is filed.")
    clue_id = fields.Many2one("liangze.clue", readonly=True, index=True, ondelete="restrict")
    verification_id = fields.Many2one(
        "liangze.verification", string="Preliminary Verification", readonly=True, index=True, ondelete="restrict"
    )
    cadre_id = fields.Many2one(
        "liangze.cadre",
        string="Person Concerned",
        compute="_compute_cadre_id",
        store=True,
        index=True,
        help="The first of the persons concerned (a case is usually about one person).",
    )
    author_id = fields.Many2one("res.users", string="Proposed By", readonly=True)
    proposed_on = fields.Date(readonly=True)
    state = fields.Selection(
        [
            ("draft", "Proposed"),
            ("to_approve", "Filing Awaiting Approval"),
            ("investigation", "Under Investigation"),
            ("trial", "Under Trial"),
            ("decided", "Being Decided"),
            ("executing", "Being Carried Out"),
            ("closed", "Closed"),
        ],
        default="draft",
        required=True,
        tracking=True,
        index=True,
    )
    body_head_id = fields.Many2one(related="body_unit_id.head_id", string="Head of the Body", store=True)
    approver_ids = fields.Many2many(
        "res.users", "liangze_discipline_case_approver_rel", "case_id", "user_id", readonly=True, copy=False
    )
    # -- filing -------------------------------------------------------------------------------
    filing_number = fields.Char(string="Filing Decision Number", readonly=True, copy=False, index=True)
    filed_on = fields.Date(readonly=True, copy=False)
    notified_on = fields.Date(
        string="Announced On",
        readonly=True,
        copy=False,
        help="The filing decision was sent to the person and their party committee head.",
    )
    # -- investigation ------------------------------------------------------------------------
    investigator_ids = fields.Many2many(
        "res.users",
        "liangze_discipline_case_investigator_rel",
        "case_id",
        "user_id",
        string="Investigation Team",
        readonly=True,
        copy=False,
    )
    measure_ids = fields.One2many("liangze.case.measure", "case_id", string="Measures Ledger", groups=HANDLERS)
    investigation_report = fields.Html(help="The investigation report (审查调查报告), handed over to the trial.")
    investigated_on = fields.Date(string="Handed Over for Trial On", readonly=True, copy=False)
    # -- trial --------------------------------------------------------------------------------
    trial_officer_ids = fields.Many2many(
        "res.users",
        "liangze_discipline_case_trial_officer_rel",
        "case_id",
        "user_id",
        string="Trial Officers",
        readonly=True,
        copy=False,
        help="Officers of the trial (审理), who never took part in the verification or the investigation.",
    )
    file_checked = fields.Boolean(string="Case File Checked", readonly=True, copy=False)
    file_checked_on = fields.Date(readonly=True, copy=False)
    file_checked_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    trial_report = fields.Html(help="The trial report (审理报告): the facts established, their qualification.")
    proposed_decision = fields.Text(help="The decision the trial proposes for each person.")
    trial_concluded_on = fields.Date(readonly=True, copy=False)
    # -- decision -------------------------------------------------------------------------------
    decision_ids = fields.One2many("liangze.discipline.decision", "case_id", string="Decisions", groups=HANDLERS)
    appeal_ids = fields.One2many("liangze.discipline.appeal", "case_id", string="Appeals", groups=HANDLERS)
    decided_on = fields.Date(readonly=True, copy=False)
    closed_on = fields.Date(readonly=True, copy=False)

    @api.depends("concerned_cadre_ids")
    def _compute_cadre_id(self):
        for case in self:
            case.cadre_id = case.concerned_cadre_ids[:1]

    # -- create and write -----------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        trusted = self._guard_trusted()
        cases = super().create(vals_list)
        for case in cases:
            case._guard_sudo().write({"name": case._discipline_sequence("liangze.discipline.case")})
        if not trusted:
            cases._check_proposer()
        for case in cases:
            # The handler of the clue follows it into the case; the proposer handles it too.
            users = case.sudo().clue_id.officer_ids | case.sudo().verification_id.officer_ids
            if not trusted:
                users |= self.env.user
            if users:
                case._assign(users)
        if not trusted:
            cases._check_discipline_group()
        return cases

    def _check_proposer(self):
        """A case is proposed by the body's officers, for their own body."""
        # The group only: the proposer reads the case once assigned to it.
        self.browse()._check_discipline_group()
        for case in self.sudo():
            if case.body_unit_id not in self.env.user.liangze_unit_ids:
                raise UserError(self.env._("Cases are proposed by the officers of the discipline body handling them."))
            if not case.concerned_cadre_ids:
                raise UserError(self.env._("Name the person the case is about."))

    def write(self, vals):
        if not self._guard_trusted() and set(vals) - THREAD_FIELDS:
            self._check_discipline_group()
            if vals.keys() & TRIAL_FIELDS:
                self._check_trial_officer()
        return super().write(vals)

    @api.model
    def _get_under_validation_exceptions(self):
        # Who approves is recorded while the tiers are pending, for the record rules.
        return super()._get_under_validation_exceptions() + ["approver_ids", "officer_ids"]

    def _involved_users(self):
        """Whoever reported or witnessed the clue behind the case."""
        clues = self.sudo().clue_id
        return clues._involved_users() if clues else super()._involved_users()

    def _assign(self, users):
        """Officers of the case read its decisions and appeals too."""
        res = super()._assign(users)
        for children in (self.sudo().decision_ids, self.sudo().appeal_ids):
            if children:
                children._assign(users)
        return res

    # -- investigation --------------------------------------------------------------------------
    def _check_body_manager(self):
        """Case management or the head of the body assigns and hands over."""
        self._check_discipline_group(CASE_MANAGEMENT, SUPERVISION_HEAD)

    def action_open_assign_team(self):
        self.ensure_one()
        self._check_body_manager()
        return self.env["liangze.case.assign"]._open(self, "investigation")

    def action_open_assign_trial(self):
        self.ensure_one()
        self._check_body_manager()
        return self.env["liangze.case.assign"]._open(self, "trial")

    def _assign_investigators(self, users):
        self._check_body_manager()
        if any(case.state != "investigation" for case in self):
            raise UserError(self.env._("The investigation team is set while the case is investigated."))
        self._assign(users)
        self._guard_sudo().write({"investigator_ids": [(4, user.id) for user in users]})
        for case in self:
            case.message_post(
                body=self.env._("Investigation team: %(users)s", users="、".join(users.mapped("name"))),
                partner_ids=users.partner_id.ids,
            )
        return True

    def action_submit_trial(self):
        """Investigation report written, every measure filed: handed over for trial (移送审理)."""
        self._check_discipline_group()
        for case in self:
            if case.state != "investigation":
                raise UserError(self.env._("Only a case under investigation is handed over for trial."))
            if not case.investigator_ids:
                raise UserError(self.env._("Set the investigation team first."))
            if is_html_empty(case.investigation_report):
                raise UserError(self.env._("Write the investigation report first."))
            unfiled = case.measure_ids.filtered(lambda m: m.state != "filed")
            if unfiled:
                raise UserError(
                    self.env._(
                        "File every measure with case management first: %(measures)s.",
                        measures="、".join(unfiled.mapped("display_name")),
                    )
                )
        self._guard_sudo().write({"state": "trial", "investigated_on": self._bureau_today()})
        return True

    # -- carrying out -------------------------------------------------------------------------------
    def _on_decisions_changed(self):
        """Every decision issued: the case is decided and carried out, its clue concluded
        with the result (the reporter told through it); every decision done (reported
        back) or revoked: the case is closed."""
        today = self._bureau_today()
        for case in self.sudo().filtered(lambda c: c.state in ("decided", "executing", "closed")):
            decisions = case.decision_ids
            if not decisions or any(d.state == "draft" for d in decisions):
                continue
            first_time = case.state == "decided"
            if all(d.state in ("done", "revoked") for d in decisions):
                if case.state != "closed":
                    case._guard_sudo().write(
                        {"state": "closed", "closed_on": today, "decided_on": case.decided_on or today}
                    )
                    case.message_post(body=self.env._("The case is closed."))
            elif case.state != "executing":
                # Decided, or a decision changed on appeal issued again after the case was closed.
                case._guard_sudo().write({"state": "executing", "decided_on": case.decided_on or today})
            if first_time:
                case._on_decided()

    def _result_summary(self):
        """One line of the outcome of the case, for the clue and the reporter."""
        self.ensure_one()
        parts = [
            f"{decision.cadre_id.name}: {decision.outcome_summary}"
            for decision in self.sudo().decision_ids
            if decision.state != "revoked"
        ]
        return "；".join(parts)

    def _on_decided(self):
        """The clue behind the case is concluded with the case's result."""
        for case in self.sudo():
            result = self.env._("Case %(case)s: %(result)s", case=case.name, result=case._result_summary())
            case.message_post(body=self.env._("The case is decided. %(result)s", result=result))
            if case.clue_id and case.clue_id.state not in ("closed", "concluded"):
                case.clue_id._conclude(result)

    @api.ondelete(at_uninstall=False)
    def _unlink_never_filed(self):
        if any(case.filing_number for case in self):
            raise UserError(self.env._("A filed case stays on record."))
