# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import LiangzeCase


@tagged("post_install", "-at_install")
# The clock frozen in 1 September 2026, before the third quarter's deadline.
@freeze_time("2026-09-01 02:00:00")
class TestDeadlineExtension(LiangzeCase):
    """延期: the unit asks with a reason, the supervising body decides; the new
    deadline falls on a workday and the deadline before is kept."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_a.resource_calendar_id._liangze_load_chinese_year(2026)
        cls.item = cls._published_item(
            cls.office,
            name="Quarterly risk review",
            frequency="quarterly",
            deadline_days=5,
            yellow_lead_days=3,
            supervising_unit_id=cls.discipline.id,
            lead_leader_id=cls.leader.id,
        )
        cls.task = cls.item.task_ids.filtered(lambda t: t.period_start == date(2026, 7, 1))
        cls.Extension = cls.env["liangze.deadline.extension"]

    def _ask(self, user=None, day="2026-10-31", reason="The audit documents arrive late"):
        return self.Extension.with_user(user or self.member).create(
            {"task_id": self.task.id, "requested_deadline": day, "reason": reason}
        )

    def test_unit_asks_supervisor_approves_on_a_workday(self):
        self.assertEqual(self.task.deadline, date(2026, 10, 8))
        extension = self._ask()
        self.assertEqual(
            (extension.state, extension.requested_by_id, extension.previous_deadline),
            ("requested", self.member, date(2026, 10, 8)),
        )
        self.assertIn(self.supervisor, extension._deciders())
        self.assertTrue(extension.with_user(self.supervisor).can_decide)
        self.assertFalse(extension.with_user(self.member).can_decide)
        # Saturday 31 October is no workday: the new deadline is Monday 2 November.
        wizard = (
            self.env["liangze.extension.decision"]
            .with_user(self.supervisor)
            .create({"extension_id": extension.id, "note": "Agreed"})
        )
        wizard.action_approve()
        self.assertEqual(extension.state, "approved")
        self.assertEqual(extension.new_deadline, date(2026, 11, 2))
        self.assertEqual(self.task.deadline, date(2026, 11, 2))
        self.assertEqual(self.task.deadline_original, date(2026, 10, 5), "the rule's date is kept")
        self.assertEqual(self.task.yellow_date, date(2026, 10, 28))
        self.assertEqual(self.task.state, "todo", "an extension does not start the task")
        self.assertIn("2026-11-02", self.task.message_ids[0].body)
        # The item edited later: the extended task keeps its new deadline.
        self.item.deadline_days = 10
        self.assertEqual(self.task.deadline, date(2026, 11, 2))

    def test_lead_leader_may_refuse_with_a_reason(self):
        extension = self._ask()
        with self.assertRaises(UserError):
            extension.with_user(self.leader).action_refuse(" ")
        extension.with_user(self.leader).action_refuse("The audit is not a reason")
        self.assertEqual((extension.state, self.task.deadline), ("refused", date(2026, 10, 8)))

    def test_who_may_ask_and_decide(self):
        # Readers do not ask; the unit does not decide on its own extension.
        with self.assertRaises(AccessError):
            self._ask(user=self.supervisor)
        extension = self._ask()
        for user in (self.member, self.head, self.admin):
            with self.assertRaises(AccessError):
                extension.with_user(user).action_approve()
        self.assertEqual(self.task.deadline, date(2026, 10, 8))
        # One question at a time, a later date, within bounds, with a reason.
        with self.assertRaises(UserError):
            self._ask()
        extension.with_user(self.supervisor).action_refuse("No")
        with self.assertRaises(ValidationError):
            self._ask(day="2026-10-01")
        with self.assertRaises(ValidationError):
            self._ask(day="2028-01-31")
        with self.assertRaises(UserError):
            self._ask(reason=" ")
        # Nobody writes the decision by hand, nor the task's deadline.
        with self.assertRaises(AccessError):
            extension.with_user(self.supervisor).write({"state": "approved"})
        with self.assertRaises(AccessError):
            self.task.with_user(self.head).write({"deadline": "2026-12-31"})
