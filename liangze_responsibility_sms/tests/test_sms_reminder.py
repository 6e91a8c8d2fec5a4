# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from freezegun import freeze_time

from odoo.tests import tagged

from odoo.addons.liangze_responsibility.tests.common import LiangzeCase, untranslated_terms


@tagged("post_install", "-at_install")
class TestSmsReminder(LiangzeCase):
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
