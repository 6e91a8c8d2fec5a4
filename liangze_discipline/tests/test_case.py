# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
from datetime import timedelta

from dateutil.relativedelta import relativedelta
from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from odoo.addons.liangze_base.models.liangze_record_guard import RecordGuardError
from odoo.addons.liangze_base.tests.common import bureau_user
from odoo.addons.liangze_integrity.tests.common import IntegrityCase

CASE_OFFICER = "liangze_discipline.group_liangze_case_officer"
CASE_MANAGEMENT = "liangze_discipline.group_liangze_case_management"
ORGANISATION = "liangze_integrity.group_liangze_organisation"
LEADER = "liangze_base.group_liangze_leader"
SERIOUS_WARNING = "liangze_integrity.liangze_sanction_type_party_serious_warning"
PARTY_WARNING = "liangze_integrity.liangze_sanction_type_party_warning"
FILING_REPORT = "liangze_discipline.action_report_liangze_case_filing"
DECISION_REPORT = "liangze_discipline.action_report_liangze_discipline_decision"
CASE_MODELS = (
    "liangze.discipline.case",
    "liangze.case.measure",
    "liangze.discipline.decision",
    "liangze.discipline.appeal",
)


@tagged("post_install", "-at_install")
class TestCase(IntegrityCase):
    """The discipline group files a case on the office head (Colleague Wang, who logs in
    as the office's unit head): the head of the group and the city committee's secretary
    approve the filing, two officers investigate, a third tries the case, the head issues
    a serious party warning; the person appeals, reviewed by an officer who did not handle
    the case. Nobody else sees any of it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()

        def user(login, groups):
            return bureau_user(
                cls.env,
                login=login,
                groups=groups,
                company_id=cls.company_a.id,
                company_ids=[(6, 0, cls.company_a.ids)],
            )

        cls.manager = user("lz_case_manager", CASE_MANAGEMENT)
        cls.investigator = user("lz_investigator", CASE_OFFICER)
        cls.second_investigator = user("lz_investigator_2", CASE_OFFICER)
        cls.trial_officer = user("lz_trial_officer", CASE_OFFICER)
        cls.reviewer = user("lz_reviewer", CASE_OFFICER)
        cls.idle_officer = user("lz_idle_officer", CASE_OFFICER)
        cls.office_officer = user("lz_office_officer", CASE_OFFICER)
        cls.secretary = user("lz_secretary", LEADER)
        cls.organiser = user("lz_case_organiser", ORGANISATION)
        body = cls.manager | cls.investigator | cls.second_investigator | cls.trial_officer | cls.reviewer
        cls.discipline.member_ids = [(4, member.id) for member in body | cls.idle_officer]
        cls.office.member_ids = [(4, cls.office_officer.id)]
        cls.city.head_id = cls.secretary
        cls.personnel = cls.env["liangze.unit"].create(
            {"name": "Personnel", "code": "C-PER", "parent_id": cls.city.id, "company_id": cls.company_a.id}
        )
        cls.personnel.member_ids = cls.organiser
        cls.company_a.liangze_organisation_unit_id = cls.personnel
        cls.discipline.document_numbering = "per_kind"
        # The person concerned: the office head, with a login.
        cls.person = cls.colleague
        (cls.manager | cls.investigator | cls.supervisor | cls.leader | cls.organiser).group_ids = [
            (4, cls.env.ref("base.group_allow_export").id)
        ]

    # -- the procedure, step by step ------------------------------------------------------------
    def _case(self, user=None, **values):
        vals = {
            "title": "Accepting gifts from a supplier",
            "grounds": "The preliminary verification found gifts accepted in 2025.",
            "concerned_cadre_ids": [(6, 0, self.person.ids)],
            **values,
        }
        return self.env["liangze.discipline.case"].with_user(user or self.investigator).create(vals)

    def _assign(self, record, role, users, user=None):
        wizard = (
            self.env["liangze.case.assign"]
            .with_user(user or self.manager)
            .create({"record_ref": f"{record._name},{record.id}", "role": role, "user_ids": [(6, 0, users.ids)]})
        )
        return wizard.action_confirm()

    def _filed(self, case=None):
        case = case or self._case()
        case.action_submit()
        case.with_user(self.supervision_head).validate_tier()
        case.with_user(self.secretary).validate_tier()
        self.assertEqual(case.state, "investigation")
        return case

    def _measure(self, case, user=None, kind="talk"):
        measure = (
            self.env["liangze.case.measure"]
            .with_user(user or self.investigator)
            .create({"case_id": case.id, "kind": kind, "description": "Talk with the supplier's manager."})
        )
        measure.with_user(self.supervision_head).action_approve()
        measure.with_user(self.manager).action_file()
        return measure

    def _investigated(self, case=None):
        case = case or self._filed()
        self._assign(case, "investigation", self.investigator | self.second_investigator)
        self._measure(case)
        case.with_user(self.investigator).investigation_report = "<p>Gifts of 20,000 yuan accepted.</p>"
        case.with_user(self.investigator).action_submit_trial()
        self.assertEqual(case.state, "trial")
        return case

    def _tried(self, case=None):
        case = case or self._investigated()
        self._assign(case, "trial", self.trial_officer)
        tried = case.with_user(self.trial_officer)
        tried.action_check_file()
        tried.write({"trial_report": "<p>The facts are clear.</p>", "proposed_decision": "Serious party warning."})
        tried.action_conclude_trial()
        self.assertEqual(case.state, "decided")
        return case

    def _issued(self, case=None, kind=SERIOUS_WARNING):
        case = case or self._tried()
        decision = case.sudo().decision_ids.with_user(self.investigator)
        decision.write({"party_type_id": self.env.ref(kind).id, "facts": "Accepted gifts of 20,000 yuan."})
        decision.with_user(self.supervision_head).action_issue()
        return decision

    def _mails(self, record, subject):
        mails = self.env["mail.mail"].sudo().search([("model", "=", record._name), ("res_id", "=", record.id)])
        return mails.filtered(lambda m: (m.subject or "").startswith(subject))

    # -- the whole case ------------------------------------------------------------------------------
    def test_case_from_filing_to_closing(self):
        today = self.env["base"]._bureau_today()
        case = self._case()
        self.assertRegex(case.name, r"^LA\d{4}-\d{3}$")
        self.assertEqual((case.state, case.cadre_id, case.author_id), ("draft", self.person, self.investigator))
        self.assertEqual(case.officer_ids, self.investigator, "the proposer handles it")
        self.assertEqual(case.body_unit_id, self.discipline)
        self.assertEqual((case.committee_unit_id, case.committee_head_id), (self.city, self.secretary))

        # Filing: the head of the body first, then the committee's secretary.
        case.action_submit()
        self.assertEqual(case.state, "to_approve")
        self.assertEqual(case.approver_ids, self.supervision_head | self.secretary)
        with self.assertRefused(AccessError, "not the reviewer"):
            case.with_user(self.secretary).validate_tier()
        with self.assertRefused(AccessError, "not the reviewer"):
            case.validate_tier()
        case.with_user(self.supervision_head).validate_tier()
        self.assertEqual(case.state, "to_approve", "the committee's secretary approves too")
        self.assertFalse(case.filing_number)
        case.with_user(self.secretary).validate_tier()
        self.assertEqual((case.state, case.filed_on, case.notified_on), ("investigation", today, today))
        self.assertRegex(case.filing_number, r"^C-JJZ立〔\d{4}〕1号$")
        # Announced to the person and their party committee's head, by mail with the decision.
        [notice] = self._mails(case, "Case filing decision")
        self.assertEqual(notice.recipient_ids, self.head.partner_id | self.secretary.partner_id)
        self.assertIn(case.filing_number, notice.subject)
        self.assertEqual(len(notice.attachment_ids), 1)
        self.assertIn(case.filing_number, base64.b64decode(notice.attachment_ids.datas).decode())
        # The secretary read the case to approve it, and nothing more.
        self.assertEqual(self.env["liangze.discipline.case"].with_user(self.secretary).search([]), case)
        with self.assertRaises(AccessError):
            case.with_user(self.secretary).write({"title": "Changed"})
        self.assertFalse(self._found("liangze.discipline.decision", self.secretary))

        # Investigation: the team, the measures ledger, the report.
        self._assign(case, "investigation", self.investigator | self.second_investigator)
        self.assertEqual(case.investigator_ids, self.investigator | self.second_investigator)
        self.assertIn(self.second_investigator, case.officer_ids)
        measure = self._measure(case, self.second_investigator)
        self.assertEqual(
            (measure.state, measure.approved_by_id, measure.filed_by_id), ("filed", self.supervision_head, self.manager)
        )
        pending = (
            self.env["liangze.case.measure"]
            .with_user(self.investigator)
            .create({"case_id": case.id, "kind": "query", "description": "Bank statements of 2025."})
        )
        with self.assertRefused(UserError, "Write the investigation report first"):
            case.with_user(self.investigator).action_submit_trial()
        case.with_user(self.investigator).investigation_report = "<p>Gifts of 20,000 yuan accepted.</p>"
        with self.assertRefused(UserError, "File every measure with case management first"):
            case.with_user(self.investigator).action_submit_trial()
        with self.assertRaises(AccessError):
            pending.with_user(self.investigator).action_approve()
        pending.with_user(self.supervision_head).action_approve()
        with self.assertRaises(AccessError):
            pending.with_user(self.investigator).action_file()
        pending.with_user(self.manager).action_file()
        case.with_user(self.investigator).action_submit_trial()
        self.assertEqual((case.state, case.investigated_on), ("trial", today))

        # Trial: never by an investigator.
        with self.assertRefused(UserError, "took part in verifying or investigating"):
            self._assign(case, "trial", self.second_investigator)
        self._assign(case, "trial", self.trial_officer)
        self.assertEqual(case.trial_officer_ids, self.trial_officer)
        with self.assertRefused(UserError, "Only the trial officers"):
            case.with_user(self.investigator).write({"trial_report": "<p>Mine</p>"})
        tried = case.with_user(self.trial_officer)
        with self.assertRefused(UserError, "Check the case file first"):
            tried.action_conclude_trial()
        tried.action_check_file()
        self.assertEqual((case.file_checked, case.file_checked_by_id), (True, self.trial_officer))
        with self.assertRefused(UserError, "Write the trial report first"):
            tried.action_conclude_trial()
        tried.write({"trial_report": "<p>The facts are clear.</p>", "proposed_decision": "Serious party warning."})
        tried.action_conclude_trial()
        self.assertEqual((case.state, case.trial_concluded_on), ("decided", today))
        decision = case.sudo().decision_ids
        self.assertEqual(
            (decision.cadre_id, decision.state, decision.executing_unit_id), (self.person, "draft", self.office)
        )
        self.assertEqual(decision.officer_ids, case.officer_ids)

        # The decision: a serious party warning, issued by the head.
        decision = decision.with_user(self.investigator)
        with self.assertRefused(UserError, "Decide on Colleague Wang"):
            decision.with_user(self.supervision_head).action_issue()
        decision.write({"party_type_id": self.env.ref(SERIOUS_WARNING).id, "facts": "Accepted gifts of 20,000 yuan."})
        with self.assertRaises(AccessError):
            decision.action_issue()
        decision.with_user(self.supervision_head).action_issue()
        workdays = self.company_a._liangze_workdays()
        self.assertEqual(decision.state, "issued")
        self.assertRegex(decision.decision_number, r"^C-JJZ处〔\d{4}〕1号$")
        self.assertEqual(decision.execution_deadline, workdays.next_workday(today + relativedelta(months=1)))
        self.assertEqual(decision.report_deadline, workdays.next_workday(today + relativedelta(months=6)))
        self.assertEqual((decision.deadline, decision.form), (decision.execution_deadline, "2"))
        self.assertEqual(case.state, "executing")
        with self.assertRaises(AccessError):
            decision.write({"party_type_id": self.env.ref(PARTY_WARNING).id})
        # Written to the person's integrity file: the sanction, and the outcome of the case.
        file = self._file(self.person)
        [sanction] = file.sanction_ids
        self.assertEqual(
            (sanction.type_id, sanction.state, sanction.decision_number, sanction.decision_date),
            (self.env.ref(SERIOUS_WARNING), "recorded", decision.decision_number, today),
        )
        self.assertEqual(sanction.effect_until, today + relativedelta(months=18))
        self.assertEqual(decision.sudo().sanction_ids, sanction)
        entry = file.entry_ids.filtered(lambda e: e.source_model == decision._name)
        self.assertEqual((entry.section, entry.open_matter), ("clue", False))
        self.assertIn("Serious party warning", entry.result)
        self.assertIn(case.name, entry.name)
        # Sent to the person, their unit and the organisation department, with the decision.
        [notice] = self._mails(decision, "Decision ")
        self.assertEqual(notice.recipient_ids, self.head.partner_id | self.organiser.partner_id)
        self.assertEqual(len(notice.attachment_ids), 1)
        self.assertIn(decision.decision_number, base64.b64decode(notice.attachment_ids.datas).decode())

        # The integrity opinion on the person: vetoed, the sanction as the reason.
        request = (
            self.env["liangze.opinion.request"]
            .with_user(self.organiser)
            .create(
                {
                    "title": "Section chiefs, 2026",
                    "purpose": "selection",
                    "opinion_ids": [(0, 0, {"cadre_id": self.person.id})],
                }
            )
        )
        request.action_submit()
        request.with_user(self.supervisor).action_draft_opinions()
        opinion = request.sudo().opinion_ids
        self.assertEqual(opinion.opinion, "veto")
        veto = opinion.reason_ids.filtered(lambda r: r.kind == "veto")
        self.assertEqual((veto.source_model, veto.source_id), ("liangze.sanction", sanction.id))
        self.assertIn("Serious party warning", veto.description)
        self.assertIn(decision.decision_number, veto.description)

        # Carried out within the month, reported back within six: the case closes.
        with self.assertRefused(UserError, "Say how the decision was carried out"):
            decision.action_confirm_execution()
        decision.execution_note = "Announced at the office's party branch meeting."
        decision.action_confirm_execution()
        self.assertEqual((decision.state, decision.executed_on), ("executed", today))
        self.assertEqual(decision.deadline, decision.report_deadline)
        with self.assertRefused(UserError, "Give the executing unit's report back"):
            decision.action_record_report()
        decision.report_note = "Post and pay changed; the person was talked to."
        decision.action_record_report()
        self.assertEqual((decision.state, decision.warning_level), ("done", "done_on_time"))
        self.assertEqual((case.state, case.closed_on), ("closed", today))

    def test_documents_are_printed(self):
        decision = self._issued()
        case = decision.case_id
        Report = self.env["ir.actions.report"].with_context(force_report_rendering=True)
        with self.allow_pdf_render():
            filing = Report.with_user(self.investigator)._render_qweb_pdf(FILING_REPORT, case.ids)[0]
            sanction = Report.with_user(self.investigator)._render_qweb_pdf(DECISION_REPORT, decision.ids)[0]
        self.assertTrue(filing.startswith(b"%PDF"))
        self.assertTrue(sanction.startswith(b"%PDF"))
        html = Report.with_user(self.investigator)._render_qweb_html(DECISION_REPORT, decision.ids)[0].decode()
        for text in (decision.decision_number, "Colleague Wang", "Serious party warning", "Discipline Group", "Office"):
            self.assertIn(text, html)
        self.assertNotIn("DRAFT", html)
        html = Report.with_user(self.investigator)._render_qweb_html(FILING_REPORT, case.ids)[0].decode()
        for text in (case.filing_number, "Colleague Wang", "City Committee"):
            self.assertIn(text, html)

    def test_forms_open_for_whoever_acts(self):
        """Each form, as each user who acts on it, shows what that user may read."""
        case = self._case()
        case.action_submit()
        case.with_user(self.supervision_head).validate_tier()
        # The committee's secretary approves from the form: nothing of the body's records on it.
        form = Form(case.with_user(self.secretary))
        self.assertEqual(form.title, case.title)
        case.with_user(self.secretary).validate_tier()
        decision = self._issued(self._tried(self._investigated(case)))
        appeal = (
            self.env["liangze.discipline.appeal"]
            .with_user(self.manager)
            .create({"decision_id": decision.id, "reason": "Too heavy."})
        )
        self._assign(appeal, "review", self.reviewer)
        for user in (self.investigator, self.trial_officer, self.manager, self.supervision_head, self.reviewer):
            with self.subTest(user=user.login):
                self.assertEqual(Form(case.with_user(user)).name, case.name)
                self.assertEqual(Form(decision.with_user(user)).decision_number, decision.decision_number)
                self.assertEqual(Form(appeal.with_user(user)).reason, appeal.reason)
        # Registering an appeal and assigning officers go through their dialogs.
        action = decision.with_user(self.manager).action_register_appeal()
        self.assertEqual(action["context"]["default_decision_id"], decision.id)
        action = case.with_user(self.manager).action_open_assign_team()
        with self.assertRaises(UserError):
            case.with_user(self.investigator).action_open_assign_team()
        wizard = Form(self.env["liangze.case.assign"].with_user(self.manager).with_context(**action["context"]))
        self.assertEqual(wizard.role, "investigation")

    # -- what nobody else sees -------------------------------------------------------------------------
    def test_nobody_else_sees_the_case(self):
        decision = self._issued()
        case = decision.case_id
        appeal = (
            self.env["liangze.discipline.appeal"]
            .with_user(self.manager)
            .create({"decision_id": decision.id, "reason": "The gifts were returned."})
        )
        measure = case.sudo().measure_ids[:1]
        report = self.env.ref(DECISION_REPORT)
        # The person concerned (the office head), the idle officer, the supervisor, the leader,
        # the organisation department, the administrator, another company, the office's own officer.
        outsiders = (
            self.head,
            self.idle_officer,
            self.office_officer,
            self.supervisor,
            self.leader,
            self.organiser,
            self.admin,
            self.member,
            self.outsider,
        )
        for user in outsiders:
            with self.subTest(user=user.login):
                for model in CASE_MODELS:
                    self.assertFalse(self._found(model, user), model)
                for record in (case, decision, appeal, measure):
                    with self.assertRaises(AccessError):
                        record.with_user(user).read(["display_name"])
                self.assertFalse(
                    self.env["mail.message"]
                    .with_user(user)
                    .search(
                        [("model", "in", list(CASE_MODELS)), ("res_id", "in", case.ids + decision.ids + appeal.ids)]
                    )
                )
                with self.assertRaises(AccessError):
                    report.with_user(user)._render_qweb_html(report.report_name, decision.ids)
                with self.assertRaises(UserError):  # AccessError, or no right to export
                    case.with_user(user).export_data(["title", "grounds"])
        self.assertNotIn(self.head.partner_id, case.message_partner_ids, "the person does not follow the case")
        # Case management and the head read every case of the body; the officers theirs.
        for user in (self.manager, self.supervision_head, self.investigator, self.trial_officer):
            with self.subTest(user=user.login):
                self.assertEqual(self.env["liangze.discipline.case"].with_user(user).search([]), case)
                self.assertEqual(self.env["liangze.discipline.decision"].with_user(user).search([]), decision)
        rows = case.with_user(self.manager).export_data(["name", "title"])["datas"]
        self.assertEqual(rows, [[case.name, case.title]])

    # -- what is refused ----------------------------------------------------------------------------------
    def test_refusals(self):
        # A case proposed by someone outside the body's handlers, or without approval.
        with self.assertRaises(AccessError):
            self._case(user=self.supervisor)
        with self.assertRaises(AccessError):
            self._case(state="investigation")
        case = self._case()
        with self.assertRaises(AccessError):
            case.write({"state": "investigation"})
        with self.assertRefused(UserError, "Only a case under investigation is handed over for trial"):
            case.action_submit_trial()
        with self.assertRefused(RecordGuardError, "Case Measure is added only while its Discipline Case is Under Inv"):
            self.env["liangze.case.measure"].with_user(self.investigator).create(
                {"case_id": case.id, "kind": "talk", "description": "Too early."}
            )
        with self.assertRefused(UserError, "Give the grounds"):
            self._case(grounds=False).action_submit()
        # No committee head: nobody to approve the filing.
        self.city.head_id = False
        with self.assertRefused(UserError, "no head to approve the filing"):
            case.action_submit()
        self.city.head_id = self.secretary
        # An officer of the person's own unit is recused.
        case = self._filed(case)
        with self.assertRefused(UserError, "must be recused.*works in a unit"):
            self._assign(case, "investigation", self.office_officer)
        with self.assertRaises(AccessError):
            self._assign(case, "investigation", self.second_investigator, user=self.investigator)

        # A decision without a trial.
        with self.assertRefused(UserError, "once the case is under trial"):
            self.env["liangze.discipline.decision"].with_user(self.investigator).create(
                {"case_id": case.id, "cadre_id": self.person.id}
            )
        case = self._investigated(case)
        early = (
            self.env["liangze.discipline.decision"]
            .with_user(self.investigator)
            .create({"case_id": case.id, "cadre_id": self.person.id, "party_type_id": self.env.ref(PARTY_WARNING).id})
        )
        early.facts = "Accepted gifts."
        with self.assertRefused(UserError, "is not concluded: a decision follows the trial"):
            early.with_user(self.supervision_head).action_issue()
        with self.assertRefused(UserError, "is not a person of this case"):
            self.env["liangze.discipline.decision"].with_user(self.investigator).create(
                {"case_id": case.id, "cadre_id": self.sister.id}
            )
        # Probation within the party sets its years.
        self._tried(case)
        early.party_type_id = self.env.ref("liangze_integrity.liangze_sanction_type_party_probation")
        with self.assertRefused(UserError, "Give the probation"):
            early.with_user(self.supervision_head).action_issue()

    # -- the appeal ---------------------------------------------------------------------------------------
    def test_appeal_reviewed_and_revoked(self):
        decision = self._issued()
        case = decision.case_id
        today = self.env["base"]._bureau_today()
        Appeal = self.env["liangze.discipline.appeal"]
        with self.assertRaises(AccessError):
            Appeal.with_user(self.investigator).create({"decision_id": decision.id, "reason": "Not me."})
        appeal = Appeal.with_user(self.manager).create(
            {"decision_id": decision.id, "reason": "The gifts were returned."}
        )
        workdays = self.company_a._liangze_workdays()
        self.assertEqual(
            (appeal.state, appeal.cadre_id, appeal.filed_on, appeal.deadline),
            ("submitted", self.person, today, workdays.next_workday(today + relativedelta(months=3))),
        )
        with self.assertRefused(UserError, "already appealed"):
            Appeal.with_user(self.manager).create({"decision_id": decision.id, "reason": "Again."})
        # Reviewed by officers who did not handle the case.
        for handler in (self.investigator, self.trial_officer):
            with self.assertRefused(UserError, "handled the case"):
                self._assign(appeal, "review", handler)
        with self.assertRefused(UserError, "Assign the reviewers"):
            appeal.with_user(self.supervision_head).action_open_decision()
        self._assign(appeal, "review", self.reviewer)
        self.assertEqual(appeal.reviewer_ids, self.reviewer)
        self.assertEqual(self.env["liangze.discipline.case"].with_user(self.reviewer).search([]), case)
        with self.assertRefused(UserError, "write their review first"):
            appeal.with_user(self.supervision_head).action_open_decision()
        with self.assertRefused(UserError, "Only the reviewers"):
            appeal.with_user(self.investigator).review_report = "<p>Fine.</p>"
        appeal.with_user(self.reviewer).review_report = "<p>The gifts were returned before the verification.</p>"
        with self.assertRaises(AccessError):
            appeal.with_user(self.reviewer).action_revoke("Returned.")
        action = appeal.with_user(self.supervision_head).action_open_decision()
        wizard = (
            self.env["liangze.appeal.decision"]
            .with_user(self.supervision_head)
            .with_context(**action["context"])
            .create({"reason": "The gifts were returned before the verification started."})
        )
        wizard.action_revoke()
        self.assertEqual(
            (appeal.state, appeal.decided_by_id, appeal.warning_level),
            ("revoked", self.supervision_head, "done_on_time"),
        )
        # Revoked in the integrity file: the opinion no longer vetoes.
        self.assertEqual(decision.state, "revoked")
        sanction = decision.sudo().sanction_ids
        self.assertEqual(sanction.state, "revoked")
        self.assertFalse(sanction._runs_on(today))
        entry = self._file(self.person).entry_ids.filtered(lambda e: e.source_model == decision._name)
        self.assertIn("Revoked on appeal", entry.result)
        findings = self.env["liangze.opinion"]._opinion_findings(self.person, today)
        self.assertFalse([f for f in findings.get(self.person.id, []) if f["kind"] == "veto"])
        # The person is told by mail.
        [told] = self._mails(appeal, "Your appeal")
        self.assertEqual(told.recipient_ids, self.head.partner_id)
        self.assertEqual(case.state, "closed")

    def test_appeal_changes_the_decision(self):
        decision = self._issued()
        appeal = (
            self.env["liangze.discipline.appeal"]
            .with_user(self.manager)
            .create({"decision_id": decision.id, "reason": "Too heavy."})
        )
        self._assign(appeal, "review", self.reviewer)
        appeal.with_user(self.reviewer).review_report = "<p>A party warning fits the facts.</p>"
        appeal.with_user(self.supervision_head).action_change("A party warning fits the facts.")
        self.assertEqual((appeal.state, decision.state), ("changed", "revoked"))
        new = appeal.new_decision_id
        self.assertEqual((new.state, new.replaces_id, new.cadre_id), ("draft", decision, self.person))
        self.assertEqual(decision.case_id.state, "executing", "the case waits for the new decision")
        new.with_user(self.investigator).party_type_id = self.env.ref(PARTY_WARNING)
        new.with_user(self.supervision_head).action_issue()
        self.assertEqual(new.state, "issued")
        self.assertRegex(new.decision_number, r"处〔\d{4}〕2号$")
        sanctions = self._file(self.person).sanction_ids
        self.assertEqual(
            {(s.type_id, s.state) for s in sanctions},
            {(self.env.ref(SERIOUS_WARNING), "revoked"), (self.env.ref(PARTY_WARNING), "recorded")},
        )
        self.assertEqual(decision.case_id.state, "executing")

    def test_appeal_after_its_period(self):
        decision = self._issued()
        with freeze_time(self.env["base"]._bureau_today() + relativedelta(months=1, days=1)):
            with self.assertRefused(UserError, "appeal period of this decision ended"):
                self.env["liangze.discipline.appeal"].with_user(self.manager).create(
                    {"decision_id": decision.id, "reason": "Late."}
                )

    # -- deadlines --------------------------------------------------------------------------------------------
    def test_deadlines_warn_and_remind_once(self):
        decision = self._issued()
        Decision = self.env["liangze.discipline.decision"]
        template = "Due "
        with freeze_time(decision.execution_deadline + timedelta(days=1)):
            Decision._cron_refresh_warnings()
            self.assertEqual(decision.warning_level, "red")
            reminders = decision.sudo().message_ids.filtered(lambda m: (m.subject or "").startswith(template))
            self.assertEqual(len(reminders), 1)
            self.assertIn(decision.case_id.author_id.partner_id, reminders.partner_ids)
            self.assertNotIn(self.head.partner_id, reminders.partner_ids, "never the person concerned")
            Decision._cron_refresh_warnings()
            reminders = decision.sudo().message_ids.filtered(lambda m: (m.subject or "").startswith(template))
            self.assertEqual(len(reminders), 1, "once per threshold")
            # Carried out late: the report back is the next step, with its own warnings.
            decision.with_user(self.investigator).execution_note = "Announced late."
            decision.with_user(self.investigator).action_confirm_execution()
            Decision._cron_refresh_warnings()
            self.assertEqual(decision.warning_level, "normal")
        appeal = (
            self.env["liangze.discipline.appeal"]
            .with_user(self.manager)
            .create({"decision_id": decision.id, "reason": "Too heavy."})
        )
        with freeze_time(appeal.deadline + timedelta(days=1)):
            self.env["liangze.discipline.appeal"]._cron_refresh_warnings()
            self.assertEqual(appeal.warning_level, "red")
            self.assertTrue(appeal.sudo().activity_ids, "the head is asked to decide")

    # -- from the clue's preliminary verification --------------------------------------------------------
    def test_case_proposed_by_a_verification(self):
        """The clue's handler verifies, proposes the case; it follows the whole chain, the
        trial is another officer's, and the decision concludes the clue."""
        clue = (
            self.env["liangze.clue"]
            .with_user(self.manager)
            .create(
                {
                    "summary": "Accepted gifts from a supplier.",
                    "concerned_cadre_ids": [(6, 0, self.person.ids)],
                    "unit_id": self.office.id,
                    "source": "report",
                }
            )
        )
        clue.with_user(self.manager).write({"proposed_handler_id": self.investigator.id})
        clue.with_user(self.manager).action_propose_assignment()
        clue.with_user(self.supervision_head).action_approve_assignment()
        clue.with_user(self.investigator).write(
            {
                "review_date": self.env["base"]._bureau_today(),
                "attendee_ids": [(6, 0, (self.investigator | self.manager | self.supervision_head).ids)],
                "proposed_way": "verification",
                "review_note": "Studied collectively.",
            }
        )
        clue.with_user(self.investigator).action_submit_disposal()
        clue.with_user(self.supervision_head).validate_tier()
        verification = clue.verification_ids.with_user(self.investigator)
        verification.write({"plan": "Check the bank records."})
        verification.action_submit_plan()
        verification.with_user(self.supervision_head).action_approve_plan()
        verification.write({"measures": "Bank records obtained.", "report": "<p>The gifts are established.</p>"})
        verification.action_submit_report()
        verification.action_sign()
        verification.write({"outcome": "propose_case", "outcome_note": "A case is to be filed."})
        verification.action_propose_case()
        case = self.env["liangze.discipline.case"].search([("clue_id", "=", clue.id)])
        self.assertEqual((case.state, case.cadre_id, case.body_unit_id), ("draft", self.person, self.discipline))
        self.assertIn(self.investigator, case.officer_ids, "the clue's handler follows it into the case")
        case = case.with_user(self.investigator)
        self.assertEqual(clue.state, "disposed", "the clue stays open while the case runs")
        decision = self._issued(self._tried(self._investigated(self._filed(case))))
        self.assertEqual(clue.state, "concluded")
        self.assertIn("Serious party warning", clue.conclusion)
        self.assertIn(case.name, clue.conclusion)
        results = self._file(self.person).entry_ids.filtered(lambda e: not e.open_matter).mapped("result")
        self.assertIn(f"Serious party warning {decision.decision_number}", results)
        self.assertIn(f"Case {case.name}: Colleague Wang: Serious party warning", results, "the clue's outcome")
