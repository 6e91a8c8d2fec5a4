# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Right on every day, at every hour: reminder letters, rectification problems and
political supervision rounds follow the bureau's day, at each instant where it
parts from the UTC day or the workday, whoever writes (in the bureau's time zone,
in Europe/Brussels, without time zone) and for the daily jobs."""

from datetime import date, timedelta

from dateutil.relativedelta import relativedelta
from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.liangze_base.tests.common import BUREAU_DAYS, BUREAU_INSTANTS, NEXT_WORKDAY, bureau_user
from odoo.addons.liangze_responsibility.tests.common import GROUP_SUPERVISOR, GROUP_USER, task_due

from .common import SupervisionCase


@tagged("post_install", "-at_install")
class TestSupervisionBureauDay(SupervisionCase):
    """Each test runs at every instant of BUREAU_INSTANTS (freezegun); the bureau's day
    decides, never the user's nor UTC's."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_a.resource_calendar_id._liangze_load_chinese_year(2026)

        def user(login, groups, tz):
            return bureau_user(
                cls.env,
                login=login,
                groups=groups,
                tz=tz,
                company_id=cls.company_a.id,
                company_ids=[(6, 0, cls.company_a.ids)],
            )

        cls.brussels = user("lz_member_brussels", GROUP_USER, "Europe/Brussels")
        cls.no_tz = user("lz_member_no_tz", GROUP_USER, False)
        cls.office.member_ids = [(4, cls.brussels.id), (4, cls.no_tz.id)]
        cls.brussels_supervisor = user("lz_supervisor_brussels", GROUP_SUPERVISOR, "Europe/Brussels")
        cls.discipline.member_ids = [(4, cls.brussels_supervisor.id)]
        # The office acknowledges a reminder letter within one workday.
        cls.discipline.receipt_workdays = 1
        cls.Letter = cls.env["liangze.reminder.letter"]

    def _today(self, name):
        today = self.Letter._bureau_today()
        self.assertEqual(today, BUREAU_DAYS[name])
        return today

    def test_reminder_letters_are_drafted_issued_and_escalated_on_the_bureau_day(self):
        """A task due the bureau's yesterday goes into the daily job's draft of today, not
        one due today; issued by a supervisor in Europe/Brussels, the letter is dated and
        numbered in the bureau's day and year, its receipt due one workday later (after
        the Spring Festival, after National Day, on Monday after the adjusted Saturday)."""
        for name, instant in BUREAU_INSTANTS.items():
            with self.subTest(name), freeze_time(instant):
                today = self._today(name)
                late = task_due(
                    self.env, self.office, today - timedelta(days=1), supervising_unit_id=self.discipline.id
                )
                due = task_due(self.env, self.office, today, supervising_unit_id=self.discipline.id)
                self._run_daily_jobs()
                self.assertEqual((late.warning_level, due.warning_level), ("red", "yellow"))
                letter = self.Letter.search([("unit_id", "=", self.office.id), ("task_ids", "in", late.ids)])
                self.assertEqual(letter.letter_date, today)
                self.assertNotIn(due, letter.task_ids)
                letter.with_user(self.brussels_supervisor).action_issue()
                self.assertEqual(letter.issue_date, today)
                self.assertIn(f"〔{today.year}〕", letter.document_number)
                workdays = self.company_a._liangze_workdays()
                self.assertEqual(letter.escalation_date, workdays.add_workdays(today, 1))
                if name in NEXT_WORKDAY:
                    self.assertEqual(letter.escalation_date, NEXT_WORKDAY[name])
                # Not escalated before its day, however often the jobs run today.
                self._run_daily_jobs()
                self.assertFalse(letter.escalated)

    def test_rectification_problems_follow_the_bureau_day(self):
        """Issued two days before: a problem due the bureau's yesterday is red, one due
        today yellow, as the member in Europe/Brussels who submits the feedback sees them
        and for the daily job; verified by a supervisor in Europe/Brussels, late and on
        time. A new letter with a problem due yesterday is refused, due today accepted."""
        for name, instant in BUREAU_INSTANTS.items():
            with self.subTest(name), freeze_time(instant):
                today = self._today(name)
                yesterday = today - timedelta(days=1)
                with freeze_time(instant - timedelta(days=2)):
                    letter = self._letter(
                        problem_ids=[
                            (0, 0, {"description": "Late", "recommendation": "Fix", "due_date": yesterday}),
                            (0, 0, {"description": "Due", "recommendation": "Fix", "due_date": today}),
                        ]
                    )
                    letter.with_user(self.brussels_supervisor).action_issue()
                    self.assertEqual(letter.issue_date, today - timedelta(days=2))
                self._plan_and_feedback(letter, user=self.brussels)
                problems = letter.problem_ids
                self.assertEqual(problems.with_user(self.brussels).mapped("warning_level"), ["red", "yellow"])
                self._run_daily_jobs()
                self.env.invalidate_all()
                self.assertEqual(problems.mapped("warning_level"), ["red", "yellow"])
                self.assertEqual(letter.warning_level, "red")
                problems.with_user(self.brussels_supervisor).action_verify()
                self.assertEqual(problems.mapped("verified_date"), [today, today])
                self.assertEqual(
                    problems.with_user(self.brussels_supervisor).mapped("warning_level"),
                    ["done_late", "done_on_time"],
                )
                self.assertEqual((letter.state, letter.closed_date), ("closed", today))

                refused = self._letter(1, due=yesterday)
                with self.assertRaises(UserError):
                    refused.with_user(self.brussels_supervisor).action_issue()
                accepted = self._letter(1, due=today)
                accepted.with_user(self.brussels_supervisor).action_issue()
                self.assertEqual(accepted.issue_date, today)

    def _ledger(self, user):
        ledger = (
            self.env["liangze.political.ledger"]
            .with_user(user)
            .create(
                {
                    "name": "Tax collection reform",
                    "task_ids": [(0, 0, {"name": "Reform step", "unit_id": self.office.id, "due_date": "2028-12-29"})],
                }
            )
        )
        ledger.action_start()
        return ledger

    def test_political_rounds_follow_the_bureau_day(self):
        """Started by a supervisor in Europe/Brussels, the next round is due a month after
        the bureau's today (on a workday); a round held today is recorded and moves it a
        month on, a round dated tomorrow is refused."""
        for name, instant in BUREAU_INSTANTS.items():
            with self.subTest(name), freeze_time(instant):
                today = self._today(name)
                workdays = self.company_a._liangze_workdays()
                ledger = self._ledger(self.brussels_supervisor)
                self.assertEqual(ledger.next_round_date, workdays.next_workday(today + relativedelta(months=1)))
                self.assertEqual(ledger.warning_level, "normal")
                Round = self.env["liangze.political.round"].with_user(self.brussels_supervisor)
                early = Round.browse(ledger.action_new_round()["res_id"])
                early.date = today + timedelta(days=1)
                with self.assertRaises(UserError):
                    early.action_record()
                held = Round.create({"ledger_id": ledger.id})
                self.assertEqual(held.date, today)
                held.action_record()
                self.assertEqual(held.state, "done")
                self.assertEqual(ledger.next_round_date, workdays.next_workday(today + relativedelta(months=1)))

    def test_the_record_guard_takes_a_round_held_the_bureaus_today(self):
        """At 20:30 UTC, still 17 March in Europe and in UTC but 18 March in China: a round
        the supervisor in Europe/Brussels held on the bureau's today is recorded (its date
        by default), one dated the 19th is refused as not held yet."""
        with freeze_time(BUREAU_INSTANTS["20:30 UTC"]):
            today = self._today("20:30 UTC")
            for user in (self.brussels_supervisor, self.supervisor):
                ledger = self._ledger(user)
                Round = self.env["liangze.political.round"].with_user(user)
                self.assertEqual(Round.default_get(["date"])["date"], today)
                with self.assertRaises(UserError):
                    Round.create({"ledger_id": ledger.id, "date": today + timedelta(days=1)}).action_record()
                held = Round.create({"ledger_id": ledger.id, "date": today})
                held.action_record()
                self.assertEqual((held.state, held.date), ("done", date(2026, 3, 18)))
