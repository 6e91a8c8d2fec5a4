# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import PDF, SupervisionCase


@tagged("post_install", "-at_install")
# The clock frozen in 26 February 2026, the day after February's deadline.
@freeze_time("2026-02-26 02:00:00")
class TestReminderLetter(SupervisionCase):
    """Red tasks are drafted into one reminder letter per unit and day; the
    unit head acknowledges receipt, or the leaders are told."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._load_chinese()
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
        cls.Task = cls.env["liangze.task"]

    def _letters(self, day=None):
        return self.Letter.search(
            [("issuer_unit_id", "=", self.discipline.id)] + ([("letter_date", "=", day)] if day else [])
        )

    def test_one_draft_per_unit_and_day_however_often_the_job_runs(self):
        # The archive room submitted February late: it waits for review, not for a reminder.
        february = self.item.task_ids.filtered(
            lambda t: t.owner_unit_id == self.archive_room and t.period_start == date(2026, 2, 1)
        )
        self.env["liangze.task.evidence"].create({"task_id": february.id, "name": "Minutes", "file": PDF})
        february._submit()
        with freeze_time("2026-02-26"):
            for _run in range(3):
                self._run_daily_jobs()
        letters = self._letters()
        self.assertEqual(len(letters), 2, "one letter for the office, one for the archive room")
        self.assertEqual(set(letters.mapped("state")), {"draft"})
        self.assertEqual(letters.mapped("letter_date"), [date(2026, 2, 26)] * 2)
        office_letter = letters.filtered(lambda letter: letter.unit_id == self.office)
        self.assertEqual((letters - office_letter).task_ids.mapped("period_start"), [date(2026, 1, 1)])
        # January and February tasks are red on 26 February.
        self.assertEqual(office_letter.task_ids.mapped("period_start"), [date(2026, 1, 1), date(2026, 2, 1)])
        self.assertFalse(office_letter.document_number, "a draft takes no number")
        # The next day, the same red tasks are not drafted again.
        with freeze_time("2026-02-27"):
            self._run_daily_jobs()
        self.assertEqual(self._letters(), letters)
        # March's task turns red a month later: a new draft, for that day only.
        with freeze_time("2026-03-26"):
            self._run_daily_jobs()
            self._run_daily_jobs()
        march = self._letters(date(2026, 3, 26)).filtered(lambda letter: letter.unit_id == self.office)
        self.assertEqual(len(march), 1)
        self.assertEqual(march.task_ids.mapped("period_start"), [date(2026, 3, 1)])

    def test_receipt_by_the_unit_head_and_escalation_after_the_set_workdays(self):
        with freeze_time("2026-02-26"):
            self._run_daily_jobs()
            letters = self._letters()
            office_letter = letters.filtered(lambda letter: letter.unit_id == self.office)
            archive_letter = letters - office_letter
            # The archive room has no head of its own: the office head above acknowledges,
            # and without any head up the tree nobody could.
            self.office.head_id = False
            with self.assertRefused(UserError, "负责人"):
                archive_letter.with_user(self.supervisor).with_context(lang="zh_CN").action_issue()
            self.office.head_id = self.head
            self.assertEqual(archive_letter._receipt_head(), self.head)
            with self.assertRaises(AccessError):
                letters.with_user(self.head).action_issue()
            letters.with_user(self.supervisor).action_issue()
        # Thursday 26 February + 3 workdays = Tuesday 3 March.
        self.assertEqual(office_letter.escalation_date, date(2026, 3, 3))
        self.assertEqual(office_letter.state, "issued")
        self.assertIn(self.head.partner_id, office_letter.message_ids.partner_ids)

        # The office head writes the receipt and acknowledges; a member cannot.
        with self.assertRefused(UserError, "head"):
            office_letter.with_user(self.member).action_acknowledge()
        office_letter.with_user(self.head).receipt_note = "Both ledgers will be completed this week"
        office_letter.with_user(self.head).action_acknowledge()
        self.assertEqual(office_letter.state, "acknowledged")
        self.assertEqual(office_letter.receipt_user_id, self.head)
        with self.assertGuarded("liangze.reminder.letter", "receipt_note") as caught:
            office_letter.with_user(self.head).write({"receipt_note": "Changed afterwards"})
        self.assertRegex(str(caught.exception), "written only while it is Issued")

        # The archive room's letter is not acknowledged: the leader is told on 3 March, once.
        escalated = self.env.ref("liangze_supervision.mail_template_liangze_reminder_letter_escalated")
        marker = escalated.subject.split(":")[0]

        def escalations():
            return archive_letter.message_ids.filtered(lambda m: marker in (m.subject or ""))

        with freeze_time("2026-03-02"):
            self._run_daily_jobs()
        self.assertFalse(archive_letter.escalated)
        for day in ("2026-03-03", "2026-03-04"):
            with freeze_time(day):
                self._run_daily_jobs()
        self.assertTrue(archive_letter.escalated)
        self.assertEqual(len(escalations()), 1)
        self.assertIn(self.leader.partner_id, escalations().partner_ids)
        self.assertFalse(office_letter.escalated, "an acknowledged letter is not escalated")

    def test_issued_letter_is_read_by_its_unit_only(self):
        with freeze_time("2026-02-26"):
            self._run_daily_jobs()
        office_letter = self._letters().filtered(lambda letter: letter.unit_id == self.office)
        self.assertFalse(self.Letter.with_user(self.member).search([("id", "=", office_letter.id)]))
        office_letter.with_user(self.supervisor).action_issue()
        self.assertTrue(self.Letter.with_user(self.member).search([("id", "=", office_letter.id)]))
        self.assertFalse(self.Letter.with_user(self.outsider).search([("id", "=", office_letter.id)]))
        with self.assertRaises(AccessError):
            office_letter.with_user(self.member).write({"task_ids": [(5, 0, 0)]})
