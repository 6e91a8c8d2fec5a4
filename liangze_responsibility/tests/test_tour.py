# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, tagged

from .common import publish_item


@tagged("post_install", "-at_install")
class TestTaskTour(HttpCase):
    """The demo 责任人 (李明) submits a task in the browser."""

    def test_responsibility_user_submits_a_task(self):
        user = self.env.ref("liangze_responsibility.res_users_demo_liming", raise_if_not_found=False)
        if not user:
            self.skipTest("demo data not loaded")
        office = self.env.ref("liangze_responsibility.liangze_unit_demo_county_office")
        # The list of the bureau's year, as the demo's: the tour runs against the real clock.
        item = publish_item(
            self.env,
            office,
            "Tour meeting",
            office.company_id,
            year=office._bureau_today().year,
            category_id=self.env.ref("liangze_responsibility.liangze_category_organisational_leadership").id,
        )
        task = item.task_ids
        task.responsible_user_id = user

        self.start_tour(
            "/odoo/action-liangze_responsibility.liangze_task_action_my", "liangze_task_submit_tour", login="liming"
        )

        self.assertEqual(task.state, "submitted")
        self.assertEqual(task.signoff_user_id, user)
        self.assertIn("专题会议", task.plan)
        self.assertEqual(task.progress_ids.description, "已召开党风廉政建设专题会议")
        self.assertEqual(task.evidence_ids.file_name, "minutes.pdf")
