# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from odoo.addons.liangze_base.tests.common import bureau_user
from odoo.addons.liangze_supervision.tests.common import SupervisionCase

PDF = base64.b64encode(b"%PDF-1.4 self-criticism")


@tagged("post_install", "-at_install")
# The story is of 2026 (its dates are written out): told late in 2026, in the bureau's early
# morning (20:30 UTC, 04:30 in China), whatever the real clock says.
@freeze_time("2026-12-02 20:30:00")
class TestAccountability(SupervisionCase):
    """A January task of the office, signed off late by a member and still red:
    the discipline group traces it back to the signer and holds them to account."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Unit = cls.env["liangze.unit"]
        cls.personnel = Unit.create(
            {"name": "Personnel", "code": "C-PER", "parent_id": cls.city.id, "company_id": cls.company_a.id}
        )
        cls.organisation_officer = bureau_user(
            cls.env,
            login="lz_organisation",
            groups="liangze_base.group_liangze_user",
            company_id=cls.company_a.id,
            company_ids=[(6, 0, cls.company_a.ids)],
        )
        cls.personnel.head_id = cls.organisation_officer
        cls.company_a.liangze_organisation_unit_id = cls.personnel
        cls.colleague = bureau_user(
            cls.env,
            login="lz_colleague",
            groups="liangze_base.group_liangze_user",
            company_id=cls.company_a.id,
            company_ids=[(6, 0, cls.company_a.ids)],
        )
        cls.office.member_ids = [(4, cls.colleague.id)]
        cls.committee_head = bureau_user(
            cls.env,
            login="lz_committee_head",
            groups="liangze_base.group_liangze_leader",
            company_id=cls.company_a.id,
            company_ids=[(6, 0, cls.company_a.ids)],
        )
        cls.city.head_id = cls.committee_head
        item = cls._published_item(
            cls.office,
            name="January integrity risk check",
            frequency="months",
            months="1",
            deadline_rule="fixed_day",
            deadline_day=20,
            supervising_unit_id=cls.discipline.id,
        )
        cls.task = item.task_ids
        cls.env["liangze.task.evidence"].create(
            {"task_id": cls.task.id, "name": "Risk list", "file": PDF, "file_name": "risks.pdf"}
        )
        with freeze_time("2026-01-22"):
            cls.task.with_user(cls.member)._submit()
        with freeze_time("2026-01-26"):
            cls._run_daily_jobs()

    def _case_from_trace_back(self):
        action = self.env["liangze.traceback"].with_user(self.supervisor).action_open(self.task)
        wizard = self.env["liangze.traceback"].with_user(self.supervisor).browse(action["res_id"])
        wizard.grounds = "The risk check was signed off late and is still not accepted."
        case_id = wizard.action_propose_case()["res_id"]
        return wizard, self.env["liangze.accountability.case"].with_user(self.supervisor).browse(case_id)

    def _found(self, model, user):
        """What ``user`` finds of ``model``: nothing when the model itself is closed to them."""
        try:
            return self.env[model].with_user(user).search([])
        except AccessError:
            return self.env[model].browse()

    def _approved_case(self):
        _wizard, case = self._case_from_trace_back()
        case.action_submit()
        case.with_user(self.supervision_head).validate_tier()
        return case

    def test_red_task_to_closed_case_with_dual_investigation(self):
        self.assertEqual(self.task.warning_level, "red")
        with freeze_time("2026-01-26"):
            wizard, case = self._case_from_trace_back()
        chain = {line.role: line.user_id for line in wizard.line_ids}
        self.assertEqual(chain["signoff"], self.member, "the signer of the ledger")
        self.assertEqual(chain["unit_head"], self.head)
        self.assertEqual(wizard.line_ids.filtered("selected").user_id, self.member, "the signer is proposed")
        # Pre-filled: the source, the person (a cadre made from the login), the responsibility.
        self.assertEqual(
            (case.source_kind, case.source_model, case.source_id), ("red_task", "liangze.task", self.task.id)
        )
        decision = case.decision_ids
        self.assertEqual((decision.cadre_id.user_id, decision.unit_id), (self.member, self.office))
        self.assertEqual(decision.responsibility_kind, "direct")
        self.assertTrue(case.name.startswith("WZ2026-"))
        self.assertEqual(case.action_open_source()["res_id"], self.task.id)

        # Approval to start the inquiry: the head of the discipline group, nobody else.
        with freeze_time("2026-01-27"):
            case.action_submit()
        self.assertEqual(case.state, "to_approve")
        for user in (self.supervisor, self.leader, self.committee_head):
            with self.assertRaises(AccessError):
                case.with_user(user).validate_tier()
        case.with_user(self.supervision_head).validate_tier()
        self.assertEqual(case.review_ids.filtered(lambda r: r.status == "approved").done_by, self.supervision_head)
        self.assertEqual(case.state, "inquiry")

        # Decision: admonishment, numbered, its effect period and execution deadline set, notified.
        admonishment = self.env.ref("liangze_accountability.liangze_accountability_measure_admonishment")
        decision = decision.with_user(self.supervisor)
        decision.write({"measure_ids": [(6, 0, admonishment.ids)], "reason": "Signed off the ledger late."})
        with freeze_time("2026-02-02"):
            decision.action_issue()
        self.assertEqual(decision.state, "issued")
        self.assertRegex(decision.document_number, r"〔2026〕1号$")
        self.assertEqual(decision.decision_date, date(2026, 2, 2))
        self.assertEqual((decision.effect_months, decision.effect_until), (6, date(2026, 8, 2)))
        self.assertEqual(decision.execution_deadline, date(2026, 3, 2), "one month, on a workday")
        notice = decision.message_ids.filtered(lambda m: decision.document_number in (m.subject or ""))
        self.assertEqual(len(notice), 1)
        self.assertEqual(
            set(notice.partner_ids.ids),
            set((self.member | self.head | self.organisation_officer).partner_id.ids),
            "the person, the unit and the organisation department",
        )
        self.assertTrue(notice.attachment_ids, "the decision's print goes with it")
        # Every target decided: the dual investigation of the leadership opens.
        self.assertEqual(case.state, "decided")
        self.assertEqual(case.days_to_decision, 7)
        review = case.dual_review_ids
        self.assertEqual(
            (review.unit_id, review.committee_unit_id, review.discipline_unit_id),
            (self.office, self.city, self.discipline),
        )

        # The execution reminder goes out once, when the deadline comes near.
        Decision = self.env["liangze.accountability.decision"]
        with freeze_time("2026-02-20"):
            Decision._cron_refresh_warnings()
        self.assertEqual(decision.warning_level, "normal")
        with freeze_time("2026-02-24"):
            sent = Decision._cron_refresh_warnings()
            self.assertEqual(sent["yellow"], decision)
            Decision._cron_refresh_warnings()
        reminders = decision.message_ids.filtered(lambda m: (m.subject or "").startswith("To carry out by"))
        self.assertEqual(len(reminders), 1, "once per threshold, however often the job runs")
        self.assertIn(self.member.partner_id, reminders.partner_ids)

        # Carried out with the written self-criticism of the person; then closed after the dual investigation.
        with self.assertRaises(UserError):
            decision.action_confirm_execution()
        decision.with_user(self.member).write({"self_criticism": PDF, "self_criticism_name": "检讨.pdf"})
        with freeze_time("2026-02-25"):
            decision.action_confirm_execution()
        self.assertEqual((decision.state, decision.warning_level), ("done", "done_on_time"))
        with self.assertRaises(UserError):
            case.action_close()
        review = review.with_user(self.supervisor)
        review.write({"principal_conclusion": "not_accountable", "principal_reason": "The committee deployed it."})
        with self.assertRaises(UserError):
            review.action_conclude()
        review.write({"supervisory_conclusion": "accountable", "supervisory_reason": "The group did not remind."})
        review.action_conclude()
        self.assertEqual(review.state, "concluded")
        follow_up = review.follow_up_case_ids
        self.assertEqual(
            (follow_up.unit_id, follow_up.target_type, follow_up.state), (self.discipline, "organisation", "draft")
        )
        case.action_close()
        self.assertEqual(case.state, "closed")

    def test_refused_and_unchanged(self):
        case = self._approved_case()
        decision = case.decision_ids.with_user(self.supervisor)
        decision.write({"reason": "Late sign-off"})
        # An issued decision without a measure; no accountability without reasons.
        self.assertUnchanged(decision, ["state", "document_number"], decision.action_issue)
        decision.write({"no_accountability": True, "reason": " "})
        self.assertUnchanged(decision, ["state", "document_number"], decision.action_issue)
        admonishment = self.env.ref("liangze_accountability.liangze_accountability_measure_admonishment")
        decision.write({"no_accountability": False, "reason": "Late", "measure_ids": [(6, 0, admonishment.ids)]})
        # An execution deadline before the decision date.
        with freeze_time("2026-02-02"):
            decision.write({"execution_deadline": "2026-01-30"})
            self.assertUnchanged(decision, ["state", "document_number"], decision.action_issue)
            decision.write({"execution_deadline": False})
            decision.action_issue()
        with self.assertRaises(ValidationError):
            decision._guard_sudo().write({"execution_deadline": "2026-01-01"})
        # Nothing held to account is deleted: not the cadre, nor a unit with cadres.
        with self.assertRaises(UserError):
            decision.cadre_id.sudo().unlink()
        annex = self.env["liangze.unit"].create(
            {"name": "Annex", "code": "C-ANX", "parent_id": self.city.id, "company_id": self.company_a.id}
        )
        self.env["liangze.cadre"].create({"name": "Annex clerk", "unit_id": annex.id})
        with self.assertRaises(UserError):
            annex.unlink()
        # Issued: its measures, person and reasons stay as they were.
        self.assertUnchanged(decision, ["measure_ids"], lambda: decision.write({"measure_ids": [(5,)]}))
        # Twice for the same source and measure: refused.
        _wizard, second = self._case_from_trace_back()
        second.action_submit()
        second.with_user(self.supervision_head).validate_tier()
        again = second.decision_ids.with_user(self.supervisor)
        self.assertEqual(again.cadre_id, decision.cadre_id)
        again.write({"measure_ids": [(6, 0, admonishment.ids)], "reason": "Same task"})
        with self.assertRefused(UserError, "already held to account"):
            again.action_issue()
        circulated = self.env.ref("liangze_accountability.liangze_accountability_measure_circulated")
        again.write({"measure_ids": [(6, 0, circulated.ids)]})
        again.action_issue()
        self.assertEqual(again.state, "issued", "another measure for the same source is a decision of its own")

    def test_appeal_within_its_period_decided_by_the_head(self):
        case = self._approved_case()
        decision = case.decision_ids.with_user(self.supervisor)
        sanction = self.env.ref("liangze_accountability.liangze_accountability_measure_circulated")
        decision.write({"measure_ids": [(6, 0, sanction.ids)], "reason": "Late", "responsibility_kind": "direct"})
        with freeze_time("2026-02-02"):
            decision.action_issue()
        Appeal = self.env["liangze.accountability.appeal"]
        for user in (self.colleague, self.head):
            with self.assertRaises(AccessError):
                Appeal.with_user(user).create({"decision_id": decision.id, "reason": "Not mine"})
        with freeze_time("2026-03-03"), self.assertRefused(UserError, "appeal period"):
            Appeal.with_user(self.member).create({"decision_id": decision.id, "reason": "Too late"})
        with freeze_time("2026-02-10"):
            appeal = Appeal.with_user(self.member).create(
                {"decision_id": decision.id, "reason": "The reviewer had the ledger since 22 January."}
            )
        self.assertEqual(appeal.deadline, date(2026, 3, 10))
        self.assertEqual(appeal.filed_by_id, self.member)
        with self.assertRaises(AccessError):
            appeal.with_user(self.supervisor).action_revoke("Agreed")
        wizard = (
            self.env["liangze.appeal.decision"]
            .with_user(self.supervision_head)
            .create({"appeal_ref": f"{appeal._name},{appeal.id}", "reason": "The delay was the review's."})
        )
        wizard.action_revoke()
        self.assertEqual((appeal.state, decision.state, decision.effect_until), ("revoked", "revoked", False))

    def test_decision_costs_the_unit_points_until_revoked(self):
        assessor = bureau_user(
            self.env,
            login="lz_assessor",
            groups="liangze_accountability.group_liangze_assessor",
            company_id=self.company_a.id,
            company_ids=[(6, 0, self.company_a.ids)],
        )
        scheme = (
            self.env["liangze.assessment.scheme"]
            .with_user(assessor)
            .create(
                {
                    "name": "2026 assessment",
                    "year": 2026,
                    "company_id": self.company_a.id,
                    "group_ids": [
                        (0, 0, {"name": "Departments", "unit_ids": [(6, 0, (self.office | self.personnel).ids)]})
                    ],
                    "rule_ids": [(0, 0, {"kind": "accountability", "points": 3})],
                }
            )
        )
        case = self._approved_case()
        decision = case.decision_ids.with_user(self.supervisor)
        admonishment = self.env.ref("liangze_accountability.liangze_accountability_measure_admonishment")
        decision.write({"measure_ids": [(6, 0, admonishment.ids)], "reason": "Late"})
        with freeze_time("2026-02-02"):
            decision.action_issue()
            scheme.with_user(assessor).action_publish()
        deduction = self.env["liangze.assessment.deduction"].search([("scheme_id", "=", scheme.id)])
        self.assertEqual((deduction.unit_id, deduction.points), (self.office, 3.0))
        self.assertEqual((deduction.source_model, deduction.source_id), (decision._name, decision.id))
        with freeze_time("2026-02-05"):
            appeal = (
                self.env["liangze.accountability.appeal"]
                .with_user(self.member)
                .create({"decision_id": decision.id, "reason": "Not my delay"})
            )
        appeal.with_user(self.supervision_head).action_revoke("The delay was the review's.")
        self.assertEqual(deduction.state, "withdrawn")
        office = self.env["liangze.assessment.score"].search(
            [("scheme_id", "=", scheme.id), ("unit_id", "=", self.office.id)]
        )
        self.assertEqual(office.score, 100.0)

    def test_committee_head_approves_a_case_against_an_organisation_it_leads(self):
        case = (
            self.env["liangze.accountability.case"]
            .with_user(self.supervisor)
            .create(
                {
                    "title": "Office: risk check done as a formality",
                    "unit_id": self.office.id,
                    "target_type": "organisation",
                    "grounds": "The risk check copied last year's list.",
                    "decision_ids": [(0, 0, {"unit_id": self.office.id})],
                }
            )
        )
        self.assertEqual(case.body_unit_id, self.discipline)
        self.assertTrue(case.committee_approval, "the office is led directly by the city committee")
        case.action_submit()
        self.assertEqual(case.approver_ids, self.committee_head)
        with self.assertRaises(AccessError):
            case.with_user(self.supervision_head).validate_tier()
        self.assertEqual(self.env["liangze.accountability.case"].with_user(self.committee_head).search([]), case)
        self.assertFalse(self.env["liangze.accountability.case"].with_user(self.leader).search([]))
        case.with_user(self.committee_head).validate_tier()
        self.assertEqual(case.state, "inquiry")
        # The head of the office reads the decision on the office, once issued.
        decision = case.decision_ids.with_user(self.supervisor)
        decision.write(
            {
                "measure_ids": [
                    (6, 0, self.env.ref("liangze_accountability.liangze_accountability_measure_org_circulated").ids)
                ],
                "reason": "Formalism",
            }
        )
        Decision = self.env["liangze.accountability.decision"]
        self.assertFalse(Decision.with_user(self.head).search([]))
        decision.action_issue()
        self.assertEqual(Decision.with_user(self.head).search([]), decision)

    def test_who_sees_what(self):
        case = self._approved_case()
        decision = case.decision_ids.with_user(self.supervisor)
        admonishment = self.env.ref("liangze_accountability.liangze_accountability_measure_admonishment")
        decision.write({"measure_ids": [(6, 0, admonishment.ids)], "reason": "Late", "responsibility_kind": "direct"})
        case.write({"findings": "<p>Signed off on 22 January</p>"})
        evidence = (
            self.env["ir.attachment"]
            .with_user(self.supervisor)
            .create({"name": "inquiry.pdf", "datas": PDF, "res_model": case._name, "res_id": case.id})
        )
        case.message_post(body="Internal note on the inquiry")
        Case, Decision = self.env["liangze.accountability.case"], self.env["liangze.accountability.decision"]
        # Before the decision is issued, the person sees nothing at all.
        self.assertFalse(Decision.with_user(self.member).search([]))
        decision.action_issue()
        self.assertEqual(Decision.with_user(self.member).search([]), decision, "the decision addressed to them")
        self.assertEqual(decision.with_user(self.member).measure_ids, admonishment)
        nobody = (
            self.member,
            self.head,
            self.colleague,
            self.leader,
            self.admin,
            self.outsider,
            self.organisation_officer,
        )
        for user in nobody:
            with self.subTest(user=user.login):
                self.assertFalse(self._found(Case._name, user), "cases: search")
                with self.assertRaises(AccessError):
                    case.with_user(user).read(["title", "grounds"])
                with self.assertRaises(AccessError):
                    case.with_user(user).message_post(body="Let me in")
                with self.assertRaises(AccessError):
                    evidence.with_user(user).read(["datas"])
                self.assertFalse(
                    self.env["mail.message"]
                    .with_user(user)
                    .search([("model", "=", case._name), ("res_id", "=", case.id)]),
                    "cases: chatter",
                )
                self.assertFalse(self._found("liangze.dual.review", user), "dual investigations")
                with self.assertRaises(AccessError):
                    self.env["liangze.accountability.report"].with_user(user).search([])
                with self.assertRaises(UserError):  # AccessError, or no right to export
                    case.with_user(user).export_data(["title"])
        for user in (self.head, self.colleague, self.leader, self.admin, self.outsider, self.organisation_officer):
            with self.subTest(user=user.login):
                self.assertFalse(self._found(Decision._name, user), "someone else's decision")
                with self.assertRaises(AccessError):
                    decision.with_user(user).read(["measure_ids"])
                report = self.env.ref("liangze_accountability.action_report_liangze_accountability_decision")
                with self.assertRaises(AccessError):
                    report.with_user(user)._render_qweb_html(report.report_name, decision.ids)
        self.assertNotIn(self.member.partner_id, case.message_partner_ids, "the person does not follow the case")
        # The person uploads the self-criticism, and touches nothing else.
        with self.assertRaises(AccessError):
            decision.with_user(self.member).write({"measure_ids": [(5,)]})
        with self.assertRaises(AccessError):
            decision.with_user(self.member).action_confirm_execution()
        with self.assertRaises(AccessError):
            self.env["liangze.traceback"].with_user(self.head).action_open(self.task)
        # The discipline group sees its statistics.
        stats = self.env["liangze.accountability.report"].with_user(self.supervisor)
        figures = stats._read_group([], ["year"], ["case_count:sum", "person_count:sum", "dual_review_count:sum"])
        self.assertEqual(figures, [(2026, 1, 1, 1)], "one case, one person, its dual investigation")

    def test_summons_talk_needs_no_decision_number(self):
        secretary = (
            self.env["liangze.cadre"]
            .with_user(self.supervisor)
            .create(
                {
                    "name": "Office secretary",
                    "unit_id": self.office.id,
                    "leader_role": "principal_leader",
                    "user_id": self.head.id,
                }
            )
        )
        talk = (
            self.env["liangze.summons.talk"]
            .with_user(self.supervisor)
            .create(
                {
                    "name": "Risk check done as a formality",
                    "unit_id": self.office.id,
                    "cadre_ids": [(6, 0, secretary.ids)],
                    "reason": "The list copies last year's.",
                }
            )
        )
        self.assertEqual(talk.body_unit_id, self.discipline)
        with self.assertRaises(UserError):
            talk.action_held()
        talk.write(
            {
                "talk_date": "2026-03-02 02:00:00",
                "talker_ids": [(6, 0, self.supervision_head.ids)],
                "minutes": "<p>Admitted; will redo it.</p>",
            }
        )
        talk.action_held()
        with self.assertRaises(UserError):
            talk.action_close()
        talk.write({"follow_up": "Redone and checked on 20 March."})
        talk.action_close()
        self.assertEqual(talk.state, "closed")
        with self.assertRaises(AccessError):
            self.env["liangze.summons.talk"].with_user(self.member).search([])
        with self.assertRaises(AccessError):
            talk.with_user(self.member).read(["minutes"])
        self.assertEqual(self.env["liangze.summons.talk"].with_user(self.leader).search([]), talk, "leaders in scope")
