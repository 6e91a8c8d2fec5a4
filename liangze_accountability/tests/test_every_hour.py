# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta
from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.liangze_base.tests.common import BUREAU_INSTANTS, bureau_user
from odoo.addons.liangze_supervision.tests.common import SupervisionCase

from .every_hour import actor_instants, as_actor, china_day, china_time

ADMONISHMENT = "liangze_accountability.liangze_accountability_measure_admonishment"


@tagged("post_install", "-at_install")
class TestAccountabilityAtEveryHour(SupervisionCase):
    """Accountability decisions issued at every instant where the bureau's day and the
    UTC day (or the workday and the calendar day) part ways, by officers in the bureau's
    time zone or not: the person reads the dates of their own calendar."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.clerk = bureau_user(
            cls.env,
            login="lz_hour_clerk",
            groups="liangze_base.group_liangze_user",
            company_id=cls.company_a.id,
            company_ids=[(6, 0, cls.company_a.ids)],
        )
        cls.office.member_ids = [(4, cls.clerk.id)]
        cls.cadre = cls.env["liangze.cadre"].create(
            {"name": "Clerk Li", "unit_id": cls.office.id, "user_id": cls.clerk.id}
        )
        cls.admonishment = cls.env.ref(ADMONISHMENT)

    def _issued(self, tz, name):
        """A case on the clerk approved and its admonishment issued, by officers whose time zone is ``tz``."""
        Case = as_actor(self.env["liangze.accountability.case"], self.supervisor, tz)
        case = Case.create(
            {
                "title": f"Late ledger ({name}, {tz})",
                "unit_id": self.office.id,
                "target_type": "person",
                "grounds": "Signed off a ledger not kept.",
            }
        )
        decision = as_actor(self.env["liangze.accountability.decision"], self.supervisor, tz).create(
            {"case_id": case.id, "cadre_id": self.cadre.id, "unit_id": self.office.id, "responsibility_kind": "direct"}
        )
        case.action_submit()
        as_actor(case, self.supervision_head, tz).validate_tier()
        decision.write({"measure_ids": [(6, 0, self.admonishment.ids)], "reason": "Signed off late."})
        decision.action_issue()
        return decision

    def test_an_appeal_window_and_an_effect_period_end_on_the_day_the_rules_give_whoever_computes_it(self):
        company = self.company_a
        workdays = company._liangze_workdays()
        Appeal = self.env["liangze.accountability.appeal"]
        for tz, name, instant in actor_instants():
            with self.subTest(instant=name, tz=tz):
                day = china_day(instant)
                with freeze_time(instant):
                    decision = self._issued(tz, name)
                # Dated the day of the bureau, with its period counted from that day.
                self.assertEqual(decision.decision_date, day)
                self.assertEqual(decision.effect_until, day + relativedelta(months=6), "six months")
                deadline = decision.execution_deadline
                self.assertEqual(deadline, workdays.next_workday(day + relativedelta(months=1)))
                self.assertTrue(workdays.is_workday(deadline), deadline)
                self.assertRegex(decision.document_number, rf"〔{day.year}〕\d+号$")
                # The appeal period ends on its last day in China, whoever files the appeal.
                last_day = day + relativedelta(months=company.liangze_appeal_months)
                person = as_actor(Appeal, self.clerk, tz)
                with (
                    freeze_time(china_time(last_day + relativedelta(days=1), 0, 10)),
                    self.assertRefused(UserError, f"ended on {last_day:%Y-%m-%d}"),
                ):
                    person.create({"decision_id": decision.id, "reason": "Too late."})
                with freeze_time(china_time(last_day, 23, 30)):
                    appeal = person.create({"decision_id": decision.id, "reason": "On the last evening."})
                self.assertEqual(appeal.filed_on, last_day)
                self.assertEqual(
                    appeal.deadline,
                    workdays.next_workday(last_day + relativedelta(months=company.liangze_appeal_decision_months)),
                )
                # Revoked on the day the head decides, in China (at the same hour of UTC a few days
                # after the filing): the effect period ends at once.
                decided = instant + relativedelta(months=company.liangze_appeal_months, days=3)
                with freeze_time(decided):
                    as_actor(appeal, self.supervision_head, tz).action_revoke("The ledger was kept.")
                self.assertEqual((appeal.decided_on, decision.state), (china_day(decided), "revoked"))
                self.assertFalse(decision.effect_until)

    def test_execution_warnings_turn_on_the_bureaus_days(self):
        """The execution deadline turns red on the bureau's next day, never at the UTC one."""
        Decision = self.env["liangze.accountability.decision"]
        for name, instant in BUREAU_INSTANTS.items():
            with self.subTest(instant=name):
                with freeze_time(instant):
                    decision = self._issued("Asia/Shanghai", name)
                deadline = decision.execution_deadline
                # 23:30 in China on the deadline: still due today; 00:10 the day after: overdue.
                with freeze_time(china_time(deadline, 23, 30)):
                    Decision._cron_refresh_warnings()
                    self.assertIn(decision.warning_level, ("normal", "yellow"))
                with freeze_time(china_time(deadline + relativedelta(days=1), 0, 10)):
                    Decision._cron_refresh_warnings()
                    self.assertEqual(decision.warning_level, "red")
