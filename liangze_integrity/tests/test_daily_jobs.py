# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The integrity addon's daily jobs: a file whose keeper cannot be found is set aside
while the others are reminded, once; at night in China."""

from datetime import date

from freezegun import freeze_time

from odoo.tests import tagged

from odoo.addons.liangze_base.tests.common import BUREAU_INSTANTS
from odoo.addons.liangze_responsibility.tests.test_daily_jobs import (
    assert_crons_at_night,
    failing_for,
    open_failures,
    set_aside,
)

from .common import IntegrityCase

SUMMARY = "Update the integrity file"


@tagged("post_install", "-at_install")
class TestDailyJobs(IntegrityCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        File = cls.env["liangze.integrity.file"]
        cls.kept = File.search([("cadre_id", "=", cls.colleague.id)])
        cls.kept.keeper_id = cls.supervisor
        cls.bad = File.search([("cadre_id", "=", cls.sister.id)])
        # Last updated on 17 March 2025: a year before the bureau's 18 March 2026, not before the 17th.
        (cls.kept | cls.bad)._guard_sudo().write({"updated_on": date(2025, 3, 17)})

    def _reminders(self, file):
        return file.activity_ids.filtered(lambda a: (a.summary or "").startswith(SUMMARY))

    def test_a_file_that_fails_waits_the_others_are_reminded_once(self):
        File = self.env["liangze.integrity.file"]
        with (
            freeze_time(BUREAU_INSTANTS["20:30 UTC"]),
            failing_for(type(File), "_body_head", self.bad),
            set_aside(self, self.bad),
        ):
            reminded = File._cron_remind_stale()
        self.assertEqual(reminded, self.kept, "stale on the bureau's 18 March")
        self.assertEqual(self._reminders(self.kept).user_id, self.supervisor)
        self.assertFalse(self._reminders(self.bad))
        self.assertFalse(self.bad.stale_reminded_on)
        self.assertEqual(len(open_failures(self.env, self.bad)), 1)
        # Repaired: the next run reminds the head of the body, once; the keeper is not reminded again.
        for instant in ("2026-03-18 17:10", "2026-03-19 17:10"):
            with freeze_time(instant):
                File._cron_remind_stale()
        self.assertEqual(self._reminders(self.bad).user_id, self.supervision_head)
        self.assertEqual((len(self._reminders(self.kept)), len(self._reminders(self.bad))), (1, 1))
        self.assertEqual(self.bad.stale_reminded_on, date(2026, 3, 19))
        self.assertFalse(open_failures(self.env, self.bad))

    def test_the_integrity_jobs_run_at_night_in_china(self):
        assert_crons_at_night(self, ["liangze_integrity"])
