# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class LiangzeAssessmentXlsx(models.AbstractModel):
    """A scheme's scores (one row per unit, in rank order) and every deduction
    and bonus with its source, on two sheets."""

    _name = "report.liangze_accountability.assessment_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Assessment Scores XLSX Report"

    def get_workbook_options(self):
        # User text is never a formula or a link.
        return {"strings_to_formulas": False, "strings_to_urls": False}

    def generate_xlsx_report(self, workbook, data, objs):
        bold = workbook.add_format({"bold": True, "bg_color": "#EEEEEE", "border": 1, "text_wrap": True})
        wrap = workbook.add_format({"text_wrap": True, "valign": "top"})
        grades = dict(self.env["liangze.assessment.score"]._fields["grade"]._description_selection(self.env))
        states = dict(self.env["liangze.assessment.deduction"]._fields["state"]._description_selection(self.env))
        scores = workbook.add_worksheet(self.env._("Scores"))
        headers = [
            (self.env._("Scheme"), 30),
            (self.env._("Peer Group"), 20),
            (self.env._("Rank"), 8),
            (self.env._("Unit"), 28),
            (self.env._("Score"), 10),
            (self.env._("Deducted"), 10),
            (self.env._("Bonus"), 10),
            (self.env._("Grade"), 10),
        ]
        for col, (title, width) in enumerate(headers):
            scores.write(0, col, title, bold)
            scores.set_column(col, col, width)
        row = 1
        for scheme in objs:
            for score in scheme.score_ids.sorted(lambda s: (s.group_id.sequence, s.group_id.id, s.rank)):
                values = [
                    scheme.name,
                    score.group_id.name,
                    score.rank,
                    score.unit_id.name,
                    score.score,
                    score.deduction_points,
                    score.bonus_points,
                    grades.get(score.grade, ""),
                ]
                for col, value in enumerate(values):
                    scores.write(row, col, value, wrap)
                row += 1
        details = workbook.add_worksheet(self.env._("Deductions and Bonuses"))
        headers = [
            (self.env._("Unit"), 28),
            (self.env._("Date"), 12),
            (self.env._("Rule"), 28),
            (self.env._("Points"), 8),
            (self.env._("Source"), 50),
            (self.env._("Reason"), 40),
            (self.env._("State"), 10),
        ]
        for col, (title, width) in enumerate(headers):
            details.write(0, col, title, bold)
            details.set_column(col, col, width)
        row = 1
        deductions = self.env["liangze.assessment.deduction"].search(
            [("scheme_id", "in", objs.ids)], order="unit_id, date"
        )
        for deduction in deductions:
            points = deduction.points if deduction.kind == "deduction" else -deduction.points
            values = [
                deduction.unit_id.name,
                str(deduction.date or ""),
                deduction.rule_id.name or self.env._("Entered by hand"),
                -points,
                deduction.source_name or "",
                deduction.reason or "",
                states.get(deduction.state, ""),
            ]
            for col, value in enumerate(values):
                details.write(row, col, value, wrap)
            row += 1
