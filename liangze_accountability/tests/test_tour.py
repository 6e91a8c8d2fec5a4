# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
from datetime import timedelta

from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestAssessmentTour(HttpCase):
    """In the browser: 王芳 (head of the office) opens the running assessment,
    the office's deduction for a ledger accepted late, the task it comes from,
    and appeals; 周静 (assessment office) withdraws the deduction."""

    def test_unit_head_appeals_assessor_withdraws(self):
        scheme = self.env.ref("liangze_accountability.liangze_assessment_scheme_demo_county", raise_if_not_found=False)
        if not scheme:
            self.skipTest("demo data not loaded")
        office = self.env.ref("liangze_responsibility.liangze_unit_demo_county_office")
        rlist = self.env["liangze.list"].create(
            {"name": "Tour list", "year": scheme.year, "company_id": office.company_id.id}
        )
        self.env["liangze.list.item"].create(
            {
                "list_id": rlist.id,
                "category_id": self.env.ref("liangze_responsibility.liangze_category_prevention").id,
                "name": "Tour late ledger",
                "frequency": "months",
                "months": "1",
                "deadline_rule": "fixed_day",
                "deadline_day": 20,
                "owner_type": "department",
                "owner_unit_ids": [(6, 0, office.ids)],
            }
        )
        rlist.action_publish()
        task = rlist.item_ids.task_ids
        self.env["liangze.task.evidence"].create(
            {"task_id": task.id, "name": "Minutes", "file": base64.b64encode(b"%PDF-1.4"), "file_name": "m.pdf"}
        )
        task._submit()
        task._guard_sudo().write({"state": "accepted", "accepted_on": task.deadline + timedelta(days=3)})
        scheme._score()
        deduction = self.env["liangze.assessment.deduction"].search(
            [("scheme_id", "=", scheme.id), ("source_model", "=", "liangze.task"), ("source_id", "=", task.id)]
        )
        self.assertEqual((deduction.unit_id, deduction.charged_on), (office, deduction._bureau_today()))
        # The office's only deduction under its rule: the demo's other late ledgers (how many
        # depends on the day it was installed) would fill the rule's cap, and a withdrawal
        # under a full cap gives nothing back.
        Deduction = self.env["liangze.assessment.deduction"]
        same_rule = Deduction.search(
            [
                ("scheme_id", "=", scheme.id),
                ("unit_id", "=", office.id),
                ("state", "=", "active"),
                ("rule_id", "=", deduction.rule_id.id),
                ("indicator_id", "=", deduction.indicator_id.id),
                ("id", "!=", deduction.id),
            ]
        )
        same_rule._guard_sudo().write({"state": "withdrawn"})
        self.env["liangze.assessment.score"]._rebuild(scheme)
        scheme.invalidate_recordset(["score_ids"])
        before = scheme.score_ids.filtered(lambda s: s.unit_id == office).score

        self.start_tour(
            "/odoo/action-liangze_accountability.liangze_assessment_score_action",
            "liangze_assessment_appeal_tour",
            login="wangfang",
        )
        appeal = deduction.appeal_ids
        self.assertEqual(appeal.filed_by_id, self.env.ref("liangze_responsibility.res_users_demo_wangfang"))
        self.assertEqual(appeal.state, "submitted")

        self.start_tour(
            "/odoo/action-liangze_accountability.liangze_assessment_appeal_action",
            "liangze_assessment_decide_tour",
            login="zhoujing",
        )
        self.assertEqual((appeal.state, deduction.state), ("withdrawn", "withdrawn"))
        self.assertEqual(appeal.decided_by_id, self.env.ref("liangze_accountability.res_users_demo_zhoujing"))
        after = scheme.score_ids.filtered(lambda s: s.unit_id == office).score
        self.assertEqual(after, before + deduction.points, "the office gets its points back")
