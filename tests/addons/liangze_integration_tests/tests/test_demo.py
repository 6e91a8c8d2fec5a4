# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from lxml import etree

from odoo.tests import tagged
from odoo.tests.common import TransactionCase
from odoo.tools.safe_eval import safe_eval

FIRST_SCREENS = {
    "liming": "liangze.task",
    "wangfang": "liangze.reminder.letter",
    "zhangwei": "liangze.supervision.report",
    "sunli": "liangze.task",
    "zhaomin": "liangze.task",
    "chengang": "liangze.supervision.report",
    "liuyang": "liangze.list",
    "zhoujing": "liangze.assessment.score",
}

PASSWORD = "liangze"  # documented in README.md


@tagged("post_install", "-at_install", "liangze_demo")
class TestDemoBureau(TransactionCase):
    """The demo county bureau is what newcomers log into: check its shape."""

    def setUp(self):
        super().setUp()
        self.county = self.env.ref(
            "liangze_responsibility.liangze_unit_demo_county_committee", raise_if_not_found=False
        )
        if not self.county:
            self.skipTest("demo data not loaded")
        # Today as the bureau and its users read it (China), whatever the hour in UTC.
        self.today = self.env["base"]._bureau_today()
        # The demo's year: the install day's, or the year before in the first 60 days of a year.
        self.demo_year = (self.today - timedelta(days=60)).year

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
            self.assertTrue(user.has_group(f"liangze_base.{group}"), login)
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
        self.assertEqual(rlist.year, self.demo_year, "the list of the demo's year")
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

    def _first_screen(self, user):
        """The records a user sees on logging in: their home action's domain and the
        search filters it turns on by default, evaluated as the user."""
        action = user.action_id.sudo()
        self.assertTrue(action, f"{user.login} has no first screen")
        action = self.env["ir.actions.act_window"].browse(action.id)
        Model = self.env[action.res_model].with_user(user)
        # The web client's context_today() is the user's day: the demo users live in China.
        self.assertEqual(user.tz, "Asia/Shanghai")
        eval_context = {"uid": user.id, "context_today": lambda: self.today, "context": {}}
        domain = safe_eval(action.domain or "[]", eval_context)
        defaults = [
            key[len("search_default_") :]
            for key in safe_eval(action.context or "{}", eval_context)
            if key.startswith("search_default_")
        ]
        arch = etree.fromstring(Model.get_view(view_type="search")["arch"])
        for name in defaults:
            node = arch.find(f".//filter[@name='{name}']")
            if node is not None and node.get("domain"):
                domain = domain + safe_eval(node.get("domain"), eval_context)
        return Model.search(domain)

    def test_every_demo_user_has_work_on_the_first_screen(self):
        for login, model in FIRST_SCREENS.items():
            user = self.env["res.users"].search([("login", "=", login)])
            with self.subTest(user=login):
                records = self._first_screen(user)
                self.assertEqual(records._name, model)
                self.assertTrue(records, f"{login} logs into an empty screen")
        liming = self.env.ref("liangze_responsibility.res_users_demo_liming")
        mine = self._first_screen(liming)
        self.assertTrue(mine.filtered(lambda t: t.state == "in_progress"))
        self.assertTrue(mine.filtered(lambda t: t.state == "returned"))
        self.assertTrue(all(t.owner_unit_id.name == "办公室" for t in mine))

    def test_the_year_was_worked_through(self):
        """Up to today: past deadlines met, on time or late, but the latest overdue ledger of
        the office and of the committee above it, still red; once the year is well under
        way, mostly on time, a few late, under 10% still red. Whatever the install day: in
        the first 60 days of a year the demo's list is the year before's, worked through."""
        rlist = self.env.ref("liangze_responsibility.liangze_list_demo_county_2026")
        tasks = self.env["liangze.task"].search([("list_id", "=", rlist.id)])
        past = tasks.filtered(lambda t: t.deadline < self.today)
        self.assertTrue(past, "months of work behind the bureau")
        red = past.filtered(lambda t: t.warning_level == "red")
        self.assertTrue(red, "a couple of ledgers are still overdue")
        office = self.env.ref("liangze_responsibility.liangze_unit_demo_county_office")
        self.assertLessEqual(red.owner_unit_id, office | office.parent_id)
        self.assertLessEqual(len(red), 2, "one of the office's, one of the committee's")
        self.assertEqual(set((past - red).mapped("warning_level")) - {"done_on_time", "done_late"}, set())
        if len(past) >= 20:
            self.assertLess(len(red) / len(past), 0.10)
            self.assertGreater(len(past.filtered(lambda t: t.warning_level == "done_on_time")) / len(past), 0.6)
            self.assertTrue(past.filtered(lambda t: t.warning_level == "done_late"))
        for task in past.filtered(lambda t: t.state == "accepted")[:20]:
            self.assertTrue(task.plan and task.progress_ids and task.evidence_ids, task.name)
            self.assertLessEqual(task.progress_ids[:1].date, self.today)
