# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged
from odoo.tests.common import TransactionCase

PASSWORD = "liangze"  # documented in README.md


@tagged("post_install", "-at_install")
class TestDemoBureau(TransactionCase):
    """The demo county bureau is what newcomers log into: check its shape."""

    def setUp(self):
        super().setUp()
        self.county = self.env.ref(
            "liangze_responsibility.liangze_unit_demo_county_committee", raise_if_not_found=False
        )
        if not self.county:
            self.skipTest("demo data not loaded")

    def test_county_bureau_structure(self):
        units = self.env["liangze.unit"].search([("id", "child_of", self.county.id)])
        count = {
            kind: len(units.filtered(lambda u, kind=kind: u.unit_type == kind))
            for kind in ("party_committee", "department", "party_branch", "discipline_body")
        }
        self.assertEqual(count["party_committee"], 1)
        self.assertGreaterEqual(count["department"], 8)
        self.assertEqual(count["party_branch"], 4)
        self.assertEqual(count["discipline_body"], 1)
        city = self.env.ref("liangze_responsibility.liangze_unit_demo_city_committee")
        self.assertEqual(self.county.parent_id, city)
        self.assertEqual(self.county.company_id.parent_id, city.company_id)

    def test_one_demo_user_per_role_logs_in(self):
        roles = {
            "liming": "group_liangze_user",
            "wangfang": "group_liangze_unit_head",
            "zhangwei": "group_liangze_leader",
            "zhaomin": "group_liangze_supervisor",
            "chengang": "group_liangze_supervision_head",
            "liuyang": "group_liangze_admin",
        }
        for login, group in roles.items():
            user = self.env["res.users"].search([("login", "=", login)])
            self.assertTrue(user.has_group(f"liangze_responsibility.{group}"), login)
            self.assertEqual(user.lang, "zh_CN")
            self.assertEqual(user.tz, "Asia/Shanghai")
            user.with_user(user)._check_credentials({"type": "password", "password": PASSWORD}, {"interactive": True})
        self.assertIn(
            self.county, self.env.ref("liangze_responsibility.res_users_demo_zhangwei").liangze_scope_unit_ids
        )
