# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from pathlib import Path

from odoo.tests import tagged
from odoo.tools import mute_logger

from odoo.addons.liangze_base.tests.common import bureau_user
from odoo.addons.liangze_responsibility.tests.common import (
    GROUP_HEAD,
    GROUP_SUPERVISOR,
    IMPORT_OPTIONS,
    XLSX,
    LiangzeCase,
)

# The template a user loads: at the repository root, and offered by the import screen of Cadres.
TEMPLATE = Path(__file__).resolve().parents[2] / "data" / "liangze_cadre_import_template.xlsx"
OFFERED = Path(__file__).resolve().parents[2] / "liangze_base" / "static" / "xls" / "liangze_cadre_import_template.xlsx"


@tagged("post_install", "-at_install")
class TestCadreImport(LiangzeCase):
    """Cadres, most without a login, come in through Odoo's import of the XLSX template."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        if not TEMPLATE.is_file():
            raise cls.skipException(f"import template not found: {TEMPLATE}")
        Unit = cls.env["liangze.unit"]
        company = cls.company_a.id

        def unit(name, code, parent=None, unit_type="department"):
            """The unit the template names: the demo's when the demo is loaded."""
            found = Unit.search([("name", "=", name), ("parent_id", "=", parent.id if parent else False)], limit=1)
            return found or Unit.create(
                {
                    "name": name,
                    "code": code,
                    "unit_type": unit_type,
                    "parent_id": parent.id if parent else False,
                    "company_id": company,
                }
            )

        county = unit(
            "清河县税务局党委", "T-QH", unit("云州市税务局党委", "T-YZ", unit_type="party_committee"), "party_committee"
        )
        cls.t_office = unit("办公室", "T-BGS", county)
        cls.wangfang = cls.env["res.users"].search([("name", "=", "王芳")], limit=1) or bureau_user(
            cls.env,
            login="t_wangfang",
            name="王芳",
            groups=GROUP_HEAD,
            company_id=company,
            company_ids=[(6, 0, [company])],
        )
        # With the demo, 王芳 is a cadre already: the template's example row brings her again, as a new import would.
        cls.env["liangze.cadre"].search([("user_id", "=", cls.wangfang.id)]).write({"active": False, "user_id": False})
        # A discipline officer of the county bureau (the demo's, when loaded) imports them.
        county_company = county.company_id
        cls.importer = bureau_user(
            cls.env,
            login="t_discipline_officer",
            groups=GROUP_SUPERVISOR,
            company_id=county_company.id,
            company_ids=[(6, 0, county_company.ids)],
        )
        Unit.create(
            {
                "name": "纪检组（导入测试）",
                "code": "T-JJZ",
                "unit_type": "discipline_body",
                "parent_id": county.id,
                "company_id": county_company.id,
                "member_ids": [(6, 0, cls.importer.ids)],
            }
        )

    def test_template_is_offered_and_imports(self):
        Cadre = self.env["liangze.cadre"].with_user(self.importer)
        templates = Cadre.get_import_templates()
        self.assertEqual(templates[0]["template"], "/liangze_base/static/xls/liangze_cadre_import_template.xlsx")
        self.assertEqual(OFFERED.read_bytes(), TEMPLATE.read_bytes(), "the file offered is the template of data/")
        wizard = (
            self.env["base_import.import"]
            .with_user(self.importer)
            .create(
                {
                    "res_model": "liangze.cadre",
                    "file": TEMPLATE.read_bytes(),
                    "file_name": TEMPLATE.name,
                    "file_type": XLSX,
                }
            )
        )
        preview = wizard.parse_preview(dict(IMPORT_OPTIONS))
        self.assertNotIn("error", preview, preview.get("error"))
        headers, matches = preview["headers"], preview["matches"]
        fields = ["/".join(matches[index]) if index in matches else False for index in range(len(headers))]
        self.assertEqual(fields, headers, "every column maps to its field by itself")
        result = wizard.execute_import(fields, headers, dict(IMPORT_OPTIONS))
        self.assertEqual(result["messages"], [])
        cadres = Cadre.browse(result["ids"])
        self.assertEqual(cadres.mapped("name"), ["王芳", "周明"])
        head, deputy = cadres
        self.assertEqual(
            (head.unit_id, head.user_id, head.leader_role), (self.t_office, self.wangfang, "principal_leader")
        )
        self.assertEqual(
            (deputy.user_id, deputy.rank, deputy.note), (self.env["res.users"], "section_deputy", "无系统账号")
        )

    def test_a_bad_row_imports_nothing(self):
        Cadre = self.env["liangze.cadre"].with_context(active_test=False)
        before = Cadre.search([])
        content = TEMPLATE.read_bytes()
        wizard = (
            self.env["base_import.import"]
            .with_user(self.importer)
            .create({"res_model": "liangze.cadre", "file": content, "file_name": TEMPLATE.name, "file_type": XLSX})
        )
        preview = wizard.parse_preview(dict(IMPORT_OPTIONS))
        headers = preview["headers"]
        self.t_office.name = "综合办公室"  # the template's unit no longer exists by that name
        with mute_logger("odoo.sql_db"):  # the database refuses the row: a cadre has a unit
            result = wizard.execute_import(headers, headers, dict(IMPORT_OPTIONS))
        self.assertTrue(result["messages"])
        self.assertEqual(Cadre.search([]), before, "not even the good row")
