# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, timedelta

from freezegun import freeze_time

from odoo.tests import tagged

from odoo.addons.liangze_base.tests.common import BUREAU_INSTANTS
from odoo.addons.liangze_responsibility.tests.common import LiangzeCase, task_due, untranslated_terms


@tagged("post_install", "-at_install")
@freeze_time("2026-12-01 02:00:00")
class TestSmsReminder(LiangzeCase):
    """The list of 2026 and its reminders, the clock in December 2026 (10:00 in China)."""

    def test_yellow_reminder_by_sms_once(self):
        self.member.partner_id.phone = "+86 138 0000 0001"
        item = self._published_item(
            self.office,
            name="Yearly report",
            category_id=self.env.ref("liangze_responsibility.liangze_category_support").id,
            deadline_rule="fixed_day",
            deadline_day=31,
            yellow_lead_days=5,
        )
        task = item.task_ids
        task.responsible_user_id = self.member
        self.assertEqual(task.deadline, date(2026, 12, 31))
        for _run in range(3):
            with freeze_time("2026-12-28"):
                self.env["liangze.task"]._cron_refresh_warnings()
        sms = self.env["sms.sms"].search([("partner_id", "=", self.member.partner_id.id)])
        self.assertEqual(len(sms), 1)
        self.assertIn(task.name, sms.body)

    def test_every_term_has_a_chinese_translation(self):
        missing = untranslated_terms(self.env, "liangze_responsibility_sms")
        self.assertFalse(missing, "Terms missing from i18n/zh_CN.po:\n" + "\n".join(missing))


@tagged("post_install", "-at_install")
class TestSmsBureauDay(LiangzeCase):
    """The yellow SMS goes out on the bureau's day the task turns yellow, at each
    instant where that day parts from the UTC day or the workday: not the day before."""

    def test_yellow_sms_on_the_bureau_day(self):
        self.member.partner_id.phone = "+86 138 0000 0001"
        Task, Sms = self.env["liangze.task"], self.env["sms.sms"]
        for name, instant in BUREAU_INSTANTS.items():
            with self.subTest(name), freeze_time(instant):
                today = Task._bureau_today()
                values = {"responsible_user_id": self.member.id}
                turning = task_due(self.env, self.office, today + timedelta(days=5), yellow=today, **values)
                tomorrow = task_due(
                    self.env, self.office, today + timedelta(days=5), yellow=today + timedelta(days=1), **values
                )
                for _run in range(2):
                    Task._cron_refresh_warnings()
                self.assertEqual((turning.warning_level, tomorrow.warning_level), ("yellow", "normal"))
                self.assertEqual(Sms.search_count([("body", "ilike", turning.name)]), 1)
                self.assertFalse(Sms.search_count([("body", "ilike", tomorrow.name)]))
