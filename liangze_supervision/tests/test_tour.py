# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
from datetime import timedelta

from odoo.tests import HttpCase, tagged

from odoo.addons.liangze_responsibility.tests.common import publish_item


@tagged("post_install", "-at_install")
class TestReviewTour(HttpCase):
    """The demo supervisor (赵敏) works through the review queue in the browser."""

    def test_supervisor_returns_one_task_and_accepts_another(self):
        supervisor = self.env.ref("liangze_responsibility.res_users_demo_zhaomin", raise_if_not_found=False)
        if not supervisor:
            self.skipTest("demo data not loaded")
        office = self.env.ref("liangze_responsibility.liangze_unit_demo_county_office")
        tasks = self.env["liangze.task"]
        for name in ("Tour review A", "Tour review B"):
            item = publish_item(self.env, office, name, office.company_id, year=office._bureau_today().year)
            self.env["liangze.task.evidence"].create(
                {"task_id": item.task_ids.id, "name": "Minutes", "file": base64.b64encode(b"%PDF-1.4")}
            )
            item.task_ids._submit()
            tasks |= item.task_ids

        self.start_tour(
            "/odoo/action-liangze_supervision.liangze_task_action_review_queue", "liangze_review_tour", login="zhaomin"
        )

        first, second = tasks
        self.assertEqual(first.state, "returned")
        self.assertEqual(first.return_reason, "请补充会议签到表")
        self.assertEqual(second.state, "accepted")
        self.assertEqual(
            (first | second).review_ids.mapped("reviewer_id"), supervisor, "both decisions recorded as 赵敏's"
        )


@tagged("post_install", "-at_install")
class TestReportApprovalTour(HttpCase):
    """A report of the demo supervisor approved in the browser by 陈刚 (supervision
    head) then 张伟 (leader), and published by 赵敏."""

    def test_report_approved_in_tiers_then_published(self):
        supervisor = self.env.ref("liangze_responsibility.res_users_demo_zhaomin", raise_if_not_found=False)
        if not supervisor:
            self.skipTest("demo data not loaded")
        office = self.env.ref("liangze_responsibility.liangze_unit_demo_county_office")
        report = (
            self.env["liangze.supervision.report"]
            .with_user(supervisor)
            .create(
                {
                    "name": "办公室演练审批报告",
                    "unit_id": office.id,
                    "issuer_unit_id": self.env.ref("liangze_responsibility.liangze_unit_demo_county_discipline").id,
                    "company_id": office.company_id.id,
                    "implementation": "<p>按期完成。</p>",
                    "opinion": "<p>继续保持。</p>",
                    "evaluation": "good",
                }
            )
        )
        report.action_submit()
        action = "/odoo/action-liangze_supervision.liangze_supervision_report_action"
        self.start_tour(action, "liangze_report_approve_tour", login="chengang")
        self.assertEqual((report.state, report.validation_status), ("submitted", "pending"))
        self.start_tour(action, "liangze_report_approve_tour", login="zhangwei")
        self.assertEqual(report.state, "approved")
        self.start_tour(action, "liangze_report_publish_tour", login="zhaomin")
        self.assertEqual(report.state, "published")
        self.assertRegex(report.document_number, r"〔\d{4}〕\d+号$")


@tagged("post_install", "-at_install")
class TestUnitTours(HttpCase):
    """The demo unit head (王芳, 办公室) acknowledges a reminder letter and reads a published report."""

    def setUp(self):
        super().setUp()
        self.head = self.env.ref("liangze_responsibility.res_users_demo_wangfang", raise_if_not_found=False)
        if not self.head:
            self.skipTest("demo data not loaded")
        self.supervisor = self.env.ref("liangze_responsibility.res_users_demo_zhaomin")
        self.office = self.env.ref("liangze_responsibility.liangze_unit_demo_county_office")
        self.discipline = self.env.ref("liangze_responsibility.liangze_unit_demo_county_discipline")

    def test_head_acknowledges_a_reminder_letter(self):
        Letter = self.env["liangze.reminder.letter"]
        # Only the tour's letter waits for a receipt.
        Letter.search([("state", "=", "issued")]).sudo().write({"state": "acknowledged"})
        today = self.office._bureau_today()
        item = publish_item(self.env, self.office, "Tour overdue", self.office.company_id, year=today.year)
        letter = Letter.create(
            {
                "unit_id": self.office.id,
                "issuer_unit_id": self.discipline.id,
                "company_id": self.office.company_id.id,
                # The demo drafted today's letters already: one per unit and day.
                "letter_date": today - timedelta(days=1),
                "task_ids": [(6, 0, item.task_ids.ids)],
            }
        )
        letter.with_user(self.supervisor).action_issue()

        self.start_tour(
            "/odoo/action-liangze_supervision.liangze_reminder_letter_action", "liangze_receipt_tour", login="wangfang"
        )
        self.assertEqual(letter.state, "acknowledged")
        self.assertEqual(letter.receipt_user_id, self.head)
        self.assertEqual(letter.receipt_note, "已组织补报逾期台账")

    def test_head_reads_the_published_report(self):
        self.env["liangze.supervision.report"].create(
            {
                "name": "办公室演练监督报告",
                "unit_id": self.office.id,
                "issuer_unit_id": self.discipline.id,
                "company_id": self.office.company_id.id,
                "opinion": "<p>请规范会议记录。</p>",
                "evaluation": "good",
                "state": "published",
            }
        )
        self.start_tour(
            "/odoo/action-liangze_supervision.liangze_supervision_report_action",
            "liangze_unit_reads_report_tour",
            login="wangfang",
        )


@tagged("post_install", "-at_install")
class TestRectificationOpensTour(HttpCase):
    """整改 opened in the browser by 李明, 王芳 (the office), 张伟 and 孙丽 (the county's
    leaders): the menu crashed for them when reading a problem's number wrote the
    letter's other problems."""

    def test_rectification_opens_for_the_unit_and_its_leaders(self):
        if not self.env.ref("liangze_responsibility.res_users_demo_liming", raise_if_not_found=False):
            self.skipTest("demo data not loaded")
        for login in ("liming", "wangfang", "zhangwei", "sunli"):
            with self.subTest(login=login):
                self.start_tour(
                    "/odoo/action-liangze_supervision.liangze_rectification_problem_action",
                    "liangze_rectification_opens_tour",
                    login=login,
                )
