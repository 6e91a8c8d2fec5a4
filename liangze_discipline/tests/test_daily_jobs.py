# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The discipline addon's daily jobs: a shelved clue that cannot come back is set
aside while the others come back, once; at night in China."""

from datetime import date, datetime

from freezegun import freeze_time

from odoo.tests import tagged

from odoo.addons.liangze_base.tests.common import BUREAU_INSTANTS
from odoo.addons.liangze_integrity.tests.common import IntegrityCase
from odoo.addons.liangze_responsibility.tests.test_daily_jobs import (
    assert_crons_at_night,
    failing_for,
    open_failures,
    set_aside,
)

CASE_OFFICER = "liangze_discipline.group_liangze_case_officer"
CASE_MANAGEMENT = "liangze_discipline.group_liangze_case_management"
REVIEW_ON = date(2026, 4, 1)


@tagged("post_install", "-at_install")
class TestDailyJobs(IntegrityCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()

        user = cls._user

        cls.manager = user("lz_jobs_case_manager", CASE_MANAGEMENT)
        cls.officer = user("lz_jobs_case_officer", CASE_OFFICER)
        cls.discipline.member_ids |= cls.manager | cls.officer
        with freeze_time(BUREAU_INSTANTS["03:30 UTC"]):
            cls.clues = cls._shelved(cls.spouse) | cls._shelved(cls.sister)
        cls.bad = cls.clues[0]

    @classmethod
    def _shelved(cls, cadre):
        """A clue on ``cadre``, shelved until 1 April by the collective review, approved by the head."""
        clue = cls._awaiting_approval(cadre)
        clue.with_user(cls.supervision_head).validate_tier()
        return clue

    @classmethod
    def _awaiting_approval(cls, cadre, summary="Accepted gifts from a contractor of the office."):
        """A clue on ``cadre`` whose collective review proposes to shelve it, waiting for the head."""
        clue = (
            cls.env["liangze.clue"]
            .with_user(cls.manager)
            .create(
                {
                    "summary": summary,
                    "concerned_cadre_ids": [(6, 0, cadre.ids)],
                    "unit_id": cadre.unit_id.id,
                    "source": "report",
                }
            )
        )
        clue.write({"proposed_handler_id": cls.officer.id})
        clue.action_propose_assignment()
        clue.with_user(cls.supervision_head).action_approve_assignment()
        clue.with_user(cls.officer).write(
            {
                "review_date": date(2026, 3, 17),
                "attendee_ids": [(6, 0, (cls.officer | cls.manager | cls.supervision_head).ids)],
                "proposed_way": "shelve",
                "review_on": REVIEW_ON,
                "review_note": "Shelved until the audit of the contract is done.",
            }
        )
        clue.with_user(cls.officer).action_submit_disposal()
        return clue.with_user(cls.env.user)

    def _back_reminders(self, clue):
        return clue.activity_ids.filtered(lambda a: (a.summary or "").startswith("Review the shelved clue"))

    def test_a_shelved_clue_that_fails_waits_the_others_come_back_once(self):
        self.assertEqual(self.clues.mapped("state"), ["shelved"] * 2)
        Clue = self.env["liangze.clue"]
        # 20:30 UTC on 31 March is 1 April in the bureau: the clues come back.
        with (
            freeze_time(datetime(2026, 3, 31, 20, 30)),
            failing_for(type(Clue), "_disposal_deadline_values", self.bad),
            set_aside(self, self.bad),
        ):
            back = Clue._cron_review_shelved()
        good = self.clues - self.bad
        self.assertEqual(back, good)
        self.assertEqual((good.state, good.back_from_shelf_on), ("assigned", REVIEW_ON))
        self.assertEqual(len(self._back_reminders(good)), 1)
        self.assertEqual((self.bad.state, self.bad.review_on), ("shelved", REVIEW_ON), "rolled back alone")
        self.assertFalse(self._back_reminders(self.bad))
        self.assertEqual(len(open_failures(self.env, self.bad)), 1)
        # Repaired: it comes back the next night, once; the other does not come back twice.
        for instant in ("2026-04-01 17:05", "2026-04-02 17:05"):
            with freeze_time(instant):
                Clue._cron_review_shelved()
        self.assertEqual((self.bad.state, self.bad.back_from_shelf_on), ("assigned", date(2026, 4, 2)))
        self.assertEqual([len(self._back_reminders(clue)) for clue in self.clues], [1, 1])
        self.assertEqual(self._back_reminders(self.bad).user_id, self.officer)
        self.assertFalse(open_failures(self.env, self.bad))

    def test_a_clue_awaiting_approval_is_warned_and_reminded(self):
        """Its disposal limit runs while the head has not approved the way yet: the job
        warns and reminds it like any other (the approval pending does not refuse the flags)."""
        with freeze_time(BUREAU_INSTANTS["03:30 UTC"]):
            clue = self._awaiting_approval(self.sister, "Used the office car for a family trip.")
        self.assertTrue(clue.review_ids.filtered(lambda r: r.status == "waiting" or r.status == "pending"))
        # The bureau's day after its yellow date, before its limit, at 20:30 UTC.
        yellow = clue.yellow_date
        instant = datetime.combine(yellow, datetime.min.time()).replace(hour=20, minute=30)
        with freeze_time(instant):
            self.env["liangze.clue"]._cron_refresh_warnings()
        self.assertEqual(clue.warning_level, "yellow")
        self.assertTrue(clue.reminded_yellow, "reminded although its approval is pending")
        self.assertFalse(open_failures(self.env, clue))

    def test_the_discipline_jobs_run_at_night_in_china(self):
        assert_crons_at_night(self, ["liangze_discipline"])
