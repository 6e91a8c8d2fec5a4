# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, timedelta

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools.safe_eval import safe_eval

from odoo.addons.liangze_base.models.liangze_record_guard import RecordGuardError

from .common import SupervisionCase


@tagged("post_install", "-at_install")
# The clock frozen in March 2026.
@freeze_time("2026-03-02 02:00:00")
class TestRectification(SupervisionCase):
    """Recommendation letters and external findings: plan, feedback with
    evidence, verification per problem, closure."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._load_chinese()

    def test_letter_closes_only_when_all_three_problems_are_verified(self):
        letter = self._letter(3)
        self.assertEqual([p.number for p in letter.problem_ids], [1, 2, 3])
        letter.action_issue()
        self.assertEqual(letter.state, "issued")
        self.assertTrue(letter.document_number.startswith("C-JJZ〔"))
        sent = letter.message_ids.filtered(lambda m: self.head.partner_id in m.partner_ids)
        self.assertTrue(sent.attachment_ids, "the letter is sent to the unit with its print attached")
        self._plan_and_feedback(letter)
        self.assertEqual(letter.state, "rectifying")
        first, second, third = letter.problem_ids
        (first | second).with_user(self.supervisor).action_verify()
        self.assertEqual(letter.state, "rectifying", "one problem is still not verified")
        self.env["liangze.problem.verification.failure"].with_user(self.supervisor).create(
            {"problem_ids": [(6, 0, third.ids)], "reason": "The vehicle log is still missing"}
        ).action_confirm()
        self.assertEqual((third.state, third.failed_count), ("open", 1))
        self.assertEqual(third.failure_reason, "The vehicle log is still missing")
        self.assertEqual(letter.state, "rectifying")
        self.assertIn("The vehicle log is still missing", " ".join(third.message_ids.mapped("body")))
        # The unit answers again; the last verification closes the letter.
        third.with_user(self.member).write({"feedback": "<p>Log added</p>"})
        third.with_user(self.member).action_submit_feedback()
        third.with_user(self.supervisor).action_verify()
        self.assertEqual(letter.state, "closed")
        self.assertEqual(letter.verified_count, 3)
        self.assertEqual(set(letter.problem_ids.mapped("warning_level")), {"done_on_time"})

    def test_unit_people_open_the_rectification_list(self):
        """整改 as the unit's member, head and the leader: each problem shows its place in
        its letter, read one by one as the list and the form do (the compute once wrote
        the letter's other problems, which the write guard refused: the menu crashed)."""
        letter = self._letter(3)
        letter.action_issue()
        action = self.env.ref("liangze_supervision.liangze_rectification_problem_action")
        for user in (self.member, self.head, self.leader):
            with self.subTest(user=user.login):
                self.env.invalidate_all()
                Problem = self.env["liangze.rectification.problem"].with_user(user)
                rows = Problem.web_search_read(
                    safe_eval(action.domain or "[]") + [("rectification_id", "=", letter.id)],
                    {"number": {}, "description": {}, "warning_level": {}},
                )
                self.assertEqual([row["number"] for row in rows["records"]], [1, 2, 3])
                self.env.invalidate_all()
                second = Problem.browse(letter.problem_ids.sorted("id")[1].id)
                self.assertEqual(second.number, 2, "one problem read alone keeps its place")

    def test_unit_sees_and_writes_only_its_part(self):
        letter = self._letter(1)
        Letter = self.env["liangze.rectification"]
        self.assertFalse(Letter.with_user(self.member).search([("id", "=", letter.id)]), "a draft stays inside")
        letter.action_issue()
        self.assertTrue(Letter.with_user(self.member).search([("id", "=", letter.id)]))
        self.assertTrue(Letter.with_user(self.leader).search([("id", "=", letter.id)]))
        self.assertFalse(Letter.with_user(self.outsider).search([("id", "=", letter.id)]))
        problem = letter.problem_ids.with_user(self.member)
        problem.measure = "Keep a vehicle log"
        with self.assertRefused(AccessError, "measure"):
            problem.write({"description": "Nothing wrong"})
        with self.assertRefused(AccessError, "own part"):
            letter.with_user(self.member).write({"name": "Renamed"})
        with self.assertRefused(AccessError, "supervisors"):
            problem.action_verify()
        with self.assertRaises(AccessError):
            letter.with_user(self.leader).write({"plan": "<p>Leader's plan</p>"})
        # Only the addressed unit submits its plan.
        with self.assertRefused(AccessError, "addressed unit"):
            letter.with_user(self.supervisor).action_submit_plan()

    def test_external_finding_follows_the_same_chain(self):
        finding = self._letter(1, source="audit", external_reference="审计〔2026〕12号", external_body="Audit Office")
        finding.action_issue()
        self.assertFalse(finding.document_number, "an external finding keeps its own reference")
        self._plan_and_feedback(finding)
        Problem = self.env["liangze.rectification.problem"].with_user(self.supervisor)
        action = self.env.ref("liangze_supervision.liangze_rectification_problem_action")
        listed = Problem.search(safe_eval(action.domain))
        self.assertIn(finding.problem_ids, listed)
        finding.problem_ids.with_user(self.supervisor).action_verify()
        self.assertEqual(finding.state, "closed")

    def test_bad_input_is_refused_in_chinese(self):
        zh = {"lang": "zh_CN"}
        empty = self._letter(0)
        with self.assertRefused(UserError, "至少.*问题"):
            empty.with_context(**zh).action_issue()
        self.assertEqual(empty.state, "draft")

        today = self.env["liangze.rectification"]._bureau_today()
        late = self._letter(1, due=today - timedelta(days=1))
        with self.assertRefused(UserError, "整改期限.*早于"):
            late.with_context(**zh).action_issue()
        self.assertEqual((late.state, late.document_number), ("draft", False))

        letter = self._letter(1)
        letter.action_issue()
        with self.assertRefused(ValidationError, "早于"):
            letter.problem_ids.with_context(**zh).write({"due_date": today - timedelta(days=3)})
        letter.with_user(self.member).plan = "<p>Plan</p>"
        letter.problem_ids.with_user(self.member).write({"measure": "Log", "owner_user_id": self.member.id})
        letter.with_user(self.member).action_submit_plan()
        with self.assertRefused(UserError, "尚未提交整改反馈"):
            letter.problem_ids.with_context(**zh).action_verify()
        self.assertEqual(letter.problem_ids.state, "open")
        with self.assertRefused(UserError, "佐证"):
            letter.problem_ids.with_user(self.member).with_context(**zh).action_submit_feedback()

    def test_overdue_problem_turns_red_and_reminds_once(self):
        with freeze_time("2026-03-02"):
            letter = self._letter(2, due=date(2026, 3, 20))
            letter.action_issue()
            self._plan_and_feedback(letter)
            letter.problem_ids[0].with_user(self.supervisor).action_verify()
        late = letter.problem_ids[1]
        with freeze_time("2026-03-17"):
            self._run_daily_jobs()
            self.assertEqual(late.warning_level, "yellow")
        for day in ("2026-03-23", "2026-03-24", "2026-03-25"):
            with freeze_time(day):
                self._run_daily_jobs()
        self.assertEqual(late.warning_level, "red")
        self.assertEqual(letter.warning_level, "red")
        overdue = self.env.ref("liangze_supervision.mail_template_liangze_problem_overdue")
        reminders = late.message_ids.filtered(lambda m: overdue.subject.split(":")[0] in (m.subject or ""))
        self.assertEqual(len(reminders), 1, "one red reminder, however often the job runs")
        self.assertIn(self.head.partner_id, reminders.partner_ids)
        self.assertIn(self.supervisor.partner_id, reminders.partner_ids)
        self.assertEqual(letter.problem_ids[0].warning_level, "done_on_time")
        # Verified late: counted against the on-time share.
        with freeze_time("2026-03-26"):
            late.with_user(self.supervisor).action_verify()
        self.assertEqual(late.warning_level, "done_late")
        self.assertEqual(letter.state, "closed")
        self.assertEqual(letter.problem_ids.mapped("on_time_percent"), [100.0, 0.0])

    def test_feedback_and_verification_from_the_letters_problem_list(self):
        """The unit fills in feedback and evidence on the letter's list, problem by
        problem, and submits each from there; the supervisor verifies from it too."""
        letter = self._letter(2)
        letter.action_issue()
        unit_letter = letter.with_user(self.member)
        unit_letter.plan = "<p>Plan</p>"
        unit_letter.write(
            {
                "problem_ids": [
                    (1, p.id, {"measure": "Fix", "owner_user_id": self.member.id}) for p in letter.problem_ids
                ]
            }
        )
        unit_letter.action_submit_plan()
        first, second = letter.problem_ids
        evidence = self._evidence(self.member, first)
        unit_letter.write(
            {
                "problem_ids": [
                    (1, first.id, {"feedback": "<p>Done</p>", "evidence_attachment_ids": [(6, 0, evidence.ids)]})
                ]
            }
        )
        unit_letter.problem_ids.filtered(lambda p: p == first).action_submit_feedback()
        self.assertEqual((first.state, second.state), ("feedback", "open"))
        letter.with_user(self.supervisor).problem_ids.filtered(lambda p: p == first).action_verify()
        self.assertEqual(first.state, "verified")
        # A verified problem's feedback is closed, from the list as from its form.
        with self.assertRefused(RecordGuardError, "Rectification Feedback of .* only while it is To Rectify"):
            unit_letter.write({"problem_ids": [(1, first.id, {"feedback": "<p>Changed</p>"})]})
