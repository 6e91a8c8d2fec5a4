# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import SupervisionCase


@tagged("post_install", "-at_install")
# The clock frozen in May 2026: the numbers of 2026.
@freeze_time("2026-05-06 02:00:00")
class TestDocumentNumbers(SupervisionCase):
    """〔year〕N号: consecutive per issuer and year, given when a document goes out."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        item = cls._published_item(
            cls.office,
            name="January check",
            frequency="months",
            months="1",
            deadline_rule="fixed_day",
            deadline_day=20,
            supervising_unit_id=cls.discipline.id,
        )
        cls.red_task = item.task_ids

    def _issue_letter(self, issuer=None):
        letter = self._letter(1, due=date(2026, 12, 31))
        if issuer:
            letter.issuer_unit_id = issuer
        letter.action_issue()
        return letter.document_number

    def test_numbers_are_consecutive_per_issuer_and_year(self):
        self.discipline.document_prefix = "X税纪建"
        county_body = self.env["liangze.unit"].create(
            {
                "name": "County Discipline Group",
                "code": "Q-JJZ",
                "unit_type": "discipline_body",
                "parent_id": self.county.id,
                "company_id": self.company_a1.id,
                "member_ids": [(6, 0, self.supervisor.ids)],
            }
        )
        with freeze_time("2026-05-06"):
            first = self._issue_letter()
            # Drafts of any kind in between take no number.
            self._letter(2)
            self.env["liangze.supervision.report"].with_user(self.supervisor).create(
                {"name": "Draft report", "unit_id": self.office.id, "issuer_unit_id": self.discipline.id}
            )
            second = self._issue_letter()
            county_first = self._issue_letter(county_body)
            third = self._issue_letter()
        self.assertEqual([first, second, third], ["X税纪建〔2026〕1号", "X税纪建〔2026〕2号", "X税纪建〔2026〕3号"])
        self.assertEqual(county_first, "Q-JJZ〔2026〕1号")
        with freeze_time("2027-01-04"):
            letter = self._letter(1, due=date(2027, 2, 1))
            letter.action_issue()
        self.assertEqual(letter.document_number, "X税纪建〔2027〕1号", "a new year starts again at 1")

    def test_one_series_per_kind_with_its_own_prefix(self):
        """The administrator gives reminder letters and recommendation letters their own series."""
        self.discipline.write({"document_prefix": "X税纪", "document_numbering": "per_kind"})
        self.discipline.with_user(self.admin).document_series_ids = [
            (0, 0, {"kind": "reminder_letter", "prefix": "X税纪提"}),
        ]
        with freeze_time("2026-02-26"):
            self._run_daily_jobs()
            first_letter = self._issue_letter()
            reminder = self.env["liangze.reminder.letter"].search(
                [("unit_id", "=", self.office.id), ("state", "=", "draft")]
            )
            self.assertIn(self.red_task, reminder.task_ids)
            reminder.with_user(self.supervisor).action_issue()
            second_letter = self._issue_letter()
        self.assertEqual([first_letter, second_letter], ["X税纪建〔2026〕1号", "X税纪建〔2026〕2号"])
        self.assertEqual(reminder.document_number, "X税纪提〔2026〕1号")

    def test_unit_with_documents_is_archived_not_deleted(self):
        self._issue_letter()
        with self.assertRefused(UserError, "archive"):
            self.office.unlink()
        self.assertTrue(self.office.exists())
