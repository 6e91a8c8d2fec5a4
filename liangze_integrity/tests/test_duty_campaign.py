# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, datetime, timedelta

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from odoo.addons.liangze_base.models.liangze_record_guard import RecordGuardError
from odoo.addons.liangze_base.tests.common import bureau_user

from .common import IntegrityCase

REPORT = "liangze_integrity.action_report_liangze_duty_results"


@tagged("post_install", "-at_install")
@freeze_time("2026-12-02 09:00:00")
class TestDutyCampaign(IntegrityCase):
    """The 2026 述责述廉 of the city bureau, organised by the discipline group: three
    reporters (the office's director, its deputy, the head of the discipline group),
    five evaluators in two groups (discipline committee 40%, leadership team 60%,
    which also hands in one paper ballot)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()

        def user(login):
            return bureau_user(
                cls.env,
                login=login,
                groups="liangze_base.group_liangze_user",
                company_id=cls.company_a.id,
                company_ids=[(6, 0, cls.company_a.ids)],
            )

        cls.deputy = user("lz_deputy")
        cls.office.member_ids = [(4, cls.deputy.id)]
        cls.evaluators = [user(f"lz_evaluator_{n}") for n in range(1, 6)]
        Cadre = cls.env["liangze.cadre"]
        # The reporters: the office's director (the head), its deputy, the discipline group's head.
        cls.director = cls.colleague
        cls.director.leader_role = "principal_leader"
        cls.deputy_cadre = Cadre.create(
            {"name": "Deputy Sun", "unit_id": cls.office.id, "leader_role": "team_member", "user_id": cls.deputy.id}
        )
        cls.discipline_head = cls.head_cadre
        # Not reporters: staff, and another company's leader.
        Cadre.create({"name": "Outsider Leader", "unit_id": cls.other.id, "leader_role": "principal_leader"})

        # The office's year: twelve monthly ledgers due on the 20th (two accepted on time, one
        # late, eight overdue, December still running), and the deputy's own yearly task.
        monthly = cls._published_item(
            cls.office,
            name="Monthly integrity ledger",
            frequency="monthly",
            deadline_rule="fixed_day",
            deadline_day=20,
            supervising_unit_id=cls.discipline.id,
        )
        tasks = monthly.task_ids.sorted("deadline")
        for task, delay in zip(tasks[:3], (0, -1, 3), strict=True):
            task._guard_sudo().write({"state": "accepted", "accepted_on": task.deadline + timedelta(days=delay)})
        yearly = cls._published_item(
            cls.office,
            name="Talk with every staff member",
            frequency="yearly",
            owner_type="team_member",
            owner_unit_ids=[(5,)],
            owner_user_ids=[(6, 0, cls.deputy.ids)],
        )
        cls.deputy_task = yearly.task_ids
        cls.env["liangze.task"]._cron_refresh_warnings()
        # A reminder letter for the overdue ledgers, and a recommendation letter of three problems.
        cls.env["liangze.reminder.letter"]._cron_reminder_letters()
        reminder = cls.env["liangze.reminder.letter"].search([("unit_id", "=", cls.office.id)])
        reminder.with_user(cls.supervisor).action_issue()
        letter = cls._letter(problems=3, due=date(2027, 1, 31))
        letter.action_issue()
        # The director was summoned to a talk; the deputy was admonished.
        talk = (
            cls.env["liangze.summons.talk"]
            .with_user(cls.supervisor)
            .create(
                {
                    "name": "Talk on the overdue ledgers",
                    "unit_id": cls.office.id,
                    "cadre_ids": [(6, 0, cls.director.ids)],
                    "talk_date": datetime(2026, 11, 10, 9, 0),
                    "talker_ids": [(6, 0, cls.supervisor.ids)],
                    "minutes": "<p>The ledgers are to be caught up.</p>",
                }
            )
        )
        talk.action_held()

    # -- helpers ------------------------------------------------------------------------------
    def _campaign(self, **values):
        """The discipline officer's campaign, its reports requested."""
        Campaign = self.env["liangze.duty.campaign"].with_user(self.supervisor)
        campaign = Campaign.create(
            {
                "name": "2026 duty and integrity reports",
                "year": 2026,
                "report_deadline": "2026-12-10",
                "meeting_date": "2026-12-15 02:00:00",
                "meeting_place": "Meeting room 1",
                **values,
            }
        )
        campaign.action_fill_reporters()
        e1, e2, e3, e4, e5 = self.evaluators
        campaign.write(
            {
                "group_ids": [
                    (0, 0, {"name": "Discipline committee", "weight": 40, "evaluator_ids": [(6, 0, (e1 | e2).ids)]}),
                    (
                        0,
                        0,
                        {
                            "name": "Leadership team",
                            "weight": 60,
                            "evaluator_ids": [(6, 0, (e3 | e4 | e5).ids)],
                            "paper_count": 1,
                        },
                    ),
                ]
            }
        )
        campaign.action_start_reporting()
        return campaign

    def _report(self, campaign, cadre):
        return campaign.report_ids.filtered(lambda r: r.cadre_id == cadre)

    def _open(self, campaign):
        for report in campaign.report_ids:
            report.with_user(self.head if report.unit_id == self.office else self.supervision_head).action_submit()
        campaign.action_open_evaluation()

    def _vote(self, campaign):
        """Every evaluator rates; one paper ballot of the leadership team."""
        e1, e2, e3, e4, e5 = self.evaluators
        director, deputy, chen = (
            self._report(campaign, c) for c in (self.director, self.deputy_cadre, self.discipline_head)
        )
        ballots = {
            director: [(e1, "good"), (e2, "good"), (e3, "good"), (e4, "fairly_good"), (e5, "good")],
            deputy: [(e1, "poor"), (e2, "average"), (e3, "poor"), (e4, "poor"), (e5, "average")],
            # The discipline committee abstains on its own head.
            chen: [(e3, "good"), (e4, "average"), (e5, "poor")],
        }
        for report, votes in ballots.items():
            for evaluator, rating in votes:
                report.with_user(evaluator).action_rate(rating)
        paper = (
            self.env["liangze.duty.paper.ballot"]
            .with_user(self.supervisor)
            .with_context(default_campaign_id=campaign.id)
            .create({"group_id": campaign.group_ids[1].id})
        )
        ratings = {director: "good", deputy: False, chen: "fairly_good"}
        for line in paper.line_ids:
            line.rating = ratings[line.report_id]
        paper.action_enter()
        return director, deputy, chen

    # -- the written reports ---------------------------------------------------------------------
    def test_reports_are_drafted_from_the_system_and_written_by_the_reporter(self):
        campaign = self._campaign()
        self.assertEqual(
            set(campaign.sudo().reporter_ids.mapped("name")), {"Colleague Wang", "Deputy Sun", "Head Chen"}
        )
        self.assertEqual(campaign.state, "reporting")
        director, deputy, chen = (
            self._report(campaign, c) for c in (self.director, self.deputy_cadre, self.discipline_head)
        )
        self.assertEqual(director.deadline, date(2026, 12, 10))
        self.assertEqual(director.yellow_date, date(2026, 12, 7), "three workdays before")
        # The director heads the office: its thirteen tasks, the letters, the talk.
        self.assertIn("In 2026: 13 tasks, 3 done (2 on time, 1 late), 8 overdue (red).", director.body)
        self.assertIn(
            "Reminder letters received: 1; recommendation letters received: 1; problems to rectify: 3, "
            "of which 0 verified and 3 still open.",
            director.body,
        )
        self.assertIn("Summons talks this year: 1.", director.body)
        self.assertIn("Talk on the overdue ledgers", director.body)
        self.assertIn("Accountability decisions this year: 0.", director.body)
        self.assertIn("No published assessment result this year.", director.body)
        # The deputy: the task they own.
        self.assertIn("In 2026: 1 tasks, 0 done (0 on time, 0 late), 0 overdue (red).", deputy.body)
        self.assertIn("In 2026: 0 tasks", chen.body)
        # Asked to write it: the reporter, and the unit's head for the deputy.
        self.assertIn(self.head.partner_id, director.message_ids.partner_ids)
        self.assertEqual(deputy.message_ids.partner_ids, self.deputy.partner_id | self.head.partner_id)
        # Followed by the reporter alone; the organiser who requested them does not follow.
        self.assertEqual(director.message_partner_ids, self.head.partner_id)
        self.assertEqual(deputy.message_partner_ids, self.deputy.partner_id)
        director.with_user(self.supervisor).message_subscribe(partner_ids=self.supervisor.partner_id.ids)
        deputy.with_user(self.head).message_post(
            body="Draft ready", message_type="comment", subtype_xmlid="mail.mt_comment"
        )
        self.assertEqual(director.message_partner_ids, self.head.partner_id)
        self.assertEqual(deputy.message_partner_ids, self.deputy.partner_id, "the head who wrote is not a follower")

        # The reporter edits and submits; the unit's head submits for the deputy; nobody else writes.
        director.with_user(self.head).body = "<p>My report.</p>"
        with self.assertRefused(AccessError, "Only Deputy Sun or their unit"):
            deputy.with_user(self.evaluators[0]).action_submit()
        self.assertFalse(self._found("liangze.duty.report", self.evaluators[0]), "not before the evaluation opens")
        with self.assertRefused(AccessError, "Only the text"):
            director.with_user(self.head).write({"submitted_on": "2026-12-01"})
        director.with_user(self.head).action_submit()
        deputy.with_user(self.head).action_submit()
        self.assertEqual(
            (director.state, director.submitted_by_id, director.warning_level), ("submitted", self.head, "done_on_time")
        )
        self.assertEqual(deputy.submitted_by_id, self.head)
        with self.assertRefused(RecordGuardError, "Written Report of .* is written only while it is Being Written"):
            director.with_user(self.head).body = "<p>Changed after submission.</p>"
        # The organiser gives it back to correct.
        director.with_user(self.supervisor).action_reopen()
        self.assertEqual(director.state, "draft")

    def test_deadline_warns_the_reporter(self):
        campaign = self._campaign()
        chen = self._report(campaign, self.discipline_head)
        with freeze_time("2026-12-08"):
            sent = self.env["liangze.duty.report"]._cron_refresh_warnings()
        self.assertIn(chen, sent["yellow"])
        self.assertEqual(chen.activity_ids.user_id, self.supervision_head)
        with freeze_time("2026-12-11"):
            sent = self.env["liangze.duty.report"]._cron_refresh_warnings()
            self.assertEqual(chen.warning_level, "red")
            chen.with_user(self.supervision_head).action_submit()
        self.assertEqual(chen.warning_level, "done_late")

    # -- the evaluation ---------------------------------------------------------------------------
    def test_anonymous_evaluation_results_flags_and_files(self):
        campaign = self._campaign()
        e1, e2, e3, e4, e5 = self.evaluators
        director = self._report(campaign, self.director)
        with self.assertRefused(UserError, "not open yet"):
            director.with_user(e1).action_rate("good")
        campaign.group_ids[0].weight = 30
        with self.assertRefused(UserError, "total 100"):
            campaign.action_open_evaluation()
        campaign.group_ids[0].weight = 40
        self._open(campaign)
        self.assertEqual(campaign.state, "evaluating")
        with self.assertGuarded("liangze.duty.campaign", "points_good") as caught:
            campaign.write({"points_good": 90})
        self.assertRegex(str(caught.exception), "is written only while it is Draft / ")
        with self.assertRefused(UserError, "left its first state|fixed"):
            campaign.group_ids[0].write({"weight": 50})

        # The evaluator's screen lists what they still rate; the report is theirs to read now.
        to_rate = self.env["liangze.duty.report"].with_user(e1).search([("to_rate_by_me", "=", True)])
        self.assertEqual(to_rate, campaign.report_ids)
        self.assertIn("In 2026: 13 tasks", director.with_user(e1).body)
        director, deputy, chen = self._vote(campaign)
        self.assertFalse(self.env["liangze.duty.report"].with_user(e3).search([("to_rate_by_me", "=", True)]))
        self.assertEqual(
            self.env["liangze.duty.report"].with_user(e1).search([("to_rate_by_me", "=", True)]), chen, "abstained"
        )

        # Refused: a second ballot, a rating off the scale, a non-evaluator, a paper ballot too many.
        with self.assertRefused(UserError, "already rated this report"):
            director.with_user(e1).action_rate("fairly_good")
        with self.assertRefused(UserError, "not on the campaign's scale"):
            chen.with_user(e1).action_rate("excellent")
        with self.assertRefused(UserError, "not on the campaign's scale"):
            chen.with_user(e1).action_rate(95)
        with self.assertRefused(AccessError, "not an evaluator"):
            chen.with_user(self.supervisor).action_rate("good")
        paper = (
            self.env["liangze.duty.paper.ballot"]
            .with_user(self.supervisor)
            .with_context(default_campaign_id=campaign.id)
            .create({"group_id": campaign.group_ids[1].id})
        )
        paper.line_ids.filtered(lambda line: line.report_id == director).rating = "poor"
        with self.assertRefused(UserError, "cast all its ballots"):
            paper.action_enter()
        with self.assertRefused(UserError, "Votes are recorded by casting"):
            self.env["liangze.duty.vote"].with_user(self.supervisor).create(
                {
                    "campaign_id": campaign.id,
                    "report_id": chen.id,
                    "group_id": campaign.group_ids[0].id,
                    "evaluator_id": e1.id,
                }
            )

        # Anonymous: the system knows who voted, never what. Nothing left of the rating screens.
        Vote, Ballot = self.env["liangze.duty.vote"].sudo(), self.env["liangze.duty.ballot"].sudo()
        self.assertEqual(len(Vote.search([("report_id", "=", director.id)])), 6)
        self.assertEqual(
            Vote.search([("report_id", "=", director.id), ("paper", "=", True)]).evaluator_id, self.env["res.users"]
        )
        self.assertEqual(len(Ballot.search([("report_id", "=", director.id)])), 6)
        for name in ("create_uid", "create_date", "write_uid", "write_date"):
            self.assertNotIn(name, Ballot._fields, f"a ballot has no {name}")
        self.assertFalse([f for f in Ballot._fields.values() if f.type == "many2one" and f.comodel_name == "res.users"])
        self.assertFalse({"rating", "score"} & set(Vote._fields), "a vote has no rating")
        self.assertFalse(self.env["liangze.duty.rating"].sudo().search([]), "the rating screens are gone")
        self.assertFalse(
            self.env["liangze.duty.paper.ballot"]
            .sudo()
            .search([("campaign_id", "=", campaign.id), ("id", "!=", paper.id)])
        )
        self.assertEqual(Vote.with_user(e1).search([]).report_id, director | self._report(campaign, self.deputy_cadre))
        with self.assertRaises(AccessError):
            Vote.with_user(e1).browse(Vote.search([("evaluator_id", "=", e2.id)], limit=1).id).read(["report_id"])

        # Nobody reads a ballot, by any channel; no result before the ballots close.
        nobody = (
            self.supervisor,
            self.supervision_head,
            e1,
            self.head,
            self.deputy,
            self.leader,
            self.admin,
            self.outsider,
        )
        any_ballot = Ballot.search([], limit=1)
        for user in nobody:
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    self.env["liangze.duty.ballot"].with_user(user).search([])
                with self.assertRaises(AccessError):
                    any_ballot.with_user(user).read(["rating"])
                with self.assertRaises(AccessError):
                    self.env["liangze.duty.ballot"].with_user(user).search_read([], ["rating", "report_id"])
                with self.assertRaises(AccessError):
                    self.env["liangze.duty.ballot"].with_user(user).formatted_read_group([], ["rating"], ["__count"])
                with self.assertRaises(UserError):  # AccessError, or no right to export
                    any_ballot.with_user(user).export_data(["rating", "report_id"])
                self.assertFalse(self._found("liangze.duty.result", user), "no result before closing")
        self.assertFalse(
            self.env["ir.attachment"]
            .sudo()
            .search([("res_model", "in", ("liangze.duty.ballot", "liangze.duty.result"))])
        )

        # Closed: no ballot ever after; the results as configured.
        campaign.action_close()
        with self.assertRefused(UserError, "The evaluation is closed"):
            chen.with_user(e1).action_rate("good")
        Result = self.env["liangze.duty.result"].with_user(self.supervisor)
        results = {r.report_id: r for r in Result.search([("campaign_id", "=", campaign.id)])}
        self.assertEqual(len(results), 3)
        first, second, third = results[director], results[chen], results[deputy]
        # Director: committee 100 + 100, team 100, 85, 100, paper 100 → (100 × 40 + 96.25 × 60) / 100.
        self.assertEqual(
            (first.good_count, first.fairly_good_count, first.average_count, first.poor_count, first.ballot_count),
            (5, 1, 0, 0, 6),
        )
        self.assertAlmostEqual(first.weighted_score, 97.75)
        self.assertFalse(first.flagged)
        self.assertEqual(first.rank, 1)
        self.assertEqual(first.summary, "Good 5、Fairly good 1、Average 0、Poor 0; weighted score 97.75")
        # Head Chen: only the team voted: its average alone, 76.25; one Poor of four is not a third.
        self.assertAlmostEqual(second.weighted_score, 76.25)
        self.assertEqual((second.ballot_count, second.poor_share, second.flagged, second.rank), (4, 25.0, False, 2))
        # Deputy: committee (50 + 70) / 2 = 60, team (50 + 50 + 70) / 3; Poor 3 of 5: flagged.
        self.assertAlmostEqual(third.weighted_score, 58.0)
        self.assertEqual((third.poor_count, third.poor_share, third.flagged), (3, 60.0, True))
        self.assertEqual(third.flag_text, "Reminder talk or admonishment; no excellent rating this year")
        self.assertIn("Discipline committee: 60.0", third.group_scores)

        # Closed, not published: the organisers only.
        for user in (self.head, self.deputy, e1, self.leader, self.admin, self.outsider):
            with self.subTest(user=user.login):
                self.assertFalse(self._found("liangze.duty.result", user))
                with self.assertRaises(AccessError):
                    first.with_user(user).read(["weighted_score"])
                with self.assertRaises(UserError):
                    first.with_user(user).export_data(["weighted_score"])
        self.assertFalse(
            self.env["liangze.integrity.entry"]
            .sudo()
            .search(
                [
                    ("section", "=", "duty_report"),
                    ("source_model", "=", "liangze.duty.result"),
                    ("source_id", "in", (first | second | third).ids),
                ]
            )
        )

        # Published: the reporter reads their own, the leaders in scope all; the files record them.
        campaign.action_publish()
        self.assertEqual(self._found("liangze.duty.result", self.head), first)
        self.assertEqual(self._found("liangze.duty.result", self.deputy), third)
        self.assertEqual(len(self._found("liangze.duty.result", self.leader)), 3)
        for user in (e1, e3, self.outsider, self.member):
            with self.subTest(user=user.login):
                self.assertFalse(self._found("liangze.duty.result", user))
                with self.assertRaises(AccessError):
                    third.with_user(user).read(["weighted_score", "flagged"])
        with self.assertRaises(AccessError):
            third.with_user(self.head).read(["weighted_score"])
        Entry = self.env["liangze.integrity.entry"].sudo()
        entry = Entry.search([("section", "=", "duty_report"), ("cadre_id", "=", self.deputy_cadre.id)])
        self.assertEqual((entry.source_model, entry.source_id, entry.year), ("liangze.duty.result", third.id, 2026))
        self.assertEqual(entry.result, third.summary)
        self.assertIn("Poor 3", entry.result)
        self.assertEqual(entry.summary, "Reminder talk or admonishment; no excellent rating this year")
        self.assertEqual(
            len(Entry.search([("section", "=", "duty_report"), ("source_id", "in", (first | second | third).ids)])), 3
        )
        self.assertIn(entry, self.env["liangze.integrity.entry"].with_user(self.supervisor).search([]))

        # No rating reaches a chatter, a follower list or an attachment.
        messages = (
            self.env["mail.message"]
            .sudo()
            .search(
                [
                    ("model", "in", ("liangze.duty.report", "liangze.duty.campaign")),
                    ("res_id", "in", campaign.ids + campaign.report_ids.ids),
                ]
            )
        )
        self.assertTrue(messages.filtered(lambda m: "are published" in (m.body or "")))
        for message in messages:
            for text in ("97.75", "58.0", "76.25", "weighted", "Poor 3"):
                self.assertNotIn(text, message.body or "")
        self.assertFalse(
            self.env["mail.message"]
            .sudo()
            .search([("model", "in", ("liangze.duty.ballot", "liangze.duty.result", "liangze.duty.vote"))])
        )
        self.assertEqual(deputy.message_partner_ids, self.deputy.partner_id)
        self.assertFalse(
            self.env["mail.followers"]
            .sudo()
            .search(
                [
                    ("res_model", "=", "liangze.duty.report"),
                    ("partner_id", "in", [u.partner_id.id for u in self.evaluators]),
                ]
            )
        )

    def test_summary_table_is_printed_for_those_who_read_every_result(self):
        campaign = self._campaign()
        self._open(campaign)
        self._vote(campaign)
        Report = self.env["ir.actions.report"]
        with self.assertRefused(UserError, "once the evaluation is closed"):
            Report.with_user(self.supervisor)._render_qweb_html(REPORT, campaign.ids)
        campaign.action_close()
        html = Report.with_user(self.supervisor)._render_qweb_html(REPORT, campaign.ids)[0].decode()
        for text in (
            "Discipline Group",
            "Summary of the evaluation",
            "Colleague Wang",
            "97.75",
            "58.00",
            "NOT PUBLISHED",
        ):
            self.assertIn(text, html)
        self.assertIn("Reminder talk or admonishment", html)
        for user in (self.head, self.evaluators[0], self.leader, self.outsider):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                Report.with_user(user)._render_qweb_html(REPORT, campaign.ids)
        campaign.action_publish()
        html = Report.with_user(self.leader)._render_qweb_html(REPORT, campaign.ids)[0].decode()
        self.assertIn("Deputy Sun", html)
        self.assertNotIn("NOT PUBLISHED", html)
        for user in (self.head, self.evaluators[0], self.outsider):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                Report.with_user(user)._render_qweb_html(REPORT, campaign.ids)
        with self.allow_pdf_render():
            pdf = (
                Report.with_context(force_report_rendering=True)
                .with_user(self.supervisor)
                ._render_qweb_pdf(REPORT, campaign.ids)[0]
            )
        self.assertTrue(pdf.startswith(b"%PDF"))
        self.assertFalse(
            self.env["ir.attachment"]
            .sudo()
            .search([("res_model", "=", "liangze.duty.campaign"), ("res_id", "=", campaign.id)]),
            "the printed results are not stored",
        )

    def test_score_scale_and_own_report(self):
        campaign = self._campaign(scale="score", flag_score_below=80)
        e1, e2, e3, e4 = self.evaluators[:4]
        # The director is an evaluator too, in the leadership team; never of their own report.
        campaign.group_ids[1].evaluator_ids = [(4, self.head.id)]
        self._open(campaign)
        director, deputy = self._report(campaign, self.director), self._report(campaign, self.deputy_cadre)
        with self.assertRefused(UserError, "Nobody rates their own report"):
            director.with_user(self.head).action_rate(90)
        self.assertNotIn(
            director, self.env["liangze.duty.report"].with_user(self.head).search([("to_rate_by_me", "=", True)])
        )
        with self.assertRefused(UserError, "not on the campaign's scale"):
            director.with_user(e1).action_rate("good")
        with self.assertRefused(UserError, "not on the campaign's scale"):
            director.with_user(e1).action_rate(101)
        # On the screen: the score, then the screen is gone.
        wizard = self.env["liangze.duty.rating"].with_user(e1).create({"report_id": director.id, "score": 90})
        self.assertEqual(wizard.reporter_name, "Colleague Wang")
        wizard.action_score()
        self.assertFalse(wizard.exists())
        director.with_user(e2).action_rate(90)
        director.with_user(e3).action_rate(70)
        director.with_user(e4).action_rate(80)
        deputy.with_user(self.head).action_rate(75)
        campaign.action_close()
        results = self.env["liangze.duty.result"].sudo().search([("campaign_id", "=", campaign.id)])
        by_report = {r.report_id: r for r in results}
        # Committee 90; team (80 + 70) / 2 = 75 → (90 × 40 + 75 × 60) / 100 = 81.
        self.assertAlmostEqual(by_report[director].weighted_score, 81.0)
        self.assertFalse(by_report[director].flagged)
        self.assertAlmostEqual(by_report[deputy].weighted_score, 75.0)
        self.assertTrue(by_report[deputy].flagged, "below the campaign's 80")
        self.assertEqual(
            by_report[deputy].summary,
            "1 ballots; weighted score 75.0 — Reminder talk or admonishment; no excellent rating this year",
        )

    def test_only_the_body_organises(self):
        Campaign = self.env["liangze.duty.campaign"]
        for user in (self.head, self.leader, self.member):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                Campaign.with_user(user).create({"name": "Mine", "year": 2026, "body_unit_id": self.discipline.id})
        campaign = self._campaign()
        for user in (self.head, self.leader, self.evaluators[0]):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                campaign.with_user(user).action_open_evaluation()
        with self.assertRefused(AccessError, "left its first state|own actions"):
            campaign.write({"scale": "score"})
        with self.assertRefused(UserError, "stays on record|went out"):
            campaign.unlink()
        with self.assertRefused(AccessError, "set by the product's own actions"):
            campaign.write({"state": "closed"})
        # Readers: the reporters and the leaders in scope see the campaign, not its groups.
        self.assertEqual(self._found("liangze.duty.campaign", self.head), campaign)
        self.assertEqual(self._found("liangze.duty.campaign", self.leader), campaign)
        self.assertFalse(self._found("liangze.duty.campaign", self.outsider))
        self.assertFalse(self._found("liangze.duty.evaluator.group", self.head))
        with self.assertRaises(AccessError):
            campaign.with_user(self.head).read(["group_ids"])

    def test_screens_open_for_each_role(self):
        """The forms each role opens load with what the role may read, and the wizards work as screens."""
        campaign = self._campaign()
        director = self._report(campaign, self.director)
        for user in (self.supervisor, self.head, self.leader):
            with self.subTest(user=user.login):
                Form(campaign.with_user(user))
        for user in (self.supervisor, self.head, self.deputy, self.leader):
            with self.subTest(user=user.login):
                Form(director.with_user(user))
        self._open(campaign)
        e1 = self.evaluators[0]
        Form(director.with_user(e1))
        self.assertEqual(
            self.env["liangze.duty.report"].with_user(e1).name_search("Colleague"),
            [(director.id, director.display_title)],
        )
        self.env["liangze.duty.report"].with_user(e1).get_views([(False, "kanban")])
        action = director.with_user(e1).action_open_rating()
        with Form(self.env[action["res_model"]].with_user(e1).with_context(**action["context"])) as screen:
            self.assertEqual(screen.reporter_name, "Colleague Wang")
            self.assertIn("13 tasks", screen.body)
        screen.record.action_fairly_good()
        self.assertEqual(
            self.env["liangze.duty.vote"].sudo().search([("evaluator_id", "=", e1.id)]).report_id, director
        )
        action = campaign.action_paper_ballot()
        paper = Form(self.env[action["res_model"]].with_user(self.supervisor).with_context(**action["context"]))
        paper.group_id = campaign.group_ids[0]
        self.assertEqual(len(paper.line_ids), 3)
        with paper.line_ids.edit(0) as line:
            line.rating = "good"
        paper.save().action_enter()
        self.assertEqual(
            self.env["liangze.duty.vote"]
            .sudo()
            .search_count([("paper", "=", True), ("campaign_id", "=", campaign.id)]),
            1,
        )
        campaign.action_close()
        campaign.action_publish()
        result = self.env["liangze.duty.result"].with_user(self.head).search([])
        Form(result.with_user(self.head))
        Form(result.with_user(self.leader))
