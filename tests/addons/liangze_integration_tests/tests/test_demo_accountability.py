# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tests.common import TransactionCase


@tagged("post_install", "-at_install", "liangze_demo")
class TestDemoAccountability(TransactionCase):
    """The demo bureau's assessment and accountability, as its users find them."""

    def setUp(self):
        super().setUp()
        self.scheme = self.env.ref(
            "liangze_accountability.liangze_assessment_scheme_demo_county", raise_if_not_found=False
        )
        if not self.scheme:
            self.skipTest("demo data not loaded")
        self.today = self.env["base"]._bureau_today()
        # The demo's year: the install day's, or the year before in the first 60 days of a year.
        self.demo_year = (self.today - timedelta(days=60)).year
        self.users = {
            login: self.env["res.users"].search([("login", "=", login)])
            for login in ("liming", "wangfang", "zhangwei", "zhaomin", "chengang", "zhoujing", "liuyang")
        }

    def test_this_years_scheme_scores_live(self):
        self.assertEqual((self.scheme.year, self.scheme.state), (self.demo_year, "published"))
        scores = self.scheme.score_ids
        self.assertEqual(len(scores), 8)
        self.assertTrue(any(score.score < self.scheme.base_score for score in scores), "deductions were drawn")
        deductions = self.env["liangze.assessment.deduction"].search([("scheme_id", "=", self.scheme.id)])
        kinds = set(deductions.rule_id.mapped("kind"))
        self.assertTrue({"late_task", "accountability"} <= kinds, kinds)
        self.assertTrue(deductions.filtered("indicator_id"), "a qualitative indicator was scored")
        self.assertTrue(self.env["liangze.assessment.appeal"].search([("scheme_id", "=", self.scheme.id)]))

    def test_a_closed_case_with_its_dual_investigation_and_a_talk(self):
        Case = self.env["liangze.accountability.case"]
        closed = Case.search([("state", "=", "closed")])
        self.assertEqual(len(closed), 1)
        self.assertEqual(closed.source_kind, "red_task")
        self.assertLess(closed.closed_on, self.today)
        self.assertEqual(closed.dual_review_ids.state, "concluded")
        decision = closed.decision_ids
        self.assertEqual(decision.state, "done")
        self.assertEqual(decision.cadre_id.user_id, self.users["liming"])
        self.assertEqual(decision.warning_level, "done_on_time")
        self.assertTrue(decision.self_criticism)
        self.assertEqual(decision.appeal_ids.state, "upheld")
        self.assertGreater(decision.effect_until, decision.decision_date)
        talk = self.env["liangze.summons.talk"].search([])
        self.assertEqual(talk.state, "closed")
        self.assertEqual(talk.cadre_ids.user_id, self.users["wangfang"])

    def test_who_finds_what(self):
        Case, Decision = self.env["liangze.accountability.case"], self.env["liangze.accountability.decision"]
        waiting = Case.search([("state", "=", "to_approve")])
        # It holds the office's head to account: the county committee head approves the inquiry.
        self.assertTrue(waiting.committee_approval)
        zhangwei = self.users["zhangwei"]
        self.assertEqual(Case.with_user(zhangwei).search([("reviewer_ids", "in", zhangwei.id)]), waiting)
        self.assertEqual(len(Case.with_user(self.users["zhaomin"]).search([])), len(Case.search([])))
        # 李明 reads the decision addressed to him, no case; 王芳 and the others read neither.
        liming = self.users["liming"]
        mine = Decision.with_user(liming).search([])
        self.assertEqual(mine.sudo().cadre_id.user_id, liming)
        # His decision opens in the web client as its form asks for it, without the case.
        form = mine.get_views([(False, "form")])["views"]["form"]["arch"]
        self.assertNotIn('name="case_id"', form)
        values = mine.web_read(
            {"cadre_id": {"fields": {"display_name": {}}}, "measure_ids": {"fields": {"display_name": {}}}}
        )
        self.assertEqual(values[0]["cadre_id"]["display_name"], "李明")
        with self.assertRaises(AccessError):
            mine.read(["case_id"])
        for login in ("liming", "wangfang", "zhoujing"):
            with self.subTest(user=login), self.assertRaises(AccessError):
                Case.with_user(self.users[login]).search([])
        self.assertEqual(Decision.with_user(zhangwei).search([]), waiting.decision_ids, "only what he approves")
        for login in ("wangfang", "liuyang", "zhoujing"):
            with self.subTest(user=login):
                self.assertFalse(Decision.with_user(self.users[login]).search([]))
