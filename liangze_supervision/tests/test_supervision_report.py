# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from odoo.addons.liangze_base.models.liangze_record_guard import RecordGuardError

from .common import SupervisionCase


@tagged("post_install", "-at_install")
# The clock frozen in November 2026, after the third quarter.
@freeze_time("2026-11-02 02:00:00")
class TestSupervisionReport(SupervisionCase):
    """Supervision reports: approved by the supervision head, then a leader,
    then published; the unit reads nothing before."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._load_chinese()

    def _readable_by(self, user, report):
        return bool(self.env["liangze.supervision.report"].with_user(user).search([("id", "=", report.id)]))

    def test_unit_reads_the_report_only_once_published(self):
        report = self._supervision_report()
        self.assertFalse(self._readable_by(self.head, report))
        report.action_submit()
        self.assertEqual(report.state, "submitted")
        # In order: the leader's tier waits for the supervision head's.
        self.assertFalse(report.with_user(self.leader).can_review)
        self.assertTrue(report.with_user(self.supervision_head).can_review)
        report.with_user(self.supervision_head).validate_tier()
        self.assertEqual(report.state, "submitted")
        self.assertTrue(report.with_user(self.leader).can_review)
        report.with_user(self.leader).validate_tier()
        self.assertEqual(report.state, "approved")
        self.assertFalse(report.document_number, "no number before it goes out")
        for user in (self.head, self.member):
            self.assertFalse(self._readable_by(user, report))
            with self.assertRaises(AccessError):
                report.with_user(user).read(["opinion"])

        report.action_publish()
        self.assertEqual(report.state, "published")
        self.assertEqual(report.document_number, f"C-JJZ〔{report.issue_date.year}〕1号")
        for user in (self.head, self.member):
            self.assertTrue(self._readable_by(user, report))
            self.assertIn("Keep complete minutes", report.with_user(user).opinion)
        notice = report.message_ids.filtered(lambda m: self.head.partner_id in m.partner_ids)
        self.assertTrue(notice, "the unit head is notified of the publication")
        # Not the county, not another bureau.
        self.assertFalse(self._readable_by(self.outsider, report))

    def test_unapproved_report_cannot_be_published_by_anyone(self):
        report = self._supervision_report()
        with self.assertRefused(UserError, "审批"):
            report.with_context(lang="zh_CN").action_publish()
        report.action_submit()
        report.with_user(self.supervision_head).validate_tier()
        # One tier of two: still not publishable, not even written as superuser.
        for attempt in (report.action_publish, lambda: report.sudo().write({"state": "published"})):
            with self.assertRefused(UserError, "approved"):
                attempt()
        with self.assertRefused(UserError, "approved"):
            report.sudo().write({"state": "approved"})
        self.assertEqual(report.state, "submitted")
        self.assertFalse(report.document_number)

    def test_rejected_report_goes_back_to_draft_and_is_approved_afresh(self):
        report = self._supervision_report()
        report.action_submit()
        report.with_user(self.supervision_head).reject_tier()
        self.assertEqual(report.validation_status, "rejected")
        report.action_draft()
        self.assertEqual((report.state, len(report.review_ids)), ("draft", 0))
        report.opinion = "<p>Keep complete minutes, signed by the head</p>"
        report.action_submit()
        self.assertEqual(len(report.review_ids), 2)

    def test_the_approval_speaks_chinese(self):
        """What tier approval writes in the chatter and shows in the banner reads in
        Chinese (OCA's zh_CN.po leaves these empty: liangze says them in its words)."""
        report = self._supervision_report().with_context(lang="zh_CN")
        report.action_submit()
        bodies = " ".join(report.message_ids.mapped(lambda m: str(m.body)))
        self.assertRegex(bodies, "待.+审批，由.+提请")
        self.assertNotIn("Review pending", bodies)
        self.assertIn("审批", report._get_to_validate_message())
        self.assertNotIn("Group ", " ".join(report.review_ids.mapped("todo_by")))

    def test_only_supervisors_write_reports(self):
        with self.assertRaises(AccessError):
            self.env["liangze.supervision.report"].with_user(self.head).create(
                {"name": "Self-assessment", "unit_id": self.office.id, "issuer_unit_id": self.discipline.id}
            )
        report = self._supervision_report()
        report.action_submit()
        with self.assertRaises(AccessError):
            report.with_user(self.leader).write({"evaluation": "good"})
        with self.assertRefused(RecordGuardError, "has left its first state: Evaluation can no longer change"):
            report.write({"evaluation": "good"})

    def test_submitting_needs_content(self):
        report = self._supervision_report()
        report.write({"opinion": "<p><br></p>", "evaluation": False})
        with self.assertRefused(UserError, "监督意见"):
            report.with_context(lang="zh_CN").action_submit()
        self.assertEqual(report.state, "draft")

    def test_tasks_of_the_unit_and_period_are_proposed(self):
        item = self._published_item(self.office | self.archive_room, name="Quarterly check", frequency="quarterly")
        with Form(self.env["liangze.supervision.report"].with_user(self.supervisor)) as form:
            form.name = "Q3 report"
            form.unit_id = self.office
            form.issuer_unit_id = self.discipline
            form.date_from = date(2026, 7, 1)
            form.date_to = date(2026, 10, 31)
            proposed = form.task_ids
            self.assertEqual(
                set(proposed.ids),
                set(item.task_ids.filtered(lambda t: t.period_start == date(2026, 7, 1)).ids),
                "the office's and its archive room's third-quarter tasks",
            )
