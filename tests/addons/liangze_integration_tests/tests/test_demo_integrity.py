# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, time

from dateutil.relativedelta import relativedelta
from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tests.common import TransactionCase

from odoo.addons.liangze_accountability.tests.every_hour import china_day
from odoo.addons.liangze_base.tests.common import BUREAU_INSTANTS


@tagged("post_install", "-at_install", "liangze_demo")
class TestDemoIntegrity(TransactionCase):
    """The demo bureau's integrity files, as its discipline officers find them."""

    def setUp(self):
        super().setUp()
        if not self.env.ref("liangze_integrity.liangze_cadre_relative_demo_zhangwei_spouse", raise_if_not_found=False):
            self.skipTest("demo data not loaded")
        self.wujun = self.env.ref("liangze_accountability.liangze_cadre_demo_wujun")
        self.today = self.env["base"]._bureau_today()
        self.users = {
            login: self.env["res.users"].search([("login", "=", login)])
            for login in ("liming", "wangfang", "zhangwei", "zhaomin", "chengang", "zhoujing", "liuyang")
        }

    def test_the_officer_keeps_every_file_but_her_own_and_her_spouses(self):
        File = self.env["liangze.integrity.file"]
        county = File.search([("cadre_id.company_id", "=", self.wujun.company_id.id)])
        seen = File.with_user(self.users["zhaomin"]).search([])
        own = File.search([("cadre_id.user_id", "=", self.users["zhaomin"].id)])
        spouse = File.search([("cadre_id", "=", self.wujun.id)])
        self.assertEqual(seen, county - own - spouse)
        self.assertEqual(set(seen.keeper_id.mapped("login")), {"zhaomin"})
        self.assertEqual(spouse.keeper_id, self.users["chengang"], "the head keeps what she may not read")
        self.assertIn(spouse, File.with_user(self.users["chengang"]).search([]))
        for login in ("liming", "wangfang", "zhangwei", "liuyang", "zhoujing"):
            with self.assertRaises(AccessError):
                spouse.with_user(self.users[login]).read(["name"])

    def test_files_hold_the_years_records(self):
        spouse = self.env["liangze.integrity.file"].search([("cadre_id", "=", self.wujun.id)])
        sanction = spouse.sanction_ids
        self.assertEqual((sanction.state, sanction.type_id.category), ("recorded", "party"))
        self.assertTrue(sanction._runs_on(self.today), "the party warning's year still runs")
        self.assertTrue(spouse.letter_report_ids.open_matter)
        leaders = self.env["liangze.integrity.file"].search(
            [("cadre_id.company_id", "=", self.wujun.company_id.id), ("leader_role", "!=", "staff")]
        )
        for file in leaders:
            self.assertTrue(file.personal_matters_ids and file.pledge_ids, file.name)
        liming = self.env["liangze.integrity.file"].search([("cadre_id.user_id", "=", self.users["liming"].id)])
        self.assertTrue(liming.accountability_ids, "his admonishment of the year")
        wangfang = self.env["liangze.integrity.file"].search([("cadre_id.user_id", "=", self.users["wangfang"].id)])
        self.assertIn("summons", wangfang.talk_ids.mapped("talk_kind"))
        reminded = self.env["liangze.integrity.file"]._cron_remind_stale()
        self.assertTrue(reminded, "a file not updated for a year reminds its keeper")

    def test_the_mid_year_evaluation_is_published_and_the_year_end_under_way(self):
        Campaign = self.env["liangze.duty.campaign"]
        published = Campaign.search([("state", "=", "published")])
        self.assertEqual(len(published), 1)
        self.assertLess(published.published_on, self.today)
        results = published.result_ids
        self.assertEqual(len(results), len(published.report_ids))
        flagged = results.filtered("flagged")
        self.assertEqual(flagged.cadre_id, self.wujun, "more 一般 and 差 than the others")
        self.assertEqual(set(results.mapped("ballot_count")) - {0}, set(results.mapped("ballot_count")))
        file = self.env["liangze.integrity.file"].search([("cadre_id", "=", self.wujun.id)])
        self.assertTrue(file.duty_report_ids, "the result is in his file")
        # The reporter reads his own result once published; the ballots, nobody.
        zhangwei = self.users["zhangwei"]
        own = self.env["liangze.duty.result"].with_user(zhangwei).search([("campaign_id", "=", published.id)])
        self.assertIn(self.env.ref("liangze_accountability.liangze_cadre_demo_zhangwei"), own.cadre_id)
        with self.assertRaises(AccessError):
            self.env["liangze.duty.ballot"].with_user(self.users["zhaomin"]).search([])
        running = Campaign.search([("state", "=", "reporting")])
        self.assertEqual(len(running), 1)
        self.assertGreater(running.report_deadline, self.today)
        wangfang = (
            self.env["liangze.duty.report"]
            .with_user(self.users["wangfang"])
            .search([("campaign_id", "=", running.id), ("reporter_user_id", "=", self.users["wangfang"].id)])
        )
        self.assertEqual(wangfang.state, "draft", "her report to write, drafted from the system")
        self.assertTrue(wangfang.body)

    def test_the_personnel_office_reads_its_answered_batch(self):
        Request = self.env["liangze.opinion.request"]
        answered = Request.with_user(self.users["zhoujing"]).search([("state", "=", "replied")])
        self.assertEqual(len(answered), 1)
        self.assertTrue(answered.reply_number)
        self.assertLess(answered.replied_on, self.today)
        opinions = {line.cadre_id.name: line.opinion for line in answered.opinion_ids}
        self.assertEqual(opinions, {"周明": "clear", "王芳": "defer", "李明": "veto", "吴军": "veto"})
        with self.assertRaises(AccessError):
            answered.opinion_ids.with_user(self.users["zhoujing"]).read(["reason_ids"])
        pending = Request.with_user(self.users["zhaomin"]).search([("state", "=", "submitted")])
        self.assertEqual(len(pending), 1, "赵敏's checks to make")
        stats = (
            self.env["liangze.opinion.report"]
            .with_user(self.users["chengang"])
            ._read_group([("year", "=", answered.replied_on.year)], [], ["person_count:sum", "veto_count:sum"])
        )
        self.assertEqual(stats[0], (4, 2))

    def test_the_integrity_demos_half_year_evaluation_starts_at_20_30_utc(self):
        """The demo's 述责述廉 as the demo installs it: as the superuser (whose preferences say
        Europe/Brussels) at 20:30 UTC, 04:30 the next day in China, acting as 赵敏 and the
        county's users. The half-year reports were due that day in China: requested, not refused."""
        self.env.user.tz = "Europe/Brussels"
        self.assertFalse(self.env.context.get("tz"))
        zhaomin = self.users["zhaomin"]
        committee = self.env.ref("liangze_responsibility.liangze_unit_demo_county_committee")
        Campaign = self.env["liangze.duty.campaign"]
        Demo = self.env["liangze.integrity.demo"].with_context(lang="zh_CN")
        for moment in (datetime.combine(fields.Date.today(), time(20, 30)), BUREAU_INSTANTS["20:30 UTC"]):
            with self.subTest(moment=moment), freeze_time(moment):
                today = china_day(moment)
                before = Campaign.search([])
                Demo._evaluate_the_half_year(zhaomin.id, committee.id)
                made = Campaign.search([]) - before
                half = made.filtered(lambda c: c.state == "published")
                self.assertEqual(half.year, today.year)
                self.assertEqual(half.report_deadline, today - relativedelta(weeks=4), "dated back from China's day")
                self.assertEqual(half.published_on, today - relativedelta(weeks=2))
                self.assertTrue(half.result_ids.filtered("flagged"))
                year_end = made - half
                self.assertEqual((year_end.state, year_end.year), ("reporting", today.year))
                self.assertGreater(year_end.report_deadline, today)
                self.assertTrue(year_end.report_ids)
