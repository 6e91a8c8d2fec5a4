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

    def test_demo_list(self):
        """The published 2026 list shows every kind of item and every task state."""
        rlist = self.env.ref("liangze_responsibility.liangze_list_demo_county_2026")
        self.assertEqual(rlist.state, "published")
        self.assertEqual(rlist.year, 2026)
        self.assertEqual(rlist.company_id, self.county.company_id)
        items = rlist.item_ids
        self.assertGreaterEqual(len(items), 25)
        categories = ("organisational_leadership", "support", "example", "appointment", "prevention")
        seeds = self.env["liangze.category"].browse(
            [self.env.ref(f"liangze_responsibility.liangze_category_{name}").id for name in categories]
        )
        self.assertEqual(items.category_id, seeds)
        for field in ("frequency", "owner_type", "deadline_rule"):
            keys = {key for key, _label in items._fields[field].selection}
            self.assertEqual(set(items.mapped(field)), keys, field)
        self.assertEqual(set(items.mapped("evidence_min")), {0, 1, 2, 3})
        discipline = self.env.ref("liangze_responsibility.liangze_unit_demo_county_discipline")
        self.assertEqual(items.supervising_unit_id, discipline)
        self.assertTrue(all(item.standard and item.basis and item.lead_leader_id for item in items))
        tasks = self.env["liangze.task"].with_context(active_test=False).search([("list_id", "=", rlist.id)])
        states = {key for key, _label in tasks._fields["state"].selection}
        self.assertEqual(set(tasks.mapped("state")), states)
        returned = tasks.filtered(lambda t: t.state == "returned")
        self.assertTrue(returned.return_reason)
        for task in tasks.filtered(lambda t: t.state in ("submitted", "accepted", "returned")):
            self.assertTrue(task.signoff_user_id and task.submitted_date, task.name)
            self.assertGreaterEqual(task.evidence_count, task.evidence_min, task.name)
        self.assertTrue(tasks.filtered(lambda t: t.state == "accepted").mapped("accepted_date"))
        self.assertFalse(tasks.filtered(lambda t: t.state == "cancelled").filtered("active"))
