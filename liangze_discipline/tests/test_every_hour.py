# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64

from dateutil.relativedelta import relativedelta
from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from odoo.addons.liangze_accountability.tests.every_hour import actor_instants, as_actor, china_day, china_time
from odoo.addons.liangze_base.tests.common import BUREAU_INSTANTS
from odoo.addons.liangze_integrity.tests.common import IntegrityCase

INTAKE = "liangze_discipline.group_liangze_intake"
CASE_OFFICER = "liangze_discipline.group_liangze_case_officer"
CASE_MANAGEMENT = "liangze_discipline.group_liangze_case_management"
INBOUND = "liangze_discipline.group_liangze_inbound"
LEADER = "liangze_base.group_liangze_leader"
SERIOUS_WARNING = "liangze_integrity.liangze_sanction_type_party_serious_warning"
PDF = base64.b64encode(b"%PDF-1.4 finding")


@tagged("post_install", "-at_install")
class TestDisciplineAtEveryHour(IntegrityCase):
    """Letters, clues, inquiries, measures, pushed findings and cases at every instant where
    the bureau's day and the UTC day (or the workday and the calendar day) part ways,
    handled by officers in the bureau's time zone or not: today is the bureau's day."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()

        user = cls._user

        cls.intake = user("lz_hour_intake", INTAKE)
        cls.manager = user("lz_hour_manager", CASE_MANAGEMENT)
        cls.officer = user("lz_hour_officer", CASE_OFFICER)
        cls.trial_officer = user("lz_hour_trial_officer", CASE_OFFICER)
        cls.system = user("lz_hour_system", INBOUND)
        cls.secretary = user("lz_hour_secretary", LEADER)
        cls.discipline.member_ids = [
            (4, member.id) for member in (cls.intake, cls.manager, cls.officer, cls.trial_officer)
        ]
        cls.city.head_id = cls.secretary
        cls.person = cls.colleague
        cls.workdays = cls.company_a._liangze_workdays()
        cls.pushed = 0

    # -- helpers -------------------------------------------------------------------------------------
    def _petition(self, user, **values):
        return user.create(
            {
                "channel": "letter",
                "kind": "accusation",
                "named": False,
                "content": "Rents the idle offices to a relative's company below the market price.",
                "concerned_cadre_ids": [(6, 0, self.person.ids)],
                **values,
            }
        )

    def _push(self, tz, **values):
        type(self).pushed += 1
        finding = {
            "source_system": "内控平台",
            "reference": f"NK-HOUR-{self.pushed:04d}",
            "target": "clue",
            "summary": "办公用房出租收入未入账。",
            "unit": "C-OFF",
            "persons": ["Colleague Wang"],
            "attachments": [{"name": "finding.pdf", "datas": PDF.decode()}],
            **values,
        }
        return self.env["liangze.inbound.finding"].browse(
            as_actor(self.env["liangze.inbound.finding"], self.system, tz).push(finding)
        )

    def _assign(self, record, role, users):
        wizard = (
            self.env["liangze.case.assign"]
            .with_user(self.manager)
            .create({"record_ref": f"{record._name},{record.id}", "role": role, "user_ids": [(6, 0, users.ids)]})
        )
        return wizard.action_confirm()

    def _filed_case(self):
        case = (
            self.env["liangze.discipline.case"]
            .with_user(self.officer)
            .create(
                {
                    "title": "Accepting gifts from a supplier",
                    "grounds": "The preliminary verification found gifts accepted.",
                    "concerned_cadre_ids": [(6, 0, self.person.ids)],
                }
            )
        )
        case.action_submit()
        case.with_user(self.supervision_head).validate_tier()
        case.with_user(self.secretary).validate_tier()
        self.assertEqual(case.state, "investigation")
        self._assign(case, "investigation", self.officer)
        return case

    def _measure(self, case, tz, day):
        return as_actor(self.env["liangze.case.measure"], self.officer, tz).create(
            {"case_id": case.id, "kind": "talk", "description": "Talk with the supplier's manager.", "date": day}
        )

    def _issued(self):
        """A case filed, investigated, tried and decided (a serious party warning), now."""
        case = self._filed_case()
        measure = self._measure(case, "Asia/Shanghai", self.env["base"]._bureau_today())
        measure.with_user(self.supervision_head).action_approve()
        measure.with_user(self.manager).action_file()
        case.with_user(self.officer).investigation_report = "<p>Gifts of 20,000 yuan accepted.</p>"
        case.with_user(self.officer).action_submit_trial()
        self._assign(case, "trial", self.trial_officer)
        tried = case.with_user(self.trial_officer)
        tried.action_check_file()
        tried.write({"trial_report": "<p>The facts are clear.</p>", "proposed_decision": "Serious party warning."})
        tried.action_conclude_trial()
        decision = case.sudo().decision_ids.with_user(self.officer)
        decision.write({"party_type_id": self.env.ref(SERIOUS_WARNING).id, "facts": "Accepted gifts."})
        decision.with_user(self.supervision_head).action_issue()
        return decision

    # -- named: issue #19 -----------------------------------------------------------------------------
    def test_a_petition_or_a_clue_received_today_in_china_at_20_30_utc_is_accepted_tomorrow_is_refused(self):
        """At every instant (20:30 UTC among them: 04:30 the next day in China), whoever
        records it: what happened today in China is accepted, tomorrow is refused."""
        with freeze_time(min(BUREAU_INSTANTS.values())):
            case = self._filed_case()
        for tz, name, instant in actor_instants():
            with self.subTest(instant=name, tz=tz), freeze_time(instant):
                today = china_day(instant)
                tomorrow = today + relativedelta(days=1)
                # A letter or report: received today, by default or as typed in; not tomorrow.
                intake = as_actor(self.env["liangze.petition"], self.intake, tz)
                self.assertEqual(self._petition(intake).received_on, today)
                self.assertEqual(self._petition(intake, received_on=today).received_on, today)
                with self.assertRefused(ValidationError, "not received in the future"):
                    self._petition(intake, received_on=tomorrow)
                # A clue: registered today, reviewed collectively today, not tomorrow.
                clue = as_actor(self.env["liangze.clue"], self.manager, tz).create(
                    {
                        "summary": f"Gifts from a contractor ({name}).",
                        "concerned_cadre_ids": [(6, 0, self.person.ids)],
                        "unit_id": self.office.id,
                        "source": "report",
                    }
                )
                self.assertEqual(clue.received_on, today)
                clue.write({"proposed_handler_id": self.officer.id})
                clue.action_propose_assignment()
                as_actor(clue, self.supervision_head, tz).action_approve_assignment()
                officer = as_actor(clue, self.officer, tz)
                review = {
                    "attendee_ids": [(6, 0, (self.officer | self.manager | self.supervision_head).ids)],
                    "proposed_way": "talk_inquiry",
                    "inquiry_kind": "talk",
                    "review_note": "Studied collectively.",
                }
                with self.assertRefused(ValidationError, "cannot be dated in the future"):
                    officer.write(dict(review, review_date=tomorrow))
                officer.write(dict(review, review_date=today))
                officer.action_submit_disposal()
                as_actor(clue, self.supervision_head, tz).validate_tier()
                self.assertEqual(clue.disposed_on, today)
                # Its inquiry: the talk held today is recorded, tomorrow's is not.
                inquiry = as_actor(clue.inquiry_ids, self.officer, tz)
                inquiry.write({"plan": "Talk with the office head."})
                inquiry.action_submit_plan()
                as_actor(inquiry, self.supervision_head, tz).action_approve_plan()
                with self.assertRefused(ValidationError, "before it is held"):
                    inquiry.write({"talk_date": tomorrow})
                inquiry.write({"talk_date": today, "talk_minutes": "<p>Explained.</p>"})
                inquiry.action_record_talk()
                # A measure of the case: taken today is recorded, tomorrow is not.
                self.assertEqual(self._measure(case, tz, today).date, today)
                with self.assertRefused(UserError, "once it was taken"):
                    self._measure(case, tz, tomorrow)
                # A pushed finding: a clue received today; a rectification due today is refused.
                self.assertEqual(self._push(tz).clue_id.received_on, today)
                with self.assertRefused(ValidationError, "is not a date after today"):
                    self._push(tz, target="rectification", title="归档不及时", persons=[], due_date=str(today))
                finding = self._push(tz, target="rectification", title="归档不及时", persons=[], due_date=str(tomorrow))
                self.assertEqual(finding.rectification_id.problem_ids.due_date, tomorrow)

    # -- the matrix -------------------------------------------------------------------------------------
    def test_a_clue_is_disposed_of_within_a_month_ending_on_a_workday(self):
        Clue = self.env["liangze.clue"]
        for name, instant in BUREAU_INSTANTS.items():
            with self.subTest(instant=name):
                day = china_day(instant)
                with freeze_time(instant):
                    clue = Clue.with_user(self.manager).create(
                        {
                            "summary": f"Gifts ({name}).",
                            "concerned_cadre_ids": [(6, 0, self.person.ids)],
                            "unit_id": self.office.id,
                            "source": "report",
                        }
                    )
                deadline = clue.disposal_deadline
                self.assertEqual(deadline, self.workdays.next_workday(day + relativedelta(months=1)))
                self.assertTrue(self.workdays.is_workday(deadline), deadline)
                # Every day between the month's end and the deadline is a day off.
                month_end = day + relativedelta(months=1)
                between = [month_end + relativedelta(days=n) for n in range((deadline - month_end).days)]
                self.assertFalse([d for d in between if self.workdays.is_workday(d)])
                with freeze_time(china_time(deadline, 23, 30)):
                    Clue._cron_refresh_warnings()
                    self.assertNotEqual(clue.warning_level, "red", "due today is not overdue")
                with freeze_time(china_time(deadline + relativedelta(days=1), 0, 10)):
                    Clue._cron_refresh_warnings()
                    self.assertEqual(clue.warning_level, "red")

    def test_a_decisions_time_limits_and_appeal_window_are_the_bureaus(self):
        company = self.company_a
        Appeal = self.env["liangze.discipline.appeal"]
        for name, instant in BUREAU_INSTANTS.items():
            with self.subTest(instant=name), freeze_time(instant):
                day = china_day(instant)
                decision = self._issued()
                self.assertEqual(decision.decision_date, day)
                self.assertRegex(decision.decision_number, rf"〔{day.year}〕\d+号$")
                months = relativedelta(months=company.liangze_sanction_execution_months)
                self.assertEqual(decision.execution_deadline, self.workdays.next_workday(day + months))
                months = relativedelta(months=company.liangze_sanction_report_months)
                self.assertEqual(decision.report_deadline, self.workdays.next_workday(day + months))
                sanction = decision.sudo().sanction_ids
                self.assertEqual((sanction.decision_date, sanction.recorded_on), (day, day))
                self.assertEqual(sanction.effect_until, day + relativedelta(months=18))
                last_day = day + relativedelta(months=company.liangze_discipline_appeal_months)
                with (
                    freeze_time(china_time(last_day + relativedelta(days=1), 0, 10)),
                    self.assertRefused(UserError, f"ended on {last_day:%Y-%m-%d}"),
                ):
                    Appeal.with_user(self.manager).create({"decision_id": decision.id, "reason": "Late."})
                with freeze_time(china_time(last_day, 23, 30)):
                    appeal = Appeal.with_user(self.manager).create(
                        {"decision_id": decision.id, "reason": "On the last evening."}
                    )
                self.assertEqual(appeal.filed_on, last_day)
                months = relativedelta(months=company.liangze_discipline_appeal_decision_months)
                self.assertEqual(appeal.deadline, self.workdays.next_workday(last_day + months))
