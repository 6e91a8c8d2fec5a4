# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.liangze_base.models.liangze_record_guard import RecordGuardError

from .common import AssignmentLetterCase


@tagged("post_install", "-at_install")
# The clock frozen in the list's year, 2026.
@freeze_time("2026-03-02 02:00:00")
class TestAssignmentLetter(AssignmentLetterCase):
    """One list, one letter (一单一书): with the office's published list, the
    discipline group says what it will supervise; the office's head acknowledges;
    the group's supervisory tasks follow."""

    def _letter(self):
        return self._assignment_letter(
            (self.item, "talk", "half_yearly"), (self.other_item, "online_review", "quarterly")
        )

    def test_lines_read_as_their_letter(self):
        """What the group will supervise, line by line, reaches whoever reads the letter
        and nobody else: not the office before the letter goes out, not another bureau."""
        letter = self._letter()
        Line = self.env["liangze.assignment.line"]
        self.assertEqual(Line.with_user(self.supervisor).search([]), letter.line_ids)
        self.assertEqual(Line.with_user(self.leader).search([]), letter.line_ids)
        for user in (self.member, self.head, self.outsider):
            with self.subTest(user=user.login, state="draft"):
                self.assertFalse(Line.with_user(user).search([]))
                with self.assertRaises(AccessError):
                    letter.line_ids.with_user(user).read(["method"])
        letter.action_issue()
        self.assertEqual(Line.with_user(self.member).search([]), letter.line_ids)
        self.assertFalse(Line.with_user(self.outsider).search([]))

    def test_issued_acknowledged_and_its_tasks_generated_once(self):
        letter = self._letter()
        Letter = self.env["liangze.assignment.letter"]
        self.assertFalse(Letter.with_user(self.member).search([]), "the office sees it once issued")
        with self.assertRaises(AccessError):
            letter.with_user(self.member).action_issue()
        letter.action_issue()
        self.assertRegex(letter.document_number, r"〔\d{4}〕1号$")
        self.assertEqual(Letter.with_user(self.member).search([]), letter)
        # Issued: what it promises does not change.
        with self.assertRefused(RecordGuardError, "Frequency of this .* only while its Supervision Assignment Letter"):
            letter.line_ids[0].write({"frequency": "monthly"})
        with self.assertRaises(UserError):
            letter.action_issue()
        # The body's supervisory items and tasks: 2 half-yearly talks and 4 quarterly reviews.
        items = letter.line_ids.supervisory_item_id
        self.assertEqual(len(items), 2)
        self.assertEqual(set(items.mapped("kind")), {"supervisory"})
        self.assertEqual(items.owner_unit_ids, self.discipline)
        self.assertEqual(items.covered_item_ids, self.item | self.other_item)
        tasks = items.task_ids
        self.assertEqual(len(tasks), 6)
        self.assertEqual(tasks.owner_unit_id, self.discipline)
        # Generated once, however often the generation or the daily job runs.
        letter._generate_supervisory_items()
        self.env["liangze.list"]._cron_generate_tasks()
        self.assertEqual(letter.line_ids.supervisory_item_id, items)
        self.assertEqual(len(items.task_ids), 6)
        second = self._letter()
        second.action_issue()
        self.assertEqual(second.supervisory_list_id, letter.supervisory_list_id, "one list of the body's tasks a year")
        # The office's head acknowledges with the receipt; a member may not.
        with self.assertRaises(UserError):
            letter.with_user(self.member).action_acknowledge()
        letter.with_user(self.head).write({"receipt_note": "Received; the talks are scheduled."})
        letter.with_user(self.head).action_acknowledge()
        self.assertEqual((letter.state, letter.receipt_user_id), ("acknowledged", self.head))
        report = self.env.ref("liangze_supervision.action_report_liangze_assignment_letter")
        html = report._render_qweb_html(report.report_name, letter.ids)[0].decode()
        self.assertIn(letter.document_number, html)
        self.assertIn("Integrity talks", html)

    def test_lines_supervise_the_letters_list(self):
        other = self._published_item(self.office, name="Elsewhere")
        with self.assertRaises(UserError):
            self.env["liangze.assignment.letter"].with_user(self.supervisor).create(
                {
                    "list_id": self.item.list_id.id,
                    "unit_id": self.office.id,
                    "issuer_unit_id": self.discipline.id,
                    "company_id": self.company_a.id,
                    "line_ids": [(0, 0, {"item_id": other.id})],
                }
            )
        empty = self._assignment_letter()
        with self.assertRaises(UserError):
            empty.action_issue()
