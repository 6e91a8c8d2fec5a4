# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta
from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.liangze_accountability.tests.every_hour import actor_instants, as_actor, china_day, china_time
from odoo.addons.liangze_base.tests.common import BUREAU_INSTANTS, bureau_user

from .common import IntegrityCase

PARTY_WARNING = "liangze_integrity.liangze_sanction_type_party_warning"


@tagged("post_install", "-at_install")
class TestIntegrityAtEveryHour(IntegrityCase):
    """Talks, sanctions, opinion requests and duty campaigns at every instant where the
    bureau's day and the UTC day (or the workday and the calendar day) part ways, done
    by officers in the bureau's time zone or not: each date is the bureau's."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.personnel = cls.env["liangze.unit"].create(
            {"name": "Personnel", "code": "C-PER", "parent_id": cls.city.id, "company_id": cls.company_a.id}
        )
        cls.organiser = bureau_user(
            cls.env,
            login="lz_hour_organiser",
            groups="liangze_integrity.group_liangze_organisation",
            company_id=cls.company_a.id,
            company_ids=[(6, 0, cls.company_a.ids)],
        )
        cls.personnel.member_ids = cls.organiser
        cls.colleague.leader_role = "principal_leader"
        cls.workdays = cls.company_a._liangze_workdays()

    def _cadre(self, name):
        return self.env["liangze.cadre"].create({"name": name, "unit_id": self.office.id, "post": "Clerk"})

    # -- named: issue #19 -----------------------------------------------------------------------------
    def test_a_summons_talk_held_at_07_00_in_china_is_filed_on_that_day(self):
        """07:00 in China is 23:00 UTC the day before: the file says the day of China."""
        File = self.env["liangze.integrity.file"]
        for tz, name, instant in actor_instants():
            with self.subTest(instant=name, tz=tz):
                today = china_day(instant)
                held = today if china_time(today, 7) <= instant else today - relativedelta(days=1)
                cadre = self._cadre(f"Summoned {name} {tz}")
                with freeze_time(instant):
                    talk = as_actor(self.env["liangze.summons.talk"], self.supervisor, tz).create(
                        {
                            "name": f"Summons talk ({name})",
                            "unit_id": self.office.id,
                            "cadre_ids": [(6, 0, cadre.ids)],
                            "reason": "Risk check copied from last year.",
                            "talk_date": china_time(held, 7),
                            "talker_ids": [(6, 0, self.supervision_head.ids)],
                            "minutes": "<p>Undertook to redo the check.</p>",
                        }
                    )
                    talk.action_held()
                self.assertEqual(talk.held_on, today, "recorded as held on the bureau's day")
                entry = File._for_cadres(cadre).with_user(self.supervisor).talk_ids
                self.assertEqual((entry.entry_date, entry.year), (held, held.year), "the day of the talk")

    def test_an_effect_period_ends_on_the_day_the_rules_give_whoever_computes_it(self):
        """A party warning decided and recorded at each instant runs twelve months: the
        opinions drafted on its last day in China veto, those of the next day do not."""
        number = 0
        for tz, name, instant in actor_instants():
            with self.subTest(instant=name, tz=tz):
                day = china_day(instant)
                number += 1
                cadre = self._cadre(f"Warned {name} {tz}")
                officer = as_actor(self.env["liangze.sanction"], self.supervisor, tz)
                with freeze_time(instant):
                    sanction = officer.create(
                        {
                            "file_id": self.env["liangze.integrity.file"]._for_cadres(cadre).id,
                            "type_id": self.env.ref(PARTY_WARNING).id,
                            "decision_date": day,
                            "decision_number": f"C纪〔{day.year}〕{number}号",
                        }
                    )
                    sanction.action_record()
                self.assertEqual(sanction.recorded_on, day)
                last_day = day + relativedelta(months=12)
                self.assertEqual(sanction.effect_until, last_day)
                self.assertTrue(sanction._runs_on(day))
                opinions = {}
                for label, moment in (
                    ("last evening", china_time(last_day, 23, 30)),
                    ("next morning", china_time(last_day + relativedelta(days=1), 0, 10)),
                ):
                    with freeze_time(moment):
                        request = as_actor(self.env["liangze.opinion.request"], self.organiser, tz).create(
                            {
                                "title": f"Selection ({name}, {label})",
                                "purpose": "selection",
                                "opinion_ids": [(0, 0, {"cadre_id": cadre.id})],
                            }
                        )
                        request.action_submit()
                        as_actor(request, self.supervisor, tz).action_draft_opinions()
                    opinions[label] = request.sudo().opinion_ids.opinion
                self.assertEqual(opinions, {"last evening": "veto", "next morning": "clear"})

    # -- the matrix -------------------------------------------------------------------------------------
    def test_an_opinion_request_is_answered_within_workdays_of_the_bureau(self):
        for name, instant in BUREAU_INSTANTS.items():
            with self.subTest(instant=name):
                day = china_day(instant)
                cadre = self._cadre(f"Candidate {name}")
                with freeze_time(instant):
                    request = (
                        self.env["liangze.opinion.request"]
                        .with_user(self.organiser)
                        .create(
                            {
                                "title": f"Commendations ({name})",
                                "purpose": "commendation",
                                "opinion_ids": [(0, 0, {"cadre_id": cadre.id})],
                            }
                        )
                    )
                    request.action_submit()
                    self.assertEqual(request.requested_on, day)
                    deadline = self.workdays.add_workdays(day, request.reply_workdays)
                    self.assertEqual(request.reply_deadline, deadline)
                    self.assertEqual(self.workdays.workdays_between(day, deadline), request.reply_workdays)
                    self.assertTrue(self.workdays.is_workday(deadline))
                    officer = request.with_user(self.supervisor)
                    officer.action_draft_opinions()
                    officer.opinion_ids.action_sign()
                    self.assertEqual(officer.opinion_ids.checked_on, day)
                    officer.action_request_approval()
                    request.with_user(self.supervision_head).validate_tier()
                    officer.action_reply()
                self.assertEqual((request.replied_on, request.reply_days), (day, 0))
                self.assertRegex(request.reply_number, rf"〔{day.year}〕\d+号$")
                # Another request, left unanswered: due on its deadline, overdue from the next day in China.
                with freeze_time(instant):
                    late = (
                        self.env["liangze.opinion.request"]
                        .with_user(self.organiser)
                        .create(
                            {
                                "title": f"Selection ({name})",
                                "purpose": "selection",
                                "opinion_ids": [(0, 0, {"cadre_id": cadre.id})],
                            }
                        )
                    )
                    late.action_submit()
                Request = self.env["liangze.opinion.request"]
                with freeze_time(china_time(deadline, 23, 30)):
                    Request._cron_refresh_warnings()
                    self.assertIn(late.warning_level, ("normal", "yellow"))
                with freeze_time(china_time(deadline + relativedelta(days=1), 0, 10)):
                    Request._cron_refresh_warnings()
                    self.assertEqual(late.warning_level, "red")

    def test_a_duty_campaign_takes_reports_due_today_not_yesterday(self):
        """Whoever organises it: the deadline is today or later in China, the campaign of the bureau's year."""
        for tz, name, instant in actor_instants():
            with self.subTest(instant=name, tz=tz), freeze_time(instant):
                day = china_day(instant)
                Campaign = as_actor(self.env["liangze.duty.campaign"], self.supervisor, tz)
                campaign = Campaign.create(
                    {
                        "name": f"Duty reports ({name}, {tz})",
                        "scope_unit_ids": [(6, 0, self.office.ids)],
                        "report_deadline": day - relativedelta(days=1),
                    }
                )
                self.assertEqual(campaign.year, day.year, "the campaign of the bureau's year")
                campaign.action_fill_reporters()
                with self.assertRefused(UserError, "today or later"):
                    campaign.action_start_reporting()
                campaign.report_deadline = day
                campaign.action_start_reporting()
                self.assertEqual(campaign.state, "reporting")
                report = campaign.report_ids.filtered(lambda r: r.cadre_id == self.colleague)
                self.assertEqual(report.deadline, day)
                self.assertNotEqual(report.warning_level, "red", "due today is not overdue")
