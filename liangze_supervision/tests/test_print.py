# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from freezegun import freeze_time

from odoo.tests import tagged

from .common import SupervisionCase

REPORTS = {
    "report": "liangze_supervision.action_report_liangze_supervision_report",
    "letter": "liangze_supervision.action_report_liangze_recommendation_letter",
    "reminder": "liangze_supervision.action_report_liangze_reminder_letter",
    "receipt": "liangze_supervision.action_report_liangze_reminder_receipt",
}


@tagged("post_install", "-at_install")
# The clock frozen in 26 February 2026, the day the documents go out.
@freeze_time("2026-02-26 02:00:00")
class TestPrint(SupervisionCase):
    """Every supervision document prints as an official document (GB/T 9704):
    issuer, number, addressee, body, and a CJK font in the PDF."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.discipline.document_prefix = "X税纪建"
        item = cls._published_item(
            cls.office,
            name="Monthly integrity check",
            frequency="monthly",
            deadline_rule="fixed_day",
            deadline_day=25,
            supervising_unit_id=cls.discipline.id,
        )
        with freeze_time("2026-02-26"):
            cls._run_daily_jobs()
            cls.reminder = cls.env["liangze.reminder.letter"].search([("task_ids", "in", item.task_ids.ids)])
            cls.reminder.with_user(cls.supervisor).action_issue()
            cls.reminder.with_user(cls.head).receipt_note = "The January ledger is being completed"
            cls.reminder.with_user(cls.head).action_acknowledge()
            cls.letter = cls._letter(3, due=date(2026, 3, 31))
            cls.letter.action_issue()
        cls.report = (
            cls.env["liangze.supervision.report"]
            .with_user(cls.supervisor)
            .create(
                {
                    "name": "Supervision report on the office",
                    "unit_id": cls.office.id,
                    "issuer_unit_id": cls.discipline.id,
                    "implementation": "<p>Sessions held on time</p>",
                    "opinion": "<p>Keep complete minutes</p>",
                    "evaluation": "good",
                    "task_ids": [(6, 0, item.task_ids[:2].ids)],
                }
            )
        )

    def _html(self, user, kind, records):
        return self.env["ir.actions.report"].with_user(user)._render_qweb_html(REPORTS[kind], records.ids)[0].decode()

    def test_recommendation_letter(self):
        html = self._html(self.member, "letter", self.letter)
        # The reminder letter took number 1 of the same issuer and year.
        self.assertEqual(self.letter.document_number, "X税纪建〔2026〕2号")
        for text in ("X税纪建〔2026〕2号", "Discipline Group", "Office", "Recommendation letter on official vehicles"):
            self.assertIn(text, html)
        for number in (1, 2, 3):
            self.assertIn(f"Problem {number}", html)
            self.assertIn(f"Fix {number}", html)

    def test_reminder_letter_and_receipt(self):
        html = self._html(self.head, "reminder", self.reminder)
        self.assertIn(self.reminder.document_number, html)
        for task in self.reminder.task_ids:
            self.assertIn(task.name, html)
        receipt = self._html(self.supervisor, "receipt", self.reminder)
        for text in ("The January ledger is being completed", self.head.name, self.reminder.document_number):
            self.assertIn(text, receipt)

    def test_supervision_report_draft_is_marked(self):
        html = self._html(self.supervisor, "report", self.report)
        for text in ("Supervision report on the office", "Keep complete minutes", "Good", "DRAFT"):
            self.assertIn(text, html)
        self.assertIn(self.report.task_ids[0].name, html)

    def test_every_pdf_embeds_a_chinese_font(self):
        Report = self.env["ir.actions.report"].with_context(force_report_rendering=True)
        documents = {"report": self.report, "letter": self.letter, "reminder": self.reminder, "receipt": self.reminder}
        for kind, records in documents.items():
            with self.subTest(kind), self.allow_pdf_render():
                pdf = Report.with_user(self.supervisor)._render_qweb_pdf(REPORTS[kind], records.ids)[0]
            self.assertTrue(pdf.startswith(b"%PDF"))
            self.assertTrue(b"CJK" in pdf or b"Noto" in pdf, f"no CJK font embedded in the {kind}")
