# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import io
from pathlib import Path

from freezegun import freeze_time

from odoo.tests import tagged

from odoo.addons.liangze_base.tests.common import bureau_user

from .common import GROUP_LEADER, IMPORT_OPTIONS, XLSX, LiangzeCase

# The import template lives at the repository root, next to its generator.
TEMPLATE = Path(__file__).resolve().parents[2] / "data" / "liangze_list_item_import_template.xlsx"
LIST_NAME = "2026年度全面从严治党主体责任清单"


@tagged("post_install", "-at_install")
# The clock frozen in the list's year, 2026.
@freeze_time("2026-01-15 02:00:00")
class TestImport(LiangzeCase):
    """A list's items come in through Odoo's standard import of the XLSX template."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        if not TEMPLATE.is_file():
            raise cls.skipException(f"import template not found: {TEMPLATE}")
        cls._load_chinese()
        cls.admin.lang = "zh_CN"
        # The units the template names, by their full names.
        Unit = cls.env["liangze.unit"]
        company = cls.company_a.id
        city = Unit.create(
            {"name": "云州市税务局党委", "code": "T-YZ", "unit_type": "party_committee", "company_id": company}
        )
        county = Unit.create(
            {
                "name": "清河县税务局党委",
                "code": "T-QH",
                "unit_type": "party_committee",
                "parent_id": city.id,
                "company_id": company,
            }
        )

        def sub(name, code, unit_type):
            return Unit.create(
                {"name": name, "code": code, "unit_type": unit_type, "parent_id": county.id, "company_id": company}
            )

        cls.t_office = sub("办公室", "T-BGS", "department")
        cls.t_personnel = sub("人事教育股", "T-RJG", "department")
        cls.t_branch_1 = sub("机关第一党支部", "T-ZB1", "party_branch")
        cls.t_branch_2 = sub("机关第二党支部", "T-ZB2", "party_branch")
        cls.t_discipline = sub("驻清河县税务局纪检组", "T-JJZ", "discipline_body")
        # The lead leaders the template names: the demo ones when the demo is loaded.
        cls.leaders = {}
        for login, name in (("t_sunli", "孙丽"), ("t_zhangwei", "张伟")):
            leader = cls.env["res.users"].search([("name", "=", name)], limit=1)
            cls.leaders[name] = leader or bureau_user(
                cls.env,
                login=login,
                name=name,
                groups=GROUP_LEADER,
                company_id=company,
                company_ids=[(6, 0, [company])],
            )
        cls.rlist = (
            cls.env["liangze.list"]
            .with_user(cls.admin)
            .create({"name": LIST_NAME, "year": 2026, "company_id": company, "unit_ids": [(6, 0, county.ids)]})
        )

    def _import(self, content):
        """Import ``content`` as the web client does: preview, then execute with its matches."""
        wizard = (
            self.env["base_import.import"]
            .with_user(self.admin)
            .with_context(lang="zh_CN")  # as the web client of a Chinese user
            .create({"res_model": "liangze.list.item", "file": content, "file_name": TEMPLATE.name, "file_type": XLSX})
        )
        options = dict(IMPORT_OPTIONS)
        preview = wizard.parse_preview(options)
        self.assertNotIn("error", preview, preview.get("error"))
        headers, matches = preview["headers"], preview["matches"]
        # Every column of the template maps to its field by itself.
        fields = ["/".join(matches[index]) if index in matches else False for index in range(len(headers))]
        self.assertEqual(fields, headers)
        return wizard.execute_import(fields, headers, options)

    def _items(self):
        return self.env["liangze.list.item"].search([("list_id", "=", self.rlist.id)], order="sequence")

    def test_import_template(self):
        result = self._import(TEMPLATE.read_bytes())
        self.assertEqual(result["messages"], [])
        items = self._items()
        self.assertEqual(len(items), 2)
        self.assertEqual(sorted(items.ids), sorted(result["ids"]))
        risk, warning = items

        self.assertEqual(risk.name, "廉政风险点排查防控")
        self.assertEqual(risk.category_id, self.env.ref("liangze_responsibility.liangze_category_prevention"))
        self.assertEqual(risk.owner_type, "department")
        self.assertEqual(risk.owner_unit_ids, self.t_office | self.t_personnel)
        self.assertEqual(risk.frequency, "quarterly")
        self.assertEqual((risk.deadline_rule, risk.deadline_days), ("after_end", 10))
        self.assertEqual(risk.weight, 2)
        self.assertEqual(risk.evidence_min, 1)
        self.assertEqual(risk.lead_leader_id, self.leaders["孙丽"])
        self.assertEqual(risk.supervising_unit_id, self.t_discipline)
        self.assertIn("第十四条", risk.basis)
        self.assertTrue(risk.standard)

        self.assertEqual(warning.category_id, self.env.ref("liangze_responsibility.liangze_category_example"))
        self.assertEqual(warning.owner_type, "party_branch")
        self.assertEqual(warning.owner_unit_ids, self.t_branch_1 | self.t_branch_2)
        self.assertEqual((warning.frequency, warning.months), ("months", "6,12"))
        self.assertEqual((warning.deadline_rule, warning.deadline_day), ("fixed_day", 25))
        self.assertEqual(warning.weight, 1.5)
        self.assertEqual(warning.evidence_min, 2)
        self.assertEqual(warning.lead_leader_id, self.leaders["张伟"])

        # Imported into a published list, the items get their tasks at once.
        self.rlist.with_user(self.admin).action_publish()
        self.assertEqual(len(risk.task_ids), 8)  # 4 quarters x 2 departments
        self.assertEqual(len(warning.task_ids), 4)  # June and December x 2 branches

    def test_bad_row_imports_nothing(self):
        import openpyxl

        book = openpyxl.load_workbook(TEMPLATE)
        sheet = book.worksheets[0]
        headers = [cell.value for cell in sheet[1]]
        sheet.cell(row=3, column=headers.index("weight") + 1, value=-1)
        buffer = io.BytesIO()
        book.save(buffer)

        result = self._import(buffer.getvalue())
        errors = [message for message in result["messages"] if message["type"] == "error"]
        self.assertTrue(errors, result)
        self.assertIn("分值不能为负数", errors[0]["message"])
        self.assertFalse(result["ids"])
        self.assertFalse(self._items())
