# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tests.common import TransactionCase


@tagged("post_install", "-at_install")
class TestDemoIntegrity(TransactionCase):
    """The demo bureau's integrity files, as its discipline officers find them."""

    def setUp(self):
        super().setUp()
        self.wujun = self.env.ref("liangze_accountability.liangze_cadre_demo_wujun", raise_if_not_found=False)
        if not self.wujun or not self.env["liangze.integrity.file"].search_count([]):
            self.skipTest("demo data not loaded")
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
        self.assertTrue(sanction._runs_on(date.today()), "the party warning's year still runs")
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
