# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged
from odoo.tests.common import TransactionCase

REPORTS = {
    "liangze.supervision.report": ["liangze_supervision.action_report_liangze_supervision_report"],
    "liangze.rectification": ["liangze_supervision.action_report_liangze_recommendation_letter"],
    "liangze.reminder.letter": [
        "liangze_supervision.action_report_liangze_reminder_letter",
        "liangze_supervision.action_report_liangze_reminder_receipt",
    ],
}


@tagged("post_install", "-at_install", "liangze_demo")
class TestDemoDocuments(TransactionCase):
    """The demo discipline body's documents print, in Chinese, for the demo supervisor."""

    def setUp(self):
        super().setUp()
        if not self.env.ref("liangze_supervision.liangze_supervision_report_demo_service_h1", raise_if_not_found=False):
            self.skipTest("demo data not loaded")
        self.supervisor = self.env.ref("liangze_responsibility.res_users_demo_zhaomin")
        self.env["res.lang"]._activate_lang("zh_CN")
        modules = self.env["ir.module.module"].search([("name", "like", "liangze_"), ("state", "=", "installed")])
        self.env["ir.module.module"]._load_module_terms(modules.mapped("name"), ["zh_CN"], overwrite=True)

    def _issued(self, model):
        # A receipt prints what the unit acknowledged: acknowledged sorts before issued.
        order = "state, id" if model == "liangze.reminder.letter" else "id"
        return self.env[model].search([("document_number", "!=", False)], order=order, limit=1)

    def test_every_document_type_prints_in_chinese(self):
        Report = self.env["ir.actions.report"].with_user(self.supervisor).with_context(lang="zh_CN")
        for model, reports in REPORTS.items():
            document = self._issued(model)
            self.assertTrue(document, f"no numbered demo {model}")
            self.assertRegex(document.document_number, r"〔20\d\d〕\d+号$")
            for report in reports:
                with self.subTest(report=report):
                    html = Report._render_qweb_html(report, document.ids)[0].decode()
                    self.assertIn(document.document_number, html)
                    self.assertIn(document.issuer_unit_id.name, html)
                    self.assertIn(document.unit_id.name, html)
                    self.assertIn("年", html, "dates in the Chinese format")

    def test_demo_pdf_embeds_a_chinese_font(self):
        letter = self._issued("liangze.rectification")
        Report = self.env["ir.actions.report"].with_context(force_report_rendering=True, lang="zh_CN")
        with self.allow_pdf_render():
            pdf = Report.with_user(self.supervisor)._render_qweb_pdf(
                "liangze_supervision.action_report_liangze_recommendation_letter", letter.ids
            )[0]
        self.assertTrue(pdf.startswith(b"%PDF"))
        self.assertTrue(b"CJK" in pdf or b"Noto" in pdf, "no CJK font embedded")
