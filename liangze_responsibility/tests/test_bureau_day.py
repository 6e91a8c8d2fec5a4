# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Right on every day, at every hour: what a user notices of the bureau's day
(deadlines, warnings, reminders, workdays, extensions, acceptance, the year a
list or the cockpit opens on), at each of the instants where the bureau's day,
the UTC day and the workday part ways, whoever wrote last (a user in the bureau's
time zone, one in Europe/Brussels, one without time zone) and for the daily job."""

import base64
from datetime import date, timedelta

from freezegun import freeze_time

from odoo.exceptions import ValidationError
from odoo.tests import tagged
from odoo.tools.safe_eval import safe_eval

from odoo.addons.liangze_base.tests.common import BUREAU_DAYS, BUREAU_INSTANTS, NEXT_WORKDAY, bureau_user

from .common import GROUP_ADMIN, GROUP_LEADER, GROUP_SUPERVISOR, GROUP_USER, LiangzeCase, publish_item, task_due

PDF = base64.b64encode(b"%PDF-1.4 minutes")


@tagged("post_install", "-at_install")
class TestBureauDay(LiangzeCase):
    """Each test runs at every instant of BUREAU_INSTANTS (freezegun), as users of
    three time zones; the bureau's day decides, never the user's nor UTC's."""

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

        # The member of LiangzeCase lives in the bureau's time zone (bureau_user).
        cls.brussels = user("lz_member_brussels", GROUP_USER, "Europe/Brussels")
        cls.no_tz = user("lz_member_no_tz", GROUP_USER, False)
        cls.office.member_ids = [(4, cls.brussels.id), (4, cls.no_tz.id)]
        cls.writers = {"Asia/Shanghai": cls.member, "Europe/Brussels": cls.brussels, "no time zone": cls.no_tz}
        cls.brussels_supervisor = user("lz_supervisor_brussels", GROUP_SUPERVISOR, "Europe/Brussels")
        cls.discipline.member_ids = [(4, cls.brussels_supervisor.id)]
        cls.admin_no_tz = user("lz_admin_no_tz", GROUP_ADMIN, False)
        cls.leader_no_tz = user("lz_leader_no_tz", GROUP_LEADER, False)
        cls.city.member_ids = [(4, cls.leader_no_tz.id)]
        cls.Task = cls.env["liangze.task"]

    def setUp(self):
        super().setUp()
        self._items = {}

    # -- helpers ---------------------------------------------------------------------------
    def _item(self, year):
        """The office's yearly item of a published list of ``year`` (its own task covers the year)."""
        if year not in self._items:
            self._items[year] = publish_item(
                self.env,
                self.office,
                f"Bureau day {year}",
                self.company_a,
                year=year,
                evidence_min=0,
                yellow_lead_days=3,
                supervising_unit_id=self.discipline.id,
                lead_leader_id=self.leader.id,
            )
        return self._items[year]

    def _task(self, deadline, yellow=None):
        """An office task due on ``deadline``, yellow from ``yellow``, the member responsible."""
        return task_due(
            self.env,
            self.office,
            deadline,
            yellow,
            responsible_user_id=self.member.id,
            supervising_unit_id=self.discipline.id,
        )

    def _levels(self, tasks, user=None):
        """The levels as ``user`` reads them: computed in their environment if pending."""
        return (tasks.with_user(user) if user else tasks).mapped("warning_level")

    def _daily_job(self):
        self.Task._cron_refresh_warnings()
        self.env.invalidate_all()

    def _today(self, name):
        """The bureau's today at the instant ``name`` (the clock frozen there)."""
        today = self.Task._bureau_today()
        self.assertEqual(today, BUREAU_DAYS[name])
        return today

    # -- the matrix --------------------------------------------------------------------------
    def test_deadlines_are_red_from_the_bureau_day_after_whoever_wrote_last(self):
        """Due on the bureau's yesterday: red. Due on its today: yellow, not red (at 20:30 UTC
        too: it is 04:30 the next day in China, that next day is today). Due tomorrow: normal.
        For each writer; the daily job says the same and reminds on the same day."""
        for name, instant in BUREAU_INSTANTS.items():
            with self.subTest(name), freeze_time(instant):
                today = self._today(name)
                written = {}
                for tz, writer in self.writers.items():
                    tasks = (
                        self._task(today - timedelta(days=1))
                        | self._task(today, yellow=today)
                        | self._task(today + timedelta(days=1), yellow=today + timedelta(days=1))
                    )
                    tasks.with_user(writer).write({"plan": f"<p>Plan of {tz}</p>"})
                    self.assertEqual(self._levels(tasks, writer), ["red", "yellow", "normal"], tz)
                    written[tz] = tasks
                self._daily_job()
                for tz, tasks in written.items():
                    self.assertEqual(self._levels(tasks), ["red", "yellow", "normal"], f"daily job, {tz}")
                    self.assertEqual(tasks.mapped("reminded_red"), [True, False, False], tz)
                    self.assertEqual(tasks.mapped("reminded_yellow"), [False, True, False], tz)

    def test_the_stored_warning_level_does_not_depend_on_who_wrote_last(self):
        """At 20:30 UTC (04:30 tomorrow in China), a user in Europe/Brussels and one in
        Asia/Shanghai write the same tasks, in either order: the same level, and the
        daily job agrees."""
        with freeze_time(BUREAU_INSTANTS["20:30 UTC"]):
            today = self._today("20:30 UTC")
            orders = [(self.brussels, self.member), (self.member, self.brussels), (self.no_tz, self.member)]
            for deadline, started, submitted in (
                (today - timedelta(days=1), "red", "red"),
                (today, "yellow", "normal"),
            ):
                tasks = self.Task
                for first, last in orders:
                    task = self._task(deadline, yellow=deadline)
                    # The first starts the ledger, the last signs off and submits it.
                    task.with_user(first).write({"plan": "<p>Started</p>"})
                    self.assertEqual(self._levels(task, first), [started], first.login)
                    task.with_user(last)._submit()
                    self.assertEqual(self._levels(task, last), [submitted], f"{first.login}, then {last.login}")
                    tasks |= task
                self._daily_job()
                self.assertEqual(self._levels(tasks), [submitted] * len(orders), "the daily job agrees")

    def test_the_record_guards_not_in_the_future_checks_use_the_bureau_day(self):
        """A progress entry or evidence dated the bureau's today is accepted at 20:30 UTC,
        when it is still the day before in Europe and in UTC; its tomorrow is refused."""
        with freeze_time(BUREAU_INSTANTS["20:30 UTC"]):
            today = self._today("20:30 UTC")
            tomorrow = today + timedelta(days=1)
            task = self._item(today.year).task_ids
            self.assertTrue(task.period_start <= today < tomorrow <= task.period_end)
            for user in (self.brussels, self.no_tz, self.member):
                Progress = self.env["liangze.task.progress"].with_user(user)
                entry = Progress.create({"task_id": task.id, "description": f"Held, {user.login}", "date": today})
                self.assertEqual(entry.date, today)
                self.assertEqual(Progress.create({"task_id": task.id, "description": "Default"}).date, today)
                with self.assertRaises(ValidationError):
                    Progress.create({"task_id": task.id, "description": "Not yet", "date": tomorrow})
                Evidence = self.env["liangze.task.evidence"].with_user(user)
                evidence = Evidence.create({"task_id": task.id, "name": "Minutes", "file": PDF, "covers_from": today})
                self.assertEqual((evidence.covers_from, evidence.covers_to), (today, today))
                with self.assertRaises(ValidationError):
                    Evidence.create(
                        {
                            "task_id": task.id,
                            "name": "Early",
                            "file": PDF,
                            "covers_from": tomorrow,
                            "covers_to": tomorrow,
                        }
                    )

    def test_the_record_guards_date_bounds_use_the_bureau_year(self):
        """At 00:10 on 1 January in China (still 31 December in Europe and in UTC), dates
        run to the end of the bureau's year + 5, for a user in Europe/Brussels too."""
        with freeze_time(BUREAU_INSTANTS["new year's day 00:10 in China"]):
            today = self._today("new year's day 00:10 in China")
            # A task of the list four years ahead, its deadline extended to the last day allowed.
            far = self._item(today.year + 4).task_ids
            extension = (
                self.env["liangze.deadline.extension"]
                .with_user(self.brussels)
                .create({"task_id": far.id, "requested_deadline": date(2032, 12, 31), "reason": "Five-year plan"})
            )
            self.assertEqual(extension.requested_deadline, date(today.year + 5, 12, 31))
            with self.assertRaises(ValidationError):
                self.env["liangze.task.progress"].with_user(self.brussels)._guard_check_bounds(
                    {"date": date(today.year + 6, 1, 1)}
                )

    def test_extensions_and_workdays_follow_the_bureau_day(self):
        """A task due yesterday, extended to today by the supervisor (in Europe/Brussels):
        its new deadline is the first workday from the bureau's today, it is yellow, not
        red, and the daily job agrees. N workdays after the eve of National Day skip the
        holiday; the adjusted Saturday is a workday."""
        for name, instant in BUREAU_INSTANTS.items():
            with self.subTest(name), freeze_time(instant):
                today = self._today(name)
                workdays = self.company_a._liangze_workdays()
                after = workdays.add_workdays(today, 1)
                if name in NEXT_WORKDAY:
                    self.assertEqual(after, NEXT_WORKDAY[name])
                    self.assertEqual(workdays.is_workday(today), name != "spring festival eve")
                self.assertTrue(workdays.is_workday(after))
                self.assertEqual(workdays.workdays_between(today, after), 1)
                if name == "eve of national day":
                    self.assertEqual(workdays.add_workdays(today, 3), date(2026, 10, 10), "8, 9, Saturday 10")

                task = self._task(today - timedelta(days=1))
                task.with_user(self.brussels).write({"plan": "<p>Late</p>"})
                self.assertEqual(self._levels(task, self.brussels), ["red"])
                extension = (
                    self.env["liangze.deadline.extension"]
                    .with_user(self.brussels)
                    .create({"task_id": task.id, "requested_deadline": today, "reason": "Held up"})
                )
                extension.with_user(self.brussels_supervisor).action_approve("Agreed")
                self.assertEqual(extension.new_deadline, workdays.next_workday(today))
                self.assertEqual(task.deadline, extension.new_deadline)
                if name == "spring festival eve":
                    self.assertEqual(task.deadline, date(2026, 2, 24), "after the Spring Festival holiday")
                self.assertEqual(self._levels(task, self.brussels_supervisor), ["yellow"])
                self._daily_job()
                self.assertEqual(self._levels(task), ["yellow"])

    def test_acceptance_is_dated_on_the_bureau_day(self):
        """Accepted by a supervisor in Europe/Brussels: dated the bureau's today, on time
        when due today, late when due yesterday."""
        for name, instant in BUREAU_INSTANTS.items():
            with self.subTest(name), freeze_time(instant):
                today = self._today(name)
                tasks = self._task(today - timedelta(days=1)) | self._task(today)
                for task in tasks:
                    task.with_user(self.no_tz)._submit()
                tasks.with_user(self.brussels_supervisor).action_accept()
                self.assertEqual(tasks.mapped("accepted_on"), [today, today])
                self.assertEqual(self._levels(tasks, self.brussels_supervisor), ["done_late", "done_on_time"])
                self._daily_job()
                self.assertEqual(self._levels(tasks), ["done_late", "done_on_time"])

    def test_lists_prints_and_the_cockpit_open_on_the_bureau_year(self):
        """A new list, the ledger print and the cockpit take the bureau's year: at 00:10 on
        1 January in China it is the new year, for a user without time zone too."""
        action = self.env["ir.actions.act_window"]._for_xml_id("liangze_responsibility.liangze_unit_action_cockpit")
        for name, instant in BUREAU_INSTANTS.items():
            with self.subTest(name), freeze_time(instant):
                today = self._today(name)
                List = self.env["liangze.list"].with_user(self.admin_no_tz)
                self.assertEqual(List.default_get(["year"])["year"], today.year)
                Print = self.env["liangze.ledger.print"].with_user(self.admin_no_tz)
                self.assertEqual(Print.default_get(["year"])["year"], today.year)
                # Due yesterday and twice today: on 1 January, the two years' counts differ.
                self._task(today - timedelta(days=1))
                self._task(today)
                self._task(today)
                self.env.invalidate_all()
                city = self.env["liangze.unit"].with_user(self.leader_no_tz).search(safe_eval(action["domain"]))
                self.assertEqual(city, self.city)
                direct = self.Task.with_user(self.leader_no_tz).search_count(
                    [
                        ("owner_unit_id", "child_of", self.city.id),
                        ("deadline", ">=", date(today.year, 1, 1)),
                        ("deadline", "<=", date(today.year, 12, 31)),
                    ]
                )
                self.assertEqual(city.cockpit_task_count, direct)
