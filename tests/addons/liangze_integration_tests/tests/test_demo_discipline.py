# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tests.common import TransactionCase


@tagged("post_install", "-at_install", "liangze_demo")
class TestDemoDiscipline(TransactionCase):
    """The demo bureau's year of discipline enforcement, in the shape of the Jilin figures
    scaled to a county, as its officers find it; nothing of it reaches anyone else."""

    def setUp(self):
        super().setUp()
        self.intake = self.env.ref("liangze_discipline.res_users_demo_qianfang", raise_if_not_found=False)
        if not self.intake:
            self.skipTest("demo data not loaded")
        self.users = {
            login: self.env["res.users"].search([("login", "=", login)])
            for login in (
                "liming",
                "wangfang",
                "zhangwei",
                "zhaomin",
                "chengang",
                "zhoujing",
                "liuyang",
                "sunhao",
                "lina",
            )
        }

    def test_the_year_in_the_shape_of_the_jilin_figures(self):
        # 325 letters and reports, 202 clues disposed of, 50 cases filed: about a tenth.
        self.assertEqual(self.env["liangze.petition"].search_count([]), 33)
        clues = self.env["liangze.clue"].search([("source", "=", "report")])
        self.assertEqual(len(clues), 20)
        self.assertEqual(len(clues.filtered("disposed_way")), 17)
        pushed = self.env["liangze.clue"].search([("source", "=", "external_system")])
        self.assertEqual(len(pushed), 1, "one pushed by the internal-control platform")
        self.assertEqual(self.env["liangze.discipline.case"].search_count([]), 5)
        self.assertTrue(clues.filtered(lambda c: c.warning_level == "red"), "a clue not disposed of within a month")
        forms = dict(self.env["liangze.four.forms.report"]._read_group([], ["form"], ["person_count:sum"]))
        self.assertTrue(forms.get("1") and forms.get("2") and forms.get("3"), forms)
        # This week's reports wait for intake; the latest clues for their assignment.
        self.assertEqual(
            self.env["liangze.petition"].with_user(self.intake).search_count([("state", "=", "registered")]), 2
        )
        self.assertTrue(
            self.env["liangze.clue"].with_user(self.users["lina"]).search_count([("state", "=", "registered")])
        )
        self.assertTrue(self.env["liangze.discipline.appeal"].search([("state", "=", "submitted")]))

    def test_nobody_else_finds_any_of_it(self):
        for login in ("liming", "wangfang", "zhangwei", "zhaomin", "zhoujing", "liuyang"):
            user = self.users[login]
            for model in ("liangze.petition", "liangze.clue", "liangze.discipline.case", "liangze.discipline.decision"):
                with self.subTest(user=login, model=model):
                    try:
                        found = self.env[model].with_user(user).search([])
                    except AccessError:
                        found = self.env[model]
                    # The committee head reads the cases whose filing he approved, nothing else.
                    approved = found.browse()
                    if model == "liangze.discipline.case":
                        approved = found.filtered(lambda r, u=user: u in r.sudo().approver_ids)
                    self.assertFalse(found - approved)

    def test_a_sanctioned_persons_opinion_is_vetoed_and_an_open_clue_defers(self):
        decision = self.env["liangze.discipline.decision"].search(
            [("state", "=", "issued"), ("party_type_id", "!=", False)], limit=1
        )
        open_clue = self.env["liangze.clue"].search([("state", "=", "registered")], limit=1)
        cadres = decision.cadre_id | open_clue.concerned_cadre_ids
        findings = self.env["liangze.opinion"]._opinion_findings(cadres, decision.decision_date)
        kinds = {cadre: {f["kind"] for f in findings.get(cadre.id, [])} for cadre in cadres}
        self.assertIn("veto", kinds[decision.cadre_id])
        self.assertIn("defer", kinds[open_clue.concerned_cadre_ids[:1]])
