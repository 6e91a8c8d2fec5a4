# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Forgeries of supervision documents and their approvals, seen through the
external API, replayed as the role that tried them."""

import xmlrpc.client
from datetime import date

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged

from .common import SupervisionCase


@tagged("post_install", "-at_install")
# The clock frozen in February 2026, before the January tasks' reminder letter.
@freeze_time("2026-02-20 02:00:00")
class TestDocumentIntegrity(SupervisionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.item = cls._published_item(
            cls.office,
            name="Monthly integrity check",
            frequency="monthly",
            deadline_rule="fixed_day",
            deadline_day=25,
            supervising_unit_id=cls.discipline.id,
        )
        cls.Report = cls.env["liangze.supervision.report"]

    def _report(self, user=None, **values):
        return self.Report.with_user(user or self.supervisor).create(
            {
                "name": "Supervision report on the office",
                "unit_id": self.office.id,
                "issuer_unit_id": self.discipline.id,
                "implementation": "<p>Held on time</p>",
                "opinion": "<p>Keep it up</p>",
                "evaluation": "good",
                **values,
            }
        )

    def _issued_reminder_letter(self):
        with freeze_time("2026-02-26"):
            self._run_daily_jobs()
        letter = self.env["liangze.reminder.letter"].search([("unit_id", "=", self.office.id)])
        letter.with_user(self.supervisor).action_issue()
        return letter

    # 5. Issued documents edited through another record
    def test_task_cannot_leave_an_issued_reminder_letter(self):
        letter = self._issued_reminder_letter()
        task = letter.task_ids[:1]
        for user in (self.head, self.member, self.supervisor, self.admin):
            self.assertUnchanged(
                letter, ["task_ids"], lambda u=user: task.with_user(u).write({"reminder_letter_ids": [(3, letter.id)]})
            )
            self.assertUnchanged(
                letter, ["task_ids"], lambda u=user: task.with_user(u).write({"reminder_letter_ids": [(5,)]})
            )

    # 7. Approvals cannot be forged
    def test_report_author_cannot_approve_own_report(self):
        report = self._report()
        report.action_submit()
        reviews = report.review_ids
        self.assertEqual(len(reviews), 2)
        forged = {"status": "approved", "done_by": self.supervision_head.id, "reviewed_date": fields.Datetime.now()}
        self.assertUnchanged(reviews, ["status", "done_by"], lambda: reviews.with_user(self.supervisor).write(forged))
        self.assertUnchanged(report, ["state"], lambda: report.with_user(self.supervisor).validate_tier())
        self.assertUnchanged(report, ["state"], lambda: report.with_user(self.leader).validate_tier())
        self.assertUnchanged(report, ["state"], lambda: report.with_user(self.supervisor).action_publish())
        self.assertEqual((report.state, report.document_number), ("submitted", False))
        # The reviewer of the pending tier, and only they, approve it; RPC gets a value back.
        self.assertTrue(report.with_user(self.supervision_head).validate_tier())
        self.assertEqual(report.review_ids.sorted("sequence")[0].done_by, self.supervision_head)

    def test_unit_cannot_touch_or_read_reviews_of_unpublished_report(self):
        report = self._report()
        report.action_submit()
        reviews = report.review_ids
        Review = self.env["tier.review"].with_user(self.member)
        self.assertFalse(Review.search([("id", "in", reviews.ids)]))
        with self.assertRaises(AccessError):
            reviews.with_user(self.member).read(["status"])
        self.assertUnchanged(reviews, ["status"], lambda: reviews.with_user(self.member).write({"status": "rejected"}))
        self.assertUnchanged(reviews, ["id"], lambda: reviews.with_user(self.member).unlink())
        definition = reviews[0].definition_id
        with self.assertRaises(AccessError):
            Review.create({"model": report._name, "res_id": report.id, "definition_id": definition.id})
        self.assertEqual(report.review_ids, reviews)
        # The reviewers read them.
        self.assertEqual(
            self.env["tier.review"].with_user(self.supervision_head).search([("id", "in", reviews.ids)]), reviews
        )

    def test_reports_are_not_created_approved_or_published(self):
        for state in ("submitted", "approved", "published"):
            with self.assertRaises(AccessError):
                self._report(user=self.supervision_head, state=state)
            with self.assertRaises(AccessError):
                self._report(user=self.supervision_head, document_number="〔2026〕925号")
        self.assertFalse(self.Report.search([("document_number", "like", "925")]))

    # 8. Official documents forged by supervisors
    def test_supervisors_cannot_forge_official_documents(self):
        Letter = self.env["liangze.rectification"].with_user(self.supervisor)
        for state in ("issued", "rectifying", "closed"):
            with self.assertRaises(AccessError):
                Letter.create(
                    {"name": "Forged", "unit_id": self.office.id, "issuer_unit_id": self.discipline.id, "state": state}
                )
        Reminder = self.env["liangze.reminder.letter"].with_user(self.supervisor)
        for forged in ({"state": "issued"}, {"state": "acknowledged", "receipt_user_id": self.head.id}):
            with self.assertRaises(AccessError):
                Reminder.create({"unit_id": self.office.id, "issuer_unit_id": self.discipline.id, **forged})

        letter = self._letter(2)
        with self.assertRaises(AccessError):
            letter.problem_ids[0].with_user(self.supervisor).write({"state": "verified"})
        letter.action_issue()
        number, issued_on = letter.document_number, letter.issue_date
        supervisor_letter = letter.with_user(self.supervisor)
        self.assertUnchanged(letter, ["document_number"], lambda: supervisor_letter.write({"document_number": "999号"}))
        self.assertUnchanged(letter, ["issue_date"], lambda: supervisor_letter.write({"issue_date": date(2026, 1, 1)}))
        self.assertUnchanged(letter, ["state"], lambda: supervisor_letter.write({"state": "closed"}))
        self.assertEqual((letter.document_number, letter.issue_date), (number, issued_on))

        reminder = self._issued_reminder_letter()
        self.assertUnchanged(
            reminder,
            ["state", "receipt_user_id"],
            lambda: reminder.with_user(self.supervisor).write(
                {"state": "acknowledged", "receipt_user_id": self.head.id}
            ),
        )
        self.assertUnchanged(reminder, ["state"], lambda: reminder.with_user(self.supervisor).action_acknowledge())

    def test_published_report_does_not_go_back_to_draft(self):
        report = self._report()
        report.action_submit()
        report.with_user(self.supervision_head).validate_tier()
        report.with_user(self.leader).validate_tier()
        report.action_publish()
        for user in (self.supervisor, self.supervision_head, self.admin):
            self.assertUnchanged(report, ["state"], lambda u=user: report.with_user(u).write({"state": "draft"}))
        self.assertUnchanged(report, ["state"], lambda: report.with_user(self.supervisor).action_draft())

    def test_spot_check_sample_cannot_be_forged(self):
        sample = self.env["liangze.spot.check"].with_user(self.supervisor).create({"sample_size": 3})
        for forged in ({"state": "drawn"}, {"candidate_count": 500}, {"seed": 42}):
            self.assertUnchanged(sample, list(forged), lambda f=forged: sample.with_user(self.admin).write(f))
        with self.assertRaises(AccessError):
            self.env["liangze.spot.check"].with_user(self.supervisor).create({"sample_size": 3, "seed": 42})
        with self.assertRaises(AccessError):
            sample.with_user(self.member).action_draw()


@tagged("post_install", "-at_install")
class TestTierApprovalOverRpc(HttpCase, SupervisionCase):
    """The reviewer approves through the external API as the web client does:
    the call answers with a value, not a Fault, and the approval is saved once."""

    def test_validate_tier_over_xmlrpc(self):
        report = (
            self.env["liangze.supervision.report"]
            .with_user(self.supervisor)
            .create(
                {
                    "name": "Report approved over RPC",
                    "unit_id": self.office.id,
                    "issuer_unit_id": self.discipline.id,
                    "implementation": "<p>Held on time</p>",
                    "opinion": "<p>Keep it up</p>",
                    "evaluation": "good",
                }
            )
        )
        report.action_submit()
        head = self.supervision_head
        result = self.xmlrpc_object.execute(
            self.env.cr.dbname, head.id, head.login, report._name, "validate_tier", [report.id]
        )
        self.assertTrue(result)
        report.invalidate_recordset()
        self.assertEqual(report.review_ids.filtered(lambda r: r.done_by == head).status, "approved")
        # Nobody else approves the leader's tier over RPC either.
        with self.assertRaises(xmlrpc.client.Fault):
            self.xmlrpc_object.execute(
                self.env.cr.dbname, head.id, head.login, report._name, "validate_tier", [report.id]
            )
