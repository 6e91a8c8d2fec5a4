# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
from datetime import date

from freezegun import freeze_time

from odoo.tests import tagged

from .common import LiangzeCase

PDF = base64.b64encode(b"%PDF-1.4 report")


@tagged("post_install", "-at_install")
# The clock frozen in 1 September 2026, before the third quarter's warnings.
@freeze_time("2026-09-01 02:00:00")
class TestWarnings(LiangzeCase):
    """Deadlines on the statutory working calendar (National Day 2026:
    1-7 October off, Saturday 10 October worked) and the warnings they drive."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.calendar = cls.company_a.resource_calendar_id
        cls.calendar._liangze_load_chinese_year(2026)
        cls.lead = cls.leader
        cls.item = cls._published_item(
            cls.office,
            name="Quarterly risk review",
            frequency="quarterly",
            deadline_rule="after_end",
            deadline_days=5,
            yellow_lead_days=3,
            lead_leader_id=cls.lead.id,
            supervising_unit_id=cls.discipline.id,
        )
        cls.task = cls.item.task_ids.filtered(lambda t: t.period_start == date(2026, 7, 1))
        cls.task.responsible_user_id = cls.member

    def refresh(self, day):
        with freeze_time(day):
            self.env["liangze.task"]._cron_refresh_warnings()
        return self.task.warning_level

    def test_loading_holidays_is_idempotent(self):
        leaves = self.env["resource.calendar.leaves"].search_count([("calendar_id", "=", self.calendar.id)])
        self.calendar._liangze_load_chinese_year(2026)
        self.assertEqual(
            self.env["resource.calendar.leaves"].search_count([("calendar_id", "=", self.calendar.id)]), leaves
        )
        self.assertIn(date(2026, 10, 10), self.calendar.liangze_adjusted_workday_ids.mapped("date"))

    def test_deadline_moves_to_next_workday(self):
        self.assertEqual(self.task.deadline_original, date(2026, 10, 5))
        self.assertEqual(self.task.deadline, date(2026, 10, 8))
        # Three workdays before 8 October, skipping the holiday week: 28 September.
        self.assertEqual(self.task.yellow_date, date(2026, 9, 28))
        monthly = self.item.copy(
            {
                "name": "October check",
                "frequency": "months",
                "months": "10",
                "deadline_rule": "fixed_day",
                "deadline_day": 10,
            }
        )
        monthly._sync_tasks()
        self.assertEqual(monthly.task_ids.deadline, date(2026, 10, 10), "an adjusted Saturday is a workday")
        monthly.deadline_day = 11
        self.assertEqual(monthly.task_ids.deadline, date(2026, 10, 12), "Sunday 11 October moves to Monday")

    def test_normal_yellow_red_across_national_day(self):
        self.assertEqual(self.refresh("2026-09-25"), "normal")
        self.assertEqual(self.refresh("2026-09-28"), "yellow")
        self.assertEqual(self.refresh("2026-10-08"), "yellow")
        self.assertEqual(self.refresh("2026-10-09"), "red")

    def test_submission_clears_and_late_acceptance(self):
        self.assertEqual(self.refresh("2026-09-29"), "yellow")
        with freeze_time("2026-09-29"):
            self.env["liangze.task.evidence"].with_user(self.member).create(
                {"task_id": self.task.id, "name": "Review", "file": PDF}
            )
            self.task.with_user(self.member)._submit()
            # Recomputed at once on the state change (read while the day is frozen).
            self.assertEqual(self.task.warning_level, "normal")
        self.assertEqual(self.refresh("2026-10-08"), "normal")
        # Past the deadline and not accepted: red, however it was submitted.
        self.assertEqual(self.refresh("2026-10-09"), "red")
        with freeze_time("2026-10-09"):
            self.task.with_user(self.supervisor).action_accept()
            self.assertEqual(self.task.warning_level, "done_late")
        self.assertEqual(self.refresh("2026-10-12"), "done_late")

    def test_acceptance_on_time(self):
        with freeze_time("2026-10-08"):
            self.env["liangze.task.evidence"].with_user(self.member).create(
                {"task_id": self.task.id, "name": "Review", "file": PDF}
            )
            self.task.with_user(self.member)._submit()
            self.task.with_user(self.supervisor).action_accept()
            self.assertEqual(self.task.warning_level, "done_on_time")

    def _messages(self, template_xmlid):
        subject = self.env.ref(template_xmlid).subject.split(":")[0]
        return self.task.message_ids.filtered(lambda m: m.subject and m.subject.startswith(subject))

    def test_reminders_once_per_threshold_with_catch_up(self):
        # The cron missed 28 September; on the 29th it catches up, and three runs send one reminder.
        for _run in range(3):
            self.refresh("2026-09-29")
        activities = self.task.activity_ids.filtered(lambda a: a.user_id == self.member)
        self.assertEqual(len(activities), 1)
        yellow = self._messages("liangze_responsibility.mail_template_liangze_task_yellow")
        self.assertEqual(len(yellow), 1)
        self.assertEqual(yellow.partner_ids, self.head.partner_id)

        for _run in range(3):
            self.refresh("2026-10-10")
        red = self._messages("liangze_responsibility.mail_template_liangze_task_red")
        self.assertEqual(len(red), 1)
        self.assertEqual(red.partner_ids, (self.head | self.lead | self.supervisor).partner_id)
        self.assertEqual(len(self.task.activity_ids), 1)

    def test_unit_head_sees_reminder_responsible_user_sees_activity(self):
        self.refresh("2026-09-29")
        self.assertTrue(self.env["mail.activity"].with_user(self.member).search([("res_id", "=", self.task.id)]))
        notified = self.env["mail.notification"].search([("res_partner_id", "=", self.head.partner_id.id)])
        self.assertIn(self.task.id, notified.mail_message_id.mapped("res_id"))

    def test_weekly_digest_to_unit_heads(self):
        self.refresh("2026-10-09")
        other_head_tasks = self._published_item(self.county_office, name="County item").task_ids
        self.assertTrue(other_head_tasks)
        mails_before = self.env["mail.mail"].search([])
        with freeze_time("2026-10-12"):
            self.env["liangze.task"]._cron_weekly_digest()
        digest = self.env["mail.mail"].search([]) - mails_before
        head_mail = digest.filtered(
            lambda m: self.head.partner_id in m.recipient_ids or self.head.email in (m.email_to or "")
        )
        self.assertEqual(len(head_mail), 1)
        self.assertIn(self.task.name, head_mail.body_html)
        self.assertNotIn("County item", head_mail.body_html, "only the units the head manages")
