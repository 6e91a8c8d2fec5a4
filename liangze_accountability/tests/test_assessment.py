# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from odoo.addons.liangze_base.tests.common import bureau_user
from odoo.addons.liangze_supervision.tests.common import SupervisionCase

PDF = base64.b64encode(b"%PDF-1.4 minutes")


@tagged("post_install", "-at_install")
# The story is of 2026 (its dates are written out): told late in 2026, in the bureau's early
# morning (20:30 UTC, 04:30 in China), whatever the real clock says.
@freeze_time("2026-12-02 20:30:00")
class TestAssessment(SupervisionCase):
    """Three peer departments, each with one thing that costs points: a task
    accepted late (office), a return for more material (finance), a reminder
    letter (personnel)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Unit = cls.env["liangze.unit"]
        cls.finance = Unit.create(
            {"name": "Finance", "code": "C-FIN", "parent_id": cls.city.id, "company_id": cls.company_a.id}
        )
        cls.personnel = Unit.create(
            {"name": "Personnel", "code": "C-PER", "parent_id": cls.city.id, "company_id": cls.company_a.id}
        )
        cls.assessor = bureau_user(
            cls.env,
            login="lz_assessor",
            groups="liangze_accountability.group_liangze_assessor",
            company_id=cls.company_a.id,
            company_ids=[(6, 0, cls.company_a.ids)],
        )
        cls.finance.member_ids = cls.assessor
        # The personnel department's head acknowledges its reminder letter.
        cls.personnel.head_id = bureau_user(
            cls.env,
            login="lz_personnel_head",
            groups="liangze_base.group_liangze_unit_head",
            company_id=cls.company_a.id,
            company_ids=[(6, 0, cls.company_a.ids)],
        )
        item = cls._published_item(
            cls.office | cls.finance | cls.personnel,
            name="January integrity check",
            frequency="months",
            months="1",
            deadline_rule="fixed_day",
            deadline_day=20,
            supervising_unit_id=cls.discipline.id,
        )
        tasks = {task.owner_unit_id: task for task in item.task_ids}
        cls.late, cls.returned, cls.red = tasks[cls.office], tasks[cls.finance], tasks[cls.personnel]
        with freeze_time("2026-01-15"):
            for task in cls.late | cls.returned:
                cls.env["liangze.task.evidence"].create(
                    {"task_id": task.id, "name": "Minutes", "file": PDF, "file_name": "m.pdf"}
                )
                task._submit()
            cls.returned.with_user(cls.supervisor)._return("Add the sign-in sheet")
        with freeze_time("2026-01-26"):
            cls.late.with_user(cls.supervisor).action_accept()
            cls._run_daily_jobs()
            cls.letter = cls.env["liangze.reminder.letter"].search([("unit_id", "=", cls.personnel.id)])
            cls.letter.with_user(cls.supervisor).action_issue()
        cls.scheme = (
            cls.env["liangze.assessment.scheme"]
            .with_user(cls.assessor)
            .create(
                {
                    "name": "2026 assessment of the departments",
                    "year": 2026,
                    "company_id": cls.company_a.id,
                    "threshold_good": 98.5,
                    "threshold_fairly_good": 97.5,
                    "threshold_fair": 90,
                    "group_ids": [
                        (
                            0,
                            0,
                            {
                                "name": "Departments",
                                "unit_ids": [(6, 0, (cls.office | cls.finance | cls.personnel).ids)],
                            },
                        )
                    ],
                    "rule_ids": [
                        (0, 0, {"kind": "late_task", "points": 2}),
                        (0, 0, {"kind": "returned_task", "points": 1}),
                        (0, 0, {"kind": "reminder_letter", "points": 3, "cap": 5}),
                    ],
                }
            )
        )

    def _scores(self, user=None):
        Score = self.env["liangze.assessment.score"].with_user(user) if user else self.env["liangze.assessment.score"]
        return {score.unit_id: score for score in Score.search([("scheme_id", "=", self.scheme.id)])}

    def test_deductions_from_their_sources_ranked_and_graded(self):
        with freeze_time("2026-02-02"):
            self.scheme.with_user(self.assessor).action_publish()
        scores = self._scores()
        self.assertEqual(
            {unit: (s.deduction_points, s.score, s.rank, s.grade) for unit, s in scores.items()},
            {
                self.finance: (1.0, 99.0, 1, "good"),
                self.office: (2.0, 98.0, 2, "fairly_good"),
                self.personnel: (3.0, 97.0, 3, "fair"),
            },
        )
        deductions = self.env["liangze.assessment.deduction"].search([("scheme_id", "=", self.scheme.id)])
        sources = {d.unit_id: d.action_open_source() for d in deductions}
        self.assertEqual(
            (sources[self.office]["res_model"], sources[self.office]["res_id"]), ("liangze.task", self.late.id)
        )
        self.assertEqual(sources[self.finance]["res_id"], self.returned.id, "a return opens its task")
        self.assertEqual(
            (sources[self.personnel]["res_model"], sources[self.personnel]["res_id"]),
            ("liangze.reminder.letter", self.letter.id),
        )
        # Scoring again, by the job or by hand, adds nothing.
        with freeze_time("2026-02-03"):
            self.env["liangze.assessment.scheme"]._cron_score()
            self.scheme.with_user(self.assessor).action_score()
        self.assertEqual(self.env["liangze.assessment.deduction"].search_count([("scheme_id", "=", self.scheme.id)]), 3)
        self.assertEqual(self._scores()[self.personnel].score, 97.0)

    def test_late_task_costs_a_share_of_its_weight(self):
        self.late.item_id._guard_sudo().write({"weight": 6})
        late_rule = self.scheme.rule_ids.filtered(lambda r: r.kind == "late_task")
        with self.assertRaises(ValidationError):
            self.scheme.rule_ids.filtered(lambda r: r.kind == "reminder_letter").write({"basis": "weight_share"})
        late_rule.write({"basis": "weight_share", "weight_percent": 25})
        with freeze_time("2026-02-02"):
            self.scheme.with_user(self.assessor).action_publish()
        deduction = self.env["liangze.assessment.deduction"].search([("rule_id", "=", late_rule.id)])
        self.assertEqual((deduction.unit_id, deduction.points), (self.office, 1.5), "25% of the item's 6 points")
        self.assertEqual(self._scores()[self.office].score, 98.5)

    def test_each_role_reads_what_it_should(self):
        self.scheme.with_user(self.assessor).action_publish()
        self.assertEqual(set(self._scores(self.member)), {self.office}, "a unit reads its own score only")
        self.assertEqual(set(self._scores(self.leader)), {self.office, self.finance, self.personnel})
        Deduction = self.env["liangze.assessment.deduction"]
        self.assertEqual(Deduction.with_user(self.member).search([]).unit_id, self.office)
        for user in (self.member, self.head, self.leader, self.supervisor):
            with self.assertRaises(AccessError):
                Deduction.with_user(user).create(
                    {"scheme_id": self.scheme.id, "unit_id": self.personnel.id, "points": 5, "reason": "Forged"}
                )
            with self.assertRaises(AccessError):
                self._scores()[self.office].with_user(user).write({"score": 100})
            with self.assertRaises(AccessError):
                self.scheme.with_user(user).action_score()

    def test_assessors_enter_points_with_reasons_within_caps(self):
        self.scheme.with_user(self.assessor).action_publish()
        Deduction = self.env["liangze.assessment.deduction"].with_user(self.assessor)
        evidence = (
            self.env["ir.attachment"]
            .with_user(self.assessor)
            .create({"name": "commendation.pdf", "datas": PDF, "mimetype": "application/pdf"})
        )
        values = {
            "scheme_id": self.scheme.id,
            "unit_id": self.office.id,
            "points": 1,
            "evidence_ids": [(6, 0, evidence.ids)],
        }
        with self.assertRaises(UserError):
            Deduction.create(dict(values, reason=" "))
        with self.assertRaises(AccessError):
            Deduction.create(dict(values, unit_id=self.finance.id, reason="Own unit"))
        letter_rule = self.scheme.rule_ids.filtered(lambda r: r.kind == "reminder_letter")
        with self.assertRaises(ValidationError):
            Deduction.create(dict(values, unit_id=self.personnel.id, rule_id=letter_rule.id, points=6, reason="Cap"))
        with self.assertRaises(AccessError):
            Deduction.create(dict(values, reason="Forged source", source_model="liangze.task", source_id=self.late.id))
        with self.assertRaises(UserError):
            Deduction.create(dict(values, kind="bonus", points=3, reason="No evidence", evidence_ids=[]))
        Deduction.create(dict(values, kind="bonus", points=3, reason="Model unit of the province"))
        self.scheme.with_user(self.assessor).action_score()
        office = self._scores()[self.office]
        self.assertEqual((office.score, office.bonus_points, office.rank), (101.0, 3.0, 1))

    def test_qualitative_indicators_and_grades_by_quota(self):
        self.scheme.write(
            {
                "grade_method": "quota",
                "quota_good": 34,
                "quota_fairly_good": 33,
                "indicator_ids": [
                    (0, 0, {"kind": "qualitative", "name": "Quality of the ledgers", "points": 3}),
                    (0, 0, {"kind": "bonus", "name": "Commended by the province", "points": 1}),
                ],
            }
        )
        indicators = {indicator.kind: indicator for indicator in self.scheme.indicator_ids}
        quality, commended = indicators["qualitative"], indicators["bonus"]
        with freeze_time("2026-02-02"):
            self.scheme.with_user(self.assessor).action_publish()
        evidence = self.env["ir.attachment"].with_user(self.assessor).create({"name": "check.pdf", "datas": PDF})
        Deduction = self.env["liangze.assessment.deduction"].with_user(self.assessor)
        values = {"scheme_id": self.scheme.id, "evidence_ids": [(6, 0, evidence.ids)], "reason": "Ledger check"}
        Deduction.create(dict(values, unit_id=self.office.id, indicator_id=quality.id, points=2.5))
        # Never beyond the indicator's full marks, nor a bonus item against a qualitative indicator.
        with self.assertRaises(ValidationError):
            Deduction.create(dict(values, unit_id=self.office.id, indicator_id=quality.id, points=1))
        with self.assertRaises(ValidationError):
            Deduction.create(dict(values, unit_id=self.personnel.id, indicator_id=commended.id, points=1))
        with self.assertRaises(ValidationError):
            Deduction.create(dict(values, unit_id=self.personnel.id, indicator_id=commended.id, kind="bonus", points=2))
        Deduction.create(dict(values, unit_id=self.personnel.id, indicator_id=commended.id, kind="bonus", points=1))
        self.scheme.with_user(self.assessor).action_score()
        scores = self._scores()
        self.assertEqual(
            {unit: (s.score, s.rank, s.grade) for unit, s in scores.items()},
            {
                self.finance: (99.0, 1, "good"),
                self.personnel: (98.0, 2, "fairly_good"),
                self.office: (95.5, 3, "fair"),
            },
            "one in three good, one fairly good, whatever the thresholds",
        )

    def test_appeal_upheld_keeps_withdrawn_removes_and_reranks(self):
        with freeze_time("2026-02-02"):
            self.scheme.with_user(self.assessor).action_publish()
            Deduction = self.env["liangze.assessment.deduction"]
            office_deduction = Deduction.search([("unit_id", "=", self.office.id)])
            personnel_deduction = Deduction.search([("unit_id", "=", self.personnel.id)])
            Appeal = self.env["liangze.assessment.appeal"]
            # Only the unit charged appeals, with a reason, once.
            with self.assertRaises(AccessError):
                Appeal.with_user(self.member).create({"deduction_id": personnel_deduction.id, "reason": "Not ours"})
            with self.assertRaises(UserError):
                Appeal.with_user(self.member).create({"deduction_id": office_deduction.id, "reason": " "})
            appeal = Appeal.with_user(self.member).create(
                {"deduction_id": office_deduction.id, "reason": "The acceptance waited for the reviewer"}
            )
            self.assertEqual(appeal.deadline, date(2026, 2, 16), "ten workdays to decide")
            with self.assertRaises(UserError):
                Appeal.with_user(self.member).create({"deduction_id": office_deduction.id, "reason": "Again"})
            # Deciding is the assessment office's, with a reason.
            with self.assertRaises(AccessError):
                appeal.with_user(self.head).action_withdraw("Agreed")
            with self.assertRaises(UserError):
                appeal.with_user(self.assessor).action_withdraw(" ")
            wizard = (
                self.env["liangze.appeal.decision"]
                .with_user(self.assessor)
                .create(
                    {
                        "appeal_ref": f"{appeal._name},{appeal.id}",
                        "reason": "The task was submitted on time; the review was late",
                    }
                )
            )
            wizard.action_withdraw()
        self.assertEqual((appeal.state, office_deduction.state), ("withdrawn", "withdrawn"))
        scores = self._scores()
        self.assertEqual((scores[self.office].score, scores[self.office].rank), (100.0, 1))
        self.assertEqual(scores[self.finance].rank, 2)
        # An upheld appeal keeps the deduction; an appeal after the period is refused.
        with freeze_time("2026-02-03"):
            kept = (
                self.env["liangze.assessment.appeal"]
                .sudo()
                .create({"deduction_id": personnel_deduction.id, "reason": "Contested"})
            )
            kept.with_user(self.assessor).action_uphold("The letter was due")
        self.assertEqual((kept.state, personnel_deduction.state), ("upheld", "active"))
        finance_deduction = self.env["liangze.assessment.deduction"].search([("unit_id", "=", self.finance.id)])
        finance_head = bureau_user(
            self.env,
            login="lz_finance_head",
            groups="liangze_base.group_liangze_unit_head",
            company_id=self.company_a.id,
            company_ids=[(6, 0, self.company_a.ids)],
        )
        self.finance.head_id = finance_head
        with freeze_time("2026-03-02"), self.assertRaises(UserError):
            self.env["liangze.assessment.appeal"].with_user(finance_head).create(
                {"deduction_id": finance_deduction.id, "reason": "Too late"}
            )

    def test_year_end_frozen_approved_by_a_leader_and_published(self):
        self.scheme.write({"issuer_unit_id": self.city.id})
        self.scheme.with_user(self.assessor).action_publish()
        for user in (self.member, self.leader):
            with self.assertRaises(AccessError):
                self.scheme.with_user(user).action_freeze()
        self.scheme.with_user(self.assessor).action_freeze()
        self.assertEqual(self.scheme.state, "submitted")
        # Frozen: the daily job no longer recounts, appeals wait for the scoring to reopen.
        deduction = self.env["liangze.assessment.deduction"].search([("unit_id", "=", self.office.id)])
        deduction._guard_sudo().write({"state": "withdrawn"})
        self.env["liangze.assessment.scheme"]._cron_score()
        self.assertEqual(self._scores()[self.office].score, 98.0)
        deduction._guard_sudo().write({"state": "active"})
        with self.assertRaises(UserError):
            self.env["liangze.assessment.appeal"].with_user(self.member).create(
                {"deduction_id": deduction.id, "reason": "Late"}
            )
        # Only the leader's tier approves; nobody publishes before.
        with self.assertRaises(AccessError):
            self.scheme.with_user(self.assessor).validate_tier()
        with self.assertRaises(UserError):
            self.scheme.with_user(self.assessor).action_publish_results()
        self.scheme.with_user(self.leader).validate_tier()
        self.assertEqual(self.scheme.review_ids.filtered(lambda r: r.status == "approved").done_by, self.leader)
        self.assertEqual(self.scheme.state, "approved")
        self.scheme.with_user(self.assessor).action_publish_results()
        self.assertEqual(self.scheme.state, "closed")
        self.assertTrue(self.scheme.results_date)
        report = self.env.ref("liangze_accountability.action_report_liangze_assessment_results")
        html = report._render_qweb_html(report.report_name, self.scheme.ids)[0].decode()
        for unit in (self.office, self.finance, self.personnel):
            self.assertIn(unit.name, html)
        self.assertIn(self.city.name, html)
        self.assertNotIn("DRAFT", html)
        # The hook of the integrity file: the published grade of the unit a cadre leads, per year.
        Cadre = self.env["liangze.cadre"]
        leader = Cadre.create({"name": "Office head", "unit_id": self.office.id, "leader_role": "principal_leader"})
        staff = Cadre.create({"name": "Office clerk", "unit_id": self.office.id})
        office = self._scores()[self.office]
        self.assertEqual(
            [(r["year"], r["score"], r["grade"]) for r in leader._assessment_results()],
            [(2026, office.score, office.grade)],
        )
        self.assertEqual(staff._assessment_results(), [])

    def test_scores_and_deductions_export_as_xlsx(self):
        import io

        import openpyxl

        self.scheme.with_user(self.assessor).action_publish()
        content, kind = self.env["ir.actions.report"]._render(
            "liangze_accountability.action_report_liangze_assessment_xlsx", self.scheme.ids
        )
        self.assertEqual(kind, "xlsx")
        book = openpyxl.load_workbook(io.BytesIO(content))
        scores, details = book.worksheets
        units = [row[3] for row in scores.iter_rows(min_row=2, values_only=True)]
        self.assertEqual(units, ["Finance", "Office", "Personnel"], "in rank order")
        self.assertEqual(details.max_row - 1, 3, "one row per deduction")
