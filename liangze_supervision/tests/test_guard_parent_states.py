# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from freezegun import freeze_time
from lxml import etree

from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools.safe_eval import safe_eval
from odoo.tools.view_validation import get_expression_field_names

from .common import AssignmentLetterCase

LINE = "liangze.assignment.line"


@tagged("post_install", "-at_install")
@freeze_time("2026-03-02 02:00:00")
class TestGuardParentStates(AssignmentLetterCase):
    """The record guard's declarations at work: lines follow their parent's state
    (``_guard_parent_states``), and the forms show as read-only what the guard refuses."""

    def _letter(self):
        return self._assignment_letter((self.item, "talk", "half_yearly"))

    def _new_line(self, letter, user):
        return self.env[LINE].with_user(user).create({"letter_id": letter.id, "item_id": self.other_item.id})

    def test_lines_of_a_draft_letter_change(self):
        letter = self._letter()
        line = self._new_line(letter, self.supervisor)
        line.write({"frequency": "monthly", "note": "Every month"})
        self.assertEqual(line.frequency, "monthly")
        line.unlink()
        self.assertEqual(len(letter.line_ids), 1)

    def test_lines_of_an_issued_letter_do_not_change(self):
        letter = self._letter()
        line = self._new_line(letter, self.supervisor)
        letter.action_issue()
        # Trusted: issuing wrote the line's supervisory item.
        self.assertTrue(line.supervisory_item_id)
        for user in (self.supervisor, self.member):
            with self.subTest(user=user.login):
                with self.assertGuarded(LINE, "letter_id") as caught:
                    self._new_line(letter, user)
                self.assertRegex(
                    str(caught.exception),
                    "A new Supervision Assignment is added only while its Supervision Assignment Letter is Draft "
                    r"\(it is Issued\)",
                )
                with self.assertGuarded(LINE, "frequency") as caught:
                    line.with_user(user).write({"frequency": "monthly"})
                self.assertRegex(
                    str(caught.exception),
                    "Frequency of this Supervision Assignment is written only while its "
                    r"Supervision Assignment Letter is Draft \(it is Issued\)",
                )
        with self.assertGuarded(LINE, "letter_id") as caught:
            line.with_user(self.supervisor).unlink()
        self.assertRegex(str(caught.exception), "deleted only while its Supervision Assignment Letter is Draft")
        # The unit reads the lines, and may not delete them at all.
        with self.assertRaises(AccessError):
            line.with_user(self.member).unlink()
        self.assertEqual((line.exists(), line.frequency), (line, "quarterly"))

    def _form_readonly(self, record, user, name):
        """The readonly expression of the form's field ``name``, and its value for ``record``."""
        arch = self.env[record._name].with_user(user).get_views([(False, "form")])["views"]["form"]["arch"]
        nodes = [
            node
            for node in etree.fromstring(arch).iter("field")
            if node.get("name") == name and not any(a.tag == "field" for a in node.iterancestors())
        ]
        self.assertTrue(nodes, f"{name} is in the form")
        expression = nodes[0].get("readonly")
        values = {}
        for field_name in get_expression_field_names(expression):
            value = record[field_name]
            values[field_name] = value.id if hasattr(value, "_name") else value
        return expression, bool(safe_eval(expression, values))

    def test_forms_show_what_the_guard_refuses_as_readonly(self):
        report = self._supervision_report()
        content = ("name", "unit_id", "date_from", "evaluation", "implementation", "opinion", "task_ids")
        for name in content:
            expression, readonly = self._form_readonly(report, self.supervisor, name)
            self.assertIn("state not in ['draft']", expression)
            self.assertFalse(readonly, f"{name} is written in a draft")
        # Workflow fields are read-only whatever the state.
        self.assertTrue(self._form_readonly(report, self.supervisor, "document_number")[1])
        report.action_submit()
        report.with_user(self.supervision_head).validate_tier()
        report.with_user(self.leader).validate_tier()
        report.action_publish()
        self.assertEqual(report.state, "published")
        for name in content:
            with self.subTest(field=name):
                self.assertTrue(self._form_readonly(report, self.supervisor, name)[1], f"{name} is read-only")
        # The lines of an assignment letter: read-only in the letter's form once it is issued.
        letter = self._letter()
        expression, readonly = self._form_readonly(letter, self.supervisor, "line_ids")
        self.assertIn("state not in ['draft']", expression)
        self.assertFalse(readonly)
        letter.action_issue()
        self.assertTrue(self._form_readonly(letter, self.supervisor, "line_ids")[1])
