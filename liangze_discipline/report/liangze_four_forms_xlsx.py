# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import Counter

from odoo import models

from odoo.addons.liangze_integrity.models.liangze_sanction_type import FORMS


class LiangzeFourFormsXlsx(models.AbstractModel):
    """The four forms per year, as the discipline bodies report them: person-times
    per form, its share of the year, and the change on the year before."""

    _name = "report.liangze_discipline.four_forms_xlsx"
    _description = "Four Forms (XLSX)"
    _inherit = "report.report_xlsx.abstract"

    def generate_xlsx_report(self, workbook, data, rows):
        counts = Counter((row.year, row.form) for row in rows)
        years = sorted({year for year, _form in counts})
        labels = dict(FORMS)
        sheet = workbook.add_worksheet(self.env._("Four Forms"))
        bold = workbook.add_format({"bold": True})
        percent = workbook.add_format({"num_format": "0.0%"})
        header = [self.env._("Year"), self.env._("Form"), self.env._("Person-times"), self.env._("Share")]
        header.append(self.env._("Change on the Year Before"))
        sheet.write_row(0, 0, header, bold)
        line = 1
        for year in years:
            total = sum(counts[(year, form)] for form, _label in FORMS)
            for form, _label in FORMS:
                count = counts[(year, form)]
                before = counts.get((year - 1, form))
                sheet.write(line, 0, year)
                sheet.write(line, 1, labels[form])
                sheet.write(line, 2, count)
                sheet.write(line, 3, count / total if total else 0, percent)
                if before:
                    sheet.write(line, 4, (count - before) / before, percent)
                line += 1
            sheet.write(line, 1, self.env._("Total"), bold)
            sheet.write(line, 2, total, bold)
            line += 1
        sheet.set_column(0, 0, 8)
        sheet.set_column(1, 1, 18)
        sheet.set_column(2, 4, 16)
