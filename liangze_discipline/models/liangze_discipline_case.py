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
    _inherit = ["liangze.discipline.mixin", "liangze.tier.validation", "tier.validation"]
    _order = "proposed_on desc, id desc"
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
    committee_unit_id = fields.Many2one(
        "liangze.unit", string="Same-level Party Committee", compute="_compute_committee", store=True
    )
    committee_head_id = fields.Many2one(
        "res.users", string="Party Committee Head", compute="_compute_committee", store=True
    )
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

    @api.depends("body_unit_id.supervised_unit_id", "body_unit_id.parent_id", "body_unit_id.parent_id.head_id")
    def _compute_committee(self):
        for case in self:
            committee = case.body_unit_id._supervised_committee()
            case.committee_unit_id = committee
            case.committee_head_id = committee.head_id

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
            if vals.keys() & INVESTIGATION_FIELDS and any(case.state != "investigation" for case in self):
                raise UserError(self.env._("The investigation report is written while the case is investigated."))
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

    # -- filing ---------------------------------------------------------------------------------
    def action_submit(self):
        """Proposed → the filing is approved by the head of the body, then by the
        same-level party committee head."""
        self._check_discipline_group()
        for case in self:
            if case.state != "draft":
                raise UserError(self.env._("Only a proposed case is submitted for approval."))
            if not (case.grounds or "").strip():
                raise UserError(self.env._("Give the grounds for filing the case."))
            if not case.concerned_cadre_ids:
                raise UserError(self.env._("Name the person the case is about."))
            if not case.body_head_id:
                raise UserError(self.env._("%(body)s has no head to approve the filing.", body=case.body_unit_id.name))
            if not case.committee_head_id:
                raise UserError(
                    self.env._(
                        "The same-level party committee of %(body)s has no head to approve the filing.",
                        body=case.body_unit_id.name,
                    )
                )
            # The approvers read the case before the tiers notify them.
            case._guard_sudo().write({"approver_ids": [(6, 0, (case.body_head_id | case.committee_head_id).ids)]})
        self._guard_sudo().write({"state": "to_approve"})
        self._request_tier_approval(
            self.env._("No approval tier is configured for filing cases: an administrator sets them up.")
        )
        for case in self:
            reviewers = case.review_ids.reviewer_ids
            case._guard_sudo().write({"approver_ids": [(4, user.id) for user in reviewers]})
        return True

    def _check_pending_reviewer(self):
        # An approver concerned by the case (or a close relative) is recused from approving it.
        res = super()._check_pending_reviewer()
        recused = self.env.user.liangze_recused_cadre_ids
        for case in self.sudo():
            if recused & case.concerned_cadre_ids:
                raise UserError(self.env._("You are recused from this case: the level above approves its filing."))
        return res

    def _on_tiers_approved(self):
        """Filed: numbered (立案决定书), announced to the person and their party committee head."""
        today = self._bureau_today()
        for case in self.sudo():
            number = case.body_unit_id._document_sequence("case_filing").next_by_id(sequence_date=today)
            case._guard_sudo().write({"filing_number": number, "filed_on": today})
            case._notify_filing()
            case.message_post(
                body=self.env._("The filing is approved (%(number)s): the investigation starts.", number=number),
                partner_ids=case.author_id.partner_id.ids,
            )

    def _committee_head_of(self, cadre):
        """The head of the party committee the person belongs to (the level above when they head it)."""
        unit = cadre.sudo().unit_id
        while unit:
            if unit.unit_type == "party_committee" and unit.head_id and unit.head_id != cadre.user_id:
                return unit.head_id
            unit = unit.parent_id
        return self.env["res.users"]

    def _notify_filing(self):
        """The filing decision (PDF) goes to the person and their party committee head by mail;
        neither reads the case."""
        self.ensure_one()
        today = self._bureau_today()
        partners = self.env["res.partner"]
        for cadre in self.concerned_cadre_ids:
            partners |= cadre._notified_partners() | self._committee_head_of(cadre).partner_id
        partners = partners.filtered("email")
        template = self.env.ref("liangze_discipline.mail_template_liangze_case_filing_notice")
        if partners:
            template.sudo().send_mail(self.id, email_values={"recipient_ids": [(6, 0, partners.ids)]})
        self._guard_sudo().write({"notified_on": today})
        self.message_post(
            body=self.env._(
                "Filing decision %(number)s sent to: %(recipients)s",
                number=self.filing_number,
                recipients="、".join(partners.mapped("name")) or "-",
            )
        )

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

    # -- trial ------------------------------------------------------------------------------------
    def _handlers(self):
        """Who handled the case so far: the clue's handlers, the verification and investigation teams."""
        self.ensure_one()
        return self.sudo().officer_ids - self.sudo().trial_officer_ids

    def _assign_trial_officers(self, users):
        """The trial officers never took part in the verification or investigation (recusal)."""
        self._check_body_manager()
        for case in self:
            if case.state != "trial":
                raise UserError(self.env._("Trial officers are assigned once the case is handed over for trial."))
            handled = users & case._handlers()
            if handled:
                raise UserError(
                    self.env._(
                        "%(users)s took part in verifying or investigating the case and may not try it.",
                        users="、".join(handled.mapped("name")),
                    )
                )
        self._assign(users)
        self._guard_sudo().write({"trial_officer_ids": [(4, user.id) for user in users]})
        for case in self:
            case.message_post(
                body=self.env._("Trial officers: %(users)s", users="、".join(users.mapped("name"))),
                partner_ids=users.partner_id.ids,
            )
        return True

    def _check_trial_officer(self):
        """A trial officer of the case (or the head of the body) acts on the trial."""
        self._check_discipline_group()
        for case in self.sudo():
            if case.state != "trial":
                raise UserError(self.env._("The trial is recorded while the case is under trial."))
            if self.env.user not in case.trial_officer_ids and not self.env.user.has_group(SUPERVISION_HEAD):
                raise UserError(self.env._("Only the trial officers of the case record its trial."))

    def action_check_file(self):
        """The case file is complete and in order (卷宗审核)."""
        self._check_trial_officer()
        self._guard_sudo().write(
            {
                "file_checked": True,
                "file_checked_on": self._bureau_today(),
                "file_checked_by_id": self.env.uid,
            }
        )
        return True

    def action_conclude_trial(self):
        """File checked, trial report and proposed decision written: the case is
        decided person by person (a draft decision each)."""
        self._check_trial_officer()
        for case in self:
            if not case.file_checked:
                raise UserError(self.env._("Check the case file first."))
            if is_html_empty(case.trial_report):
                raise UserError(self.env._("Write the trial report first."))
            if not (case.proposed_decision or "").strip():
                raise UserError(self.env._("Give the proposed decision."))
        self._guard_sudo().write({"state": "decided", "trial_concluded_on": self._bureau_today()})
        Decision = self.env["liangze.discipline.decision"]._guard_sudo()
        for case in self.sudo():
            missing = case.concerned_cadre_ids - case.decision_ids.cadre_id
            if missing:
                Decision.create(
                    [{"case_id": case.id, "cadre_id": cadre.id, "facts": case.proposed_decision} for cadre in missing]
                )
        return True

    def action_new_decision(self):
        """Another decision on a person of the case (during the trial or the decision)."""
        self.ensure_one()
        self._check_discipline_group()
        return self.env["liangze.discipline.decision"]._form_action(
            target="new", context={"default_case_id": self.id, "default_cadre_id": self.cadre_id.id}
        )

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
