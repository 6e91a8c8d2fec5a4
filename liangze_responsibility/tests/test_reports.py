# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import io

import openpyxl
from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import LiangzeCase

PDF = base64.b64encode(b"%PDF-1.4 minutes of the meeting")
LIST_REPORT = "liangze_responsibility.action_report_liangze_list"
LEDGER_REPORT = "liangze_responsibility.action_report_liangze_ledger"
LEDGER_XLSX = "liangze_responsibility.action_report_liangze_ledger_xlsx"


@tagged("post_install", "-at_install")
# The clock frozen in 2026, at 04:30 on 18 March in China (20:30 UTC the day before).
@freeze_time("2026-03-17 20:30:00")
class TestReports(LiangzeCase):
    """The responsibility list and work ledger prints, as the users who print them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.leadership = cls.env.ref("liangze_responsibility.liangze_category_organisational_leadership")
        cls.prevention = cls.env.ref("liangze_responsibility.liangze_category_prevention")
        cls.rlist = cls.env["liangze.list"].create(
            {"name": "Principal Responsibility List", "year": 2026, "company_id": cls.company_a.id}
        )
        Item = cls.env["liangze.list.item"]
        cls.study = Item.create(
            {
                "list_id": cls.rlist.id,
                "category_id": cls.leadership.id,
                "name": "Study the integrity rules",
                "standard": "Study twice a year and keep the minutes",
                "frequency": "yearly",
                "owner_type": "department",
                "owner_unit_ids": [(6, 0, (cls.office | cls.county_office).ids)],
                "lead_leader_id": cls.leader.id,
                "supervising_unit_id": cls.discipline.id,
                "weight": 5,
            }
        )
        cls.talk = Item.create(
            {
                "list_id": cls.rlist.id,
                "category_id": cls.prevention.id,
                "name": "Integrity talk",
                "frequency": "months",
                "months": "3,9",
                "deadline_rule": "fixed_day",
                "deadline_day": 25,
                "owner_type": "department",
                "owner_unit_ids": [(6, 0, cls.archive_room.ids)],
            }
        )
        cls.rlist.action_publish()
        cls.office_task = cls.study.task_ids.filtered(lambda t: t.owner_unit_id == cls.office)
        cls.county_task = cls.study.task_ids.filtered(lambda t: t.owner_unit_id == cls.county_office)

        # The office member fills the ledger and signs it off.
        task = cls.office_task.with_user(cls.member)
        task.plan = "<p>Hold two study sessions</p>"
        cls.env["liangze.task.progress"].with_user(cls.member).create(
            {"task_id": task.id, "description": "First session held", "percent": 50}
        )
        cls.env["liangze.task.evidence"].with_user(cls.member).create(
            {"task_id": task.id, "name": "Session minutes", "file": PDF, "file_name": "minutes.pdf"}
        )
        wizard = cls.env["liangze.task.submit"].with_user(cls.member).create({"task_id": task.id, "confirm": True})
        wizard.action_submit()

    def _html(self, user, report, ids):
        return self.env["ir.actions.report"].with_user(user)._render_qweb_html(report, ids)[0].decode()

    def test_list_report(self):
        html = self._html(self.admin, LIST_REPORT, self.rlist.ids)
        for text in (
            "2026 Principal Responsibility List",
            "Organisational leadership",
            "Prevention and oversight",
            "Study the integrity rules",
            "Study twice a year and keep the minutes",
            "Integrity talk",
            "Office",
            "County Office",
            "Archive Room",
            self.leader.name,
            "Discipline Group",
            "Months 3, 9",
            "Within 5 days after the period ends",
            "By day 25 of the period&#39;s last month",
        ):
            self.assertIn(text, html)
        # Grouped by category, in the categories' order.
        self.assertLess(html.index("Organisational leadership"), html.index("Study the integrity rules"))
        self.assertLess(html.index("Study the integrity rules"), html.index("Prevention and oversight"))
        self.assertLess(html.index("Prevention and oversight"), html.index("Integrity talk"))

    def test_ledger_report(self):
        html = self._html(self.member, LEDGER_REPORT, self.office_task.ids)
        for text in (
            "Study the integrity rules",
            "Study twice a year and keep the minutes",
            "Office",
            "Hold two study sessions",
            "First session held",
            "Session minutes",
            "minutes.pdf",
            "Submitted",
            self.member.name,
        ):
            self.assertIn(text, html)
        self.assertNotIn("Not signed off yet.", html)

    def test_ledger_report_of_another_unit_is_refused(self):
        with self.assertRaises(AccessError):
            self._html(self.member, LEDGER_REPORT, self.county_task.ids)
        with self.assertRaises(AccessError):
            self.env["ir.actions.report"].with_user(self.member)._render(LEDGER_XLSX, self.county_task.ids)

    def test_ledger_xlsx(self):
        tasks = self.office_task | self.county_task
        content, kind = self.env["ir.actions.report"].with_user(self.admin)._render(LEDGER_XLSX, tasks.ids)
        self.assertEqual(kind, "xlsx")
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        rows = list(sheet.iter_rows(values_only=True))
        self.assertEqual(rows[0][:4], ("Task", "Category", "Unit", "Responsible"))
        self.assertEqual(rows[0][-2:], ("Signed Off By", "Signed Off On"))
        self.assertEqual(len(rows), 3)
        office = dict(zip(rows[0], rows[1], strict=True))
        self.assertEqual(office["Task"], self.office_task.name)
        self.assertEqual(office["Category"], "Organisational leadership")
        self.assertEqual(office["Unit"], self.office.complete_name)
        self.assertEqual(office["Period Start"].date().isoformat(), "2026-01-01")
        self.assertEqual(office["State"], "Submitted")
        self.assertEqual(office["Plan"], "Hold two study sessions")
        self.assertRegex(office["Progress Entries"], r"^\d{4}-\d\d-\d\d 50% First session held$")
        self.assertEqual(office["Evidence Count"], 1)
        self.assertEqual(office["Signed Off By"], self.member.name)
        self.assertTrue(office["Signed Off On"])
        county = dict(zip(rows[0], rows[2], strict=True))
        self.assertEqual(county["State"], "To Do")
        self.assertIsNone(county["Signed Off By"])

    def test_ledger_xlsx_state_in_chinese(self):
        self._load_chinese()
        Report = self.env["ir.actions.report"].with_user(self.member).with_context(lang="zh_CN")
        sheet = openpyxl.load_workbook(io.BytesIO(Report._render(LEDGER_XLSX, self.office_task.ids)[0])).active
        self.assertEqual(sheet.cell(2, 8).value, "已提交")

    def test_print_wizard(self):
        Wizard = self.env["liangze.ledger.print"].with_user(self.member)
        action = Wizard.create({"unit_id": self.office.id, "year": 2026}).action_print()
        self.assertEqual(action["report_name"], "liangze_responsibility.report_liangze_ledger")
        self.assertEqual(action["context"]["active_ids"], self.office_task.ids)
        action = Wizard.create({"unit_id": self.office.id, "year": 2026, "format": "xlsx"}).action_print()
        self.assertEqual((action["report_type"], action["context"]["active_ids"]), ("xlsx", self.office_task.ids))
        # The county office's tasks exist, but the member may not read them.
        with self.assertRaises(UserError):
            Wizard.create({"unit_id": self.county_office.id, "year": 2026}).action_print()

    def test_pdf_has_chinese_font(self):
        self._load_chinese()
        Report = self.env["ir.actions.report"].with_context(force_report_rendering=True, lang="zh_CN")
        with self.allow_pdf_render():
            pdf = Report.with_user(self.admin)._render_qweb_pdf(LIST_REPORT, self.rlist.ids)[0]
        self.assertTrue(pdf.startswith(b"%PDF"))
        self.assertTrue(b"CJK" in pdf or b"Noto" in pdf, "no CJK font embedded")
