# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The supervision addon's daily jobs: political tasks overdue are warned, a reminder
letter or a red task that fails is set aside while the others go on, nothing twice,
at night in China."""

from datetime import date, datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.liangze_base.tests.common import BUREAU_INSTANTS
from odoo.addons.liangze_responsibility.tests.test_daily_jobs import (
    assert_crons_at_night,
    failing_for,
    open_failures,
    set_aside,
)

from .common import SupervisionCase

ESCALATED = "liangze_supervision.mail_template_liangze_reminder_letter_escalated"
TASK_DUE = "liangze_supervision.mail_template_liangze_political_task_due"


@tagged("post_install", "-at_install")
class TestDailyJobs(SupervisionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Monthly tasks of the office and the archive room, due on the 25th.
        cls.item = cls._published_item(
            cls.office | cls.archive_room,
            name="Monthly integrity check",
            frequency="monthly",
            deadline_rule="fixed_day",
            deadline_day=25,
            supervising_unit_id=cls.discipline.id,
            lead_leader_id=cls.leader.id,
        )
        cls.Letter = cls.env["liangze.reminder.letter"]

    def _subject_of(self, xmlid):
        return self.env.ref(xmlid).subject.split(":")[0].split("{{")[0].strip()

    def _messages(self, record, xmlid):
        marker = self._subject_of(xmlid)
        return record.message_ids.filtered(lambda m: (m.subject or "").startswith(marker))

    # -- political supervision ------------------------------------------------------------
    def _ledger(self):
        with freeze_time("2026-03-02"):
            ledger = (
                self.env["liangze.political.ledger"]
                .with_user(self.supervisor)
                .create(
                    {
                        "name": "Tax collection reform",
                        "task_ids": [
                            (0, 0, {"name": "Issue the plan", "unit_id": self.office.id, "due_date": "2026-03-17"}),
                            (0, 0, {"name": "Train the staff", "unit_id": self.office.id, "due_date": "2026-06-30"}),
                        ],
                    }
                )
            )
            ledger.task_ids[0].user_id = self.member
            ledger.action_start()
        return ledger

    def test_an_overdue_political_task_is_warned_and_the_job_completes(self):
        ledger = self._ledger()
        overdue, later = ledger.task_ids.sorted("due_date")
        cron = self.env.ref("liangze_base.ir_cron_liangze_refresh_warnings")
        # 04:30 on 18 March in the bureau (20:30 UTC on the 17th): the task due on the 17th is overdue.
        for _run in range(2):
            with freeze_time(BUREAU_INSTANTS["20:30 UTC"]):
                cron.ir_actions_server_id.run()
        self.assertEqual((overdue.warning_level, later.warning_level), ("red", "normal"))
        self.assertTrue(overdue.reminded_red)
        self.assertFalse(open_failures(self.env, overdue), "nothing set aside: the job completed")
        # The keeper of the ledger has one activity on the task, the unit one message.
        self.assertEqual(
            [(a.user_id, a.summary) for a in overdue.activity_ids],
            [(self.supervisor, "Follow up the political supervision task")],
        )
        messages = self._messages(overdue, TASK_DUE)
        self.assertEqual(len(messages), 1, "once, however often the job runs")
        self.assertEqual(messages.partner_ids, (self.member | self.head | self.supervisor).partner_id)
        self.assertFalse(later.activity_ids or self._messages(later, TASK_DUE))
        # The task's chatter is read by who reads the task, as its ledger's.
        overdue.with_user(self.leader).check_access("read")
        self.assertEqual(overdue.with_user(self.leader).message_ids & messages, messages)
        with self.assertRaises(AccessError):
            messages.with_user(self.outsider).read(["body"])
        with self.assertRaises(AccessError):
            overdue.activity_ids.with_user(self.outsider).read(["summary"])

    # -- reminder letters -------------------------------------------------------------------
    def _letters(self):
        return self.Letter.search([("issuer_unit_id", "=", self.discipline.id)])

    def test_a_red_task_that_fails_waits_the_others_are_drafted(self):
        tasks = self.item.task_ids.filtered(lambda t: t.period_start < date(2026, 3, 1))
        bad = tasks.filtered(lambda t: t.owner_unit_id == self.office and t.period_start == date(2026, 2, 1))
        # 11:30 on 17 March in the bureau: January and February are red.
        with (
            freeze_time(BUREAU_INSTANTS["03:30 UTC"]),
            failing_for(type(self.Letter), "_draft_letters", bad),
            set_aside(self, bad),
        ):
            self._run_daily_jobs()
        letters = self._letters()
        self.assertEqual(len(letters), 2, "one draft per unit")
        self.assertEqual(letters.task_ids, tasks - bad, "every red task but the failing one")
        self.assertEqual(len(open_failures(self.env, bad)), 1)
        # The next night (04:30 on 18 March in the bureau): the task goes into that day's draft, once.
        for _run in range(2):
            with freeze_time(BUREAU_INSTANTS["20:30 UTC"]):
                self._run_daily_jobs()
        new = self._letters() - letters
        self.assertEqual(len(new), 1)
        self.assertEqual((new.unit_id, new.letter_date, new.task_ids), (self.office, date(2026, 3, 18), bad))
        self.assertEqual(letters.task_ids, tasks - bad, "the earlier drafts are as they were")
        self.assertFalse(open_failures(self.env, bad))

    def test_a_letter_whose_escalation_fails_waits_the_others_are_escalated(self):
        with freeze_time(BUREAU_INSTANTS["03:30 UTC"]):
            self._run_daily_jobs()
            letters = self._letters()
            letters.with_user(self.supervisor).action_issue()
        # Tuesday 17 March + 3 workdays = Friday 20 March.
        self.assertEqual(letters.mapped("escalation_date"), [date(2026, 3, 20)] * 2)
        office_letter = letters.filtered(lambda letter: letter.unit_id == self.office)
        archive_letter = letters - office_letter
        # 20:30 UTC on Thursday 19 March is Friday 04:30 in the bureau: the letters are due.
        with (
            freeze_time(datetime(2026, 3, 19, 20, 30)),
            failing_for(type(self.Letter), "_escalation_users", office_letter),
            set_aside(self, office_letter),
        ):
            self.env["liangze.reminder.letter"]._cron_reminder_letters()
        self.assertEqual((office_letter.escalated, archive_letter.escalated), (False, True))
        self.assertEqual(len(self._messages(archive_letter, ESCALATED)), 1)
        self.assertIn(self.leader.partner_id, self._messages(archive_letter, ESCALATED).partner_ids)
        self.assertFalse(self._messages(office_letter, ESCALATED))
        self.assertEqual(len(open_failures(self.env, office_letter)), 1)
        for instant in ("2026-03-20 16:20", "2026-03-22 16:20"):
            with freeze_time(instant):
                self.env["liangze.reminder.letter"]._cron_reminder_letters()
        self.assertTrue(office_letter.escalated)
        self.assertEqual(
            (len(self._messages(office_letter, ESCALATED)), len(self._messages(archive_letter, ESCALATED))), (1, 1)
        )
        self.assertFalse(open_failures(self.env, office_letter))

    def test_the_supervision_jobs_run_at_night_in_china(self):
        assert_crons_at_night(self, ["liangze_supervision"])
