# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

import pytz

from odoo import models
from odoo.tools import html2plaintext, is_html_empty

# Tasks read per round trip: big enough to be fast, small enough that the
# record cache, dropped after each batch, stays small for 25,000 tasks.
BATCH = 1000
TASK_FIELDS = [
    "name",
    "category_id",
    "owner_unit_id",
    "responsible_user_id",
    "period_start",
    "period_end",
    "deadline",
    "state",
    "plan",
    "evidence_count",
    "signoff_user_id",
    "signoff_date",
]


class LiangzeLedgerXlsx(models.AbstractModel):
    """Work ledgers (工作台账) of many tasks as one spreadsheet row each."""

    _name = "report.liangze_responsibility.ledger_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Work Ledger XLSX Report"

    def get_workbook_options(self):
        # constant_memory streams each row to disk once the next one starts,
        # so rows must be written strictly in order. User text is never a
        # formula or a link.
        return {"constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False}

    def _headers(self):
        return [
            (self.env._("Task"), 40),
            (self.env._("Category"), 16),
            (self.env._("Unit"), 24),
            (self.env._("Responsible"), 12),
            (self.env._("Period Start"), 12),
            (self.env._("Period End"), 12),
            (self.env._("Deadline"), 12),
            (self.env._("State"), 10),
            (self.env._("Plan"), 40),
            (self.env._("Progress Entries"), 50),
            (self.env._("Evidence Count"), 10),
            (self.env._("Signed Off By"), 12),
            (self.env._("Signed Off On"), 17),
        ]

    def generate_xlsx_report(self, workbook, data, objs):
        sheet = workbook.add_worksheet(self.env._("Work Ledgers"))
        bold = workbook.add_format({"bold": True, "bg_color": "#EEEEEE", "border": 1, "text_wrap": True})
        wrap = workbook.add_format({"text_wrap": True, "valign": "top"})
        day = workbook.add_format({"num_format": "yyyy-mm-dd", "valign": "top"})
        moment = workbook.add_format({"num_format": "yyyy-mm-dd hh:mm", "valign": "top"})
        for col, (title, width) in enumerate(self._headers()):
            sheet.set_column(col, col, width)
            sheet.write_string(0, col, title, bold)
        sheet.freeze_panes(1, 0)

        Task = objs.browse()
        states = dict(Task._fields["state"]._description_selection(self.env))
        row = 1
        bureau_tz = self._bureau_tz()
        for start in range(0, len(objs.ids), BATCH):
            batch = Task.browse(objs.ids[start : start + BATCH])
            # read() keeps the order of the ids and refuses tasks the user may not read.
            tasks = batch.read(TASK_FIELDS)
            progress = self._progress_lines(batch.ids)
            for task in tasks:
                # In the bureau's time, whoever prints.
                signed_on = task["signoff_date"] and pytz.utc.localize(task["signoff_date"]).astimezone(bureau_tz)
                cells = [
                    task["name"],
                    task["category_id"] and task["category_id"][1],
                    task["owner_unit_id"] and task["owner_unit_id"][1],
                    task["responsible_user_id"] and task["responsible_user_id"][1],
                    task["period_start"],
                    task["period_end"],
                    task["deadline"],
                    states.get(task["state"]),
                    "" if is_html_empty(task["plan"]) else html2plaintext(task["plan"]),
                    "\n".join(progress[task["id"]]),
                    task["evidence_count"],
                    task["signoff_user_id"] and task["signoff_user_id"][1],
                    signed_on and signed_on.replace(tzinfo=None),
                ]
                for col, value in enumerate(cells):
                    if value is False or value is None or value == "":
                        continue  # read() gives False for empty fields; 0 evidence is still written
                    if col in (4, 5, 6):
                        sheet.write_datetime(row, col, value, day)
                    elif col == 12:
                        sheet.write_datetime(row, col, value, moment)
                    elif col == 10:
                        sheet.write_number(row, col, value)
                    else:
                        sheet.write_string(row, col, value, wrap)
                row += 1
            # Drop what this batch loaded, so memory does not grow with the export.
            self.env.invalidate_all()

    def _progress_lines(self, task_ids):
        """{task id: ["date percent% text", ...]} in date order."""
        lines = defaultdict(list)
        entries = self.env["liangze.task.progress"].search_read(
            [("task_id", "in", task_ids)], ["task_id", "date", "percent", "description"], order="date, id"
        )
        for entry in entries:
            lines[entry["task_id"][0]].append(f"{entry['date']} {entry['percent']}% {entry['description']}")
        return lines
