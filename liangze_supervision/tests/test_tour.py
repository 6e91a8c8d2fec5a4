# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64

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
            item = publish_item(self.env, office, name, office.company_id)
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
