# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from pathlib import Path

from odoo.tests import new_test_user, tagged

from odoo.addons.liangze_responsibility.tests.common import GROUP_HEAD, GROUP_SUPERVISOR, LiangzeCase

# The template a user loads: at the repository root, and offered by the import screen of Cadres.
TEMPLATE = Path(__file__).resolve().parents[2] / "data" / "liangze_cadre_import_template.xlsx"
OFFERED = Path(__file__).resolve().parents[1] / "static" / "xls" / "liangze_cadre_import_template.xlsx"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
OPTIONS = {
    "has_headers": True,
    "advanced": False,
    "keep_matches": False,
    "name_create_enabled_fields": {},
    "import_set_empty_fields": [],
    "import_skip_records": [],
    "fallback_values": {},
    "skip": 0,
    "limit": 2000,
    "encoding": "",
    "separator": "",
    "quoting": '"',
    "sheet": "",
    "date_format": "",
    "datetime_format": "",
    "float_thousand_separator": ",",
    "float_decimal_separator": ".",
    "fields": [],
}


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
        cls.t_office = Unit.create({"name": "办公室", "code": "T-BGS", "parent_id": county.id, "company_id": company})
        cls.wangfang = cls.env["res.users"].search([("name", "=", "王芳")], limit=1) or new_test_user(
            cls.env,
            login="t_wangfang",
            name="王芳",
            groups=GROUP_HEAD,
            company_id=company,
            company_ids=[(6, 0, [company])],
        )
        cls.importer = new_test_user(
            cls.env,
            login="t_discipline_officer",
            groups=GROUP_SUPERVISOR,
            company_id=company,
            company_ids=[(6, 0, [company])],
        )
        cls.t_discipline = Unit.create(
            {
                "name": "纪检组",
                "code": "T-JJZ",
                "unit_type": "discipline_body",
                "parent_id": county.id,
                "company_id": company,
                "member_ids": [(6, 0, cls.importer.ids)],
            }
        )

    def test_template_is_offered_and_imports(self):
        Cadre = self.env["liangze.cadre"].with_user(self.importer)
        templates = Cadre.get_import_templates()
        self.assertEqual(
            templates[0]["template"], "/liangze_accountability/static/xls/liangze_cadre_import_template.xlsx"
        )
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
        preview = wizard.parse_preview(OPTIONS)
        self.assertNotIn("error", preview, preview.get("error"))
        headers, matches = preview["headers"], preview["matches"]
        fields = ["/".join(matches[index]) if index in matches else False for index in range(len(headers))]
        self.assertEqual(fields, headers, "every column maps to its field by itself")
        result = wizard.execute_import(fields, headers, OPTIONS)
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
        content = TEMPLATE.read_bytes()
        wizard = (
            self.env["base_import.import"]
            .with_user(self.importer)
            .create({"res_model": "liangze.cadre", "file": content, "file_name": TEMPLATE.name, "file_type": XLSX})
        )
        preview = wizard.parse_preview(OPTIONS)
        headers = preview["headers"]
        self.t_office.name = "综合办公室"  # the template's unit no longer exists by that name
        result = wizard.execute_import(headers, headers, OPTIONS)
        self.assertTrue(result["messages"])
        self.assertFalse(self.env["liangze.cadre"].search([("name", "in", ["王芳", "周明"])]))
