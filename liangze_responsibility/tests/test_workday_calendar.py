# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from freezegun import freeze_time

from odoo.tests import tagged

from .common import LiangzeCase


@tagged("post_install", "-at_install")
# The clock frozen in the calendar's year, 2026.
@freeze_time("2026-01-05 02:00:00")
class TestWorkdayCalendar(LiangzeCase):
    """Statutory workdays for any date and span: New Year 2026 (1-3 January off,
    Sunday 4 January worked) and National Day 2026 (1-7 October off, Sunday
    20 September and Saturday 10 October worked)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_a.resource_calendar_id._liangze_load_chinese_year(2026)

    def setUp(self):
        super().setUp()
        self.workdays = self.company_a._liangze_workdays()

    def test_new_year_2026(self):
        # 2025 was never loaded: its weekend is off all the same.
        self.assertFalse(self.workdays.is_workday(date(2025, 12, 28)), "Sunday 28 December 2025")
        self.assertTrue(self.workdays.is_workday(date(2025, 12, 29)))
        for day in (1, 2, 3):
            self.assertFalse(self.workdays.is_workday(date(2026, 1, day)))
        self.assertTrue(self.workdays.is_workday(date(2026, 1, 4)), "adjusted Sunday")
        self.assertEqual(self.workdays.next_workday(date(2026, 1, 1)), date(2026, 1, 4))
        self.assertEqual(self.workdays.add_workdays(date(2025, 12, 31), 1), date(2026, 1, 4))
        self.assertEqual(self.workdays.workdays_between(date(2025, 12, 26), date(2026, 1, 5)), 5)

    def test_january_deadline_with_a_yellow_lead_of_five_workdays(self):
        """Tuesday 6 January 2026: five workdays back are 5 and 4 January, then
        31, 30 and 29 December; Sunday 28 December does not count."""
        item = self._published_item(
            self.office,
            name="January check",
            frequency="months",
            months="1",
            deadline_rule="fixed_day",
            deadline_day=6,
            yellow_lead_days=5,
        )
        task = item.task_ids
        self.assertEqual(task.deadline, date(2026, 1, 6))
        self.assertEqual(task.yellow_date, date(2025, 12, 29))

    def test_national_day_2026(self):
        self.assertTrue(self.workdays.is_workday(date(2026, 9, 20)), "adjusted Sunday")
        for day in range(1, 8):
            self.assertFalse(self.workdays.is_workday(date(2026, 10, day)))
        self.assertTrue(self.workdays.is_workday(date(2026, 10, 10)), "adjusted Saturday")
        self.assertEqual(self.workdays.add_workdays(date(2026, 9, 30), 1), date(2026, 10, 8))
        self.assertEqual(self.workdays.subtract_workdays(date(2026, 10, 8), 3), date(2026, 9, 28))

    def test_far_years_follow_the_weekly_calendar(self):
        """A year the statutory calendar does not know yet: weekends off, weekdays worked."""
        self.assertFalse(self.workdays.is_workday(date(2031, 3, 1)), "a Saturday")
        self.assertTrue(self.workdays.is_workday(date(2031, 3, 3)), "a Monday")

    def test_one_calendar_per_company_and_request(self):
        self.assertIs(self.company_a._liangze_workdays(), self.workdays)
        self.workdays.is_workday(date(2026, 5, 1))
        with self.assertQueryCount(0):
            for month in range(1, 13):
                self.company_a._liangze_workdays().next_workday(date(2026, month, 1))
        # A holiday added: the calendar is read again.
        self.env["resource.calendar.leaves"].create(
            {
                "name": "Local holiday",
                "calendar_id": self.company_a.resource_calendar_id.id,
                "date_from": "2026-05-11 00:00:00",
                "date_to": "2026-05-11 15:59:59",
            }
        )
        self.assertIsNot(self.company_a._liangze_workdays(), self.workdays)
