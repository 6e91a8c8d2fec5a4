# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The responsibility addon's daily jobs: one task that cannot be reminded does not
stop the night's run, nothing is sent twice, the digest goes once a week of the
bureau, and every job runs at night in China."""

from contextlib import contextmanager
from datetime import date, datetime, time
from unittest.mock import patch

import pytz
from freezegun import freeze_time

from odoo.models import BaseModel
from odoo.tests import tagged

from odoo.addons.liangze_base.tests.common import BUREAU_INSTANTS

from .common import LiangzeCase

RED = "liangze_responsibility.mail_template_liangze_task_red"
DIGEST = "liangze_responsibility.mail_template_liangze_weekly_digest"
# The night window of the daily jobs, in the bureau's time zone.
NIGHT = (time(0, 0), time(1, 30))


def assert_crons_at_night(case, modules):
    """Every cron of ``modules`` is next called at night in China (00:00-01:30)."""
    data = case.env["ir.model.data"].search([("module", "in", modules), ("model", "=", "ir.cron")])
    crons = case.env["ir.cron"].browse(data.mapped("res_id"))
    case.assertTrue(crons, f"{modules} have daily jobs")
    china = pytz.timezone("Asia/Shanghai")
    late = {
        cron.name: str(pytz.utc.localize(cron.nextcall).astimezone(china))
        for cron in crons
        if not NIGHT[0] <= pytz.utc.localize(cron.nextcall).astimezone(china).time() <= NIGHT[1]
    }
    case.assertFalse(late, "daily jobs run at night in the bureau (Asia/Shanghai)")


def open_failures(env, record):
    return env["liangze.job.failure"].search(
        [("res_model", "=", record._name), ("res_id", "in", record.ids), ("state", "=", "open")]
    )


@contextmanager
def set_aside(case, record):
    """The run logs the record it sets aside, with its id (and nothing else goes wrong)."""
    with case.assertLogs("odoo.addons.liangze_base.models.base", level="ERROR") as logs:
        yield
    case.assertEqual(len(logs.records), 1, logs.output)
    case.assertIn(f"{record._name}({record.id}) failed", logs.output[0])


def failing_for(model_class, method, bad):
    """Patch ``method`` of ``model_class`` to raise when it is called on (or given)
    records of ``bad``: the broken data of one record, in an otherwise sound run."""
    original = getattr(model_class, method)

    def broken(records, *args, **kwargs):
        for value in (records, *args):
            if isinstance(value, BaseModel) and value._name == bad._name and set(value.ids) & set(bad.ids):
                raise ValueError(f"broken data of {bad._name} {bad.ids}")
        return original(records, *args, **kwargs)

    return patch.object(model_class, method, broken)


@tagged("post_install", "-at_install")
class TestDailyJobs(LiangzeCase):
    """Monthly tasks of the office and the archive room due on the 17th: on the
    bureau's 18 March (20:30 UTC on the 17th) the January to March tasks are red."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.item = cls._published_item(
            cls.office | cls.archive_room,
            name="Monthly integrity check",
            frequency="monthly",
            deadline_rule="fixed_day",
            deadline_day=17,
            supervising_unit_id=cls.discipline.id,
            lead_leader_id=cls.leader.id,
        )
        cls.Task = cls.env["liangze.task"]
        cls.early = cls.item.task_ids.filtered(lambda t: t.period_start < date(2026, 4, 1))
        cls.bad = cls.early.filtered(lambda t: t.owner_unit_id == cls.office and t.period_start == date(2026, 2, 1))
        cls.admin_user = cls.env.ref("base.user_admin")

    def _red_messages(self, task):
        subject = self.env.ref(RED).subject.split(":")[0]
        return task.message_ids.filtered(lambda m: (m.subject or "").startswith(subject))

    def _digests(self, head):
        # Rendered in English, or in Chinese where zh_CN is loaded.
        template = self.env.ref(DIGEST)
        subjects = {template.with_context(lang=code).subject for code, _name in self.env["res.lang"].get_installed()}
        return (
            self.env["mail.mail"]
            .search([("model", "=", "res.users"), ("res_id", "=", head.id)])
            .filtered(lambda m: m.subject in subjects)
        )

    def _night(self):
        """The night's jobs of this addon, in the order of their crons."""
        self.env["liangze.list"]._cron_generate_tasks()
        self.Task._cron_refresh_warnings()
        self.env["liangze.list"]._cron_refresh_warnings()
        self.Task._cron_weekly_digest()

    def test_a_task_that_cannot_be_reminded_does_not_stop_the_others(self):
        self.assertEqual(len(self.early), 6)
        with (
            freeze_time(BUREAU_INSTANTS["20:30 UTC"]),
            failing_for(type(self.Task), "_deadline_reminder", self.bad),
            set_aside(self, self.bad),
        ):
            self.Task._cron_refresh_warnings()
        # 18 March in the bureau: the tasks due on the 17th are red too (not yet in UTC).
        self.assertEqual(set(self.early.mapped("warning_level")), {"red"})
        others = self.early - self.bad
        self.assertEqual([len(self._red_messages(task)) for task in others], [1] * 5, "the others are warned")
        self.assertTrue(all(others.mapped("reminded_red")))
        self.assertFalse(self._red_messages(self.bad))
        self.assertFalse(self.bad.reminded_red, "rolled back alone: reminded on the next run")
        failure = open_failures(self.env, self.bad)
        self.assertEqual(len(failure), 1, "the administrators find the task set aside")
        self.assertIn("broken data", failure.error)
        self.assertIn(self.admin_user.partner_id, failure.message_ids.partner_ids, "and are told")

        # Repaired: the next night reminds it, once; the others are not reminded again.
        for instant in ("2026-03-18 16:10", "2026-03-19 16:10"):
            with freeze_time(instant):
                self.Task._cron_refresh_warnings()
        self.assertEqual([len(self._red_messages(task)) for task in self.early], [1] * 6)
        self.assertTrue(self.bad.reminded_red)
        self.assertFalse(open_failures(self.env, self.bad))
        self.assertEqual(failure.state, "resolved")

    def test_running_the_night_again_creates_nothing_twice(self):
        def counts():
            tasks = self.Task.with_context(active_test=False).search([("item_id", "=", self.item.id)])
            return {
                "tasks": len(tasks),
                "activities": len(tasks.activity_ids),
                "messages": len(tasks.message_ids),
                "digests": len(self._digests(self.head)),
                "failures": self.env["liangze.job.failure"].search_count([]),
            }

        with freeze_time(BUREAU_INSTANTS["03:30 UTC"]):
            self._night()
        first = counts()
        self.assertEqual(first["digests"], 1)
        self.assertGreater(first["messages"], 0)
        # Later the same week of the bureau (Wednesday 04:30 in China), and once more.
        for _run in range(2):
            with freeze_time(BUREAU_INSTANTS["20:30 UTC"]):
                self._night()
        again = counts()
        # The March tasks turned red on the bureau's 18 March: their red reminder is new, nothing else.
        march = self.early.filtered(lambda t: t.period_start == date(2026, 3, 1))
        self.assertEqual(
            again, dict(first, messages=first["messages"] + len(march)), "nothing twice however often it runs"
        )
        self.assertEqual([len(self._red_messages(task)) for task in self.early], [1] * 6)

    def _ours(self, users):
        # The heads of this test's units; a database with the demo has its own heads too.
        return users & (self.head | self.leader)

    def test_the_digest_goes_once_a_week_of_the_bureau(self):
        with freeze_time(BUREAU_INSTANTS["03:30 UTC"]):
            sent = self._ours(self.Task._cron_weekly_digest())
            self.assertEqual(sent, self.head)
            self.assertFalse(self._ours(self.Task._cron_weekly_digest()), "not twice the same week")
        self.assertEqual(len(self._digests(self.head)), 1)
        self.assertIn("Monthly integrity check", self._digests(self.head).body_html)
        # Sunday 22 March 23:00 in China (15:00 UTC): still the same week.
        with freeze_time(datetime(2026, 3, 22, 15, 0)):
            self.Task._cron_weekly_digest()
        self.assertEqual(len(self._digests(self.head)), 1)
        # Monday 23 March 00:30 in China is still Sunday in UTC: the bureau's new week.
        with freeze_time(datetime(2026, 3, 22, 16, 30)):
            self.assertEqual(self._ours(self.Task._cron_weekly_digest()), self.head)
        with freeze_time(datetime(2026, 3, 23, 3, 30)):
            self.Task._cron_weekly_digest()
        self.assertEqual(len(self._digests(self.head)), 2)

    def test_a_head_whose_digest_fails_gets_it_on_the_next_run_the_others_now(self):
        self.archive_room.head_id = self.leader
        Template = type(self.env["mail.template"])
        original = Template.send_mail

        def send_mail(template, res_id, *args, **kwargs):
            if res_id == self.leader.id:
                raise ValueError("mail server refused")
            return original(template, res_id, *args, **kwargs)

        with (
            freeze_time(BUREAU_INSTANTS["03:30 UTC"]),
            patch.object(Template, "send_mail", send_mail),
            set_aside(self, self.leader),
        ):
            sent = self._ours(self.Task._cron_weekly_digest())
        self.assertEqual(sent, self.head)
        self.assertEqual(len(self._digests(self.head)), 1)
        self.assertFalse(self._digests(self.leader))
        self.assertEqual(len(open_failures(self.env, self.leader)), 1)
        with freeze_time(BUREAU_INSTANTS["20:30 UTC"]):
            self.assertEqual(
                self._ours(self.Task._cron_weekly_digest()), self.leader, "the leader's, not the head's again"
            )
        self.assertFalse(open_failures(self.env, self.leader))
        self.assertEqual((len(self._digests(self.head)), len(self._digests(self.leader))), (1, 1))

    def test_holidays_are_loaded_at_install_and_last_years_too(self):
        # At install: the main company's calendar knows a statutory holiday of last or this year.
        main = self.env.ref("base.main_company").resource_calendar_id
        leaves = self.env["resource.calendar.leaves"].search(
            [("calendar_id", "=", main.id), ("resource_id", "=", False), ("time_type", "=", "leave")]
        )
        self.assertTrue(leaves, "statutory holidays loaded when the product is installed, not a month later")
        # In January, last year's National Day still counts: deadlines of last year's lists fall due.
        calendar = self.company_a.resource_calendar_id
        with freeze_time("2026-01-05 01:00"):
            self.env["resource.calendar"]._cron_liangze_load_holidays()
            workdays = self.company_a._liangze_workdays()
            self.assertEqual(workdays.add_workdays(date(2025, 9, 30), 1), date(2025, 10, 9))
        self.assertTrue(calendar.liangze_adjusted_workday_ids.filtered(lambda d: d.date == date(2025, 10, 11)))

    def test_every_liangze_job_runs_at_night_in_china(self):
        modules = self.env["ir.module.module"].search([("name", "like", "liangze_"), ("state", "=", "installed")])
        assert_crons_at_night(self, modules.mapped("name"))

    def test_the_jobs_run_in_the_order_they_feed_each_other(self):
        def at(xmlid):
            return pytz.utc.localize(self.env.ref(xmlid).nextcall).astimezone(pytz.timezone("Asia/Shanghai"))

        generate, warnings, digest = (
            at("liangze_responsibility.ir_cron_liangze_generate_tasks"),
            at("liangze_base.ir_cron_liangze_refresh_warnings"),
            at("liangze_responsibility.ir_cron_liangze_weekly_digest"),
        )
        self.assertLess(generate.time(), warnings.time(), "tasks generated before their warnings")
        self.assertLess(warnings.time(), digest.time(), "warnings before the digest")
        self.assertEqual(digest.weekday(), 0, "the digest on Monday, in China")
