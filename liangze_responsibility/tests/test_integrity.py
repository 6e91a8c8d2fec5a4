# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Each forgery seen when the product was tried through its external API,
replayed as the role that tried it: every one is refused and changes nothing."""

import base64

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import LiangzeCase

PDF = base64.b64encode(b"%PDF-1.4 minutes of the meeting")


@tagged("post_install", "-at_install")
# The clock frozen in 2026, at 04:30 on 18 March in China (20:30 UTC the day before).
@freeze_time("2026-03-17 20:30:00")
class TestRecordIntegrity(LiangzeCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        item = cls._published_item(cls.office | cls.archive_room, supervising_unit_id=cls.discipline.id)
        cls.task = item.task_ids.filtered(lambda t: t.owner_unit_id == cls.office)
        cls.room_task = item.task_ids.filtered(lambda t: t.owner_unit_id == cls.archive_room)

    def _evidence(self, task=None, user=None, **values):
        return (
            self.env["liangze.task.evidence"]
            .with_user(user or self.member)
            .create({"task_id": (task or self.task).id, "name": "Minutes", "file": PDF, "file_name": "m.pdf", **values})
        )

    def _submitted(self, task=None):
        task = (task or self.task).with_user(self.member)
        self._evidence(task)
        task._submit()
        return task

    def test_responsible_user_cannot_accept_own_task(self):
        forged = {"state": "accepted", "accepted_date": fields.Datetime.now(), "accepted_on": self.task._bureau_today()}
        names = ["state", "accepted_date", "accepted_on"]
        self.assertUnchanged(self.task, names, lambda: self.task.with_user(self.member).write(forged))
        submitted = self._submitted()
        self.assertUnchanged(submitted, names, lambda: submitted.with_user(self.head).write(forged))
        self.assertUnchanged(self.room_task, names, lambda: self.room_task.with_user(self.admin).write(forged))
        self.assertUnchanged(submitted, names, lambda: submitted.with_user(self.head).action_accept())

    # 2. Forged sign-off and authorship
    def test_signoff_and_authorship_cannot_be_forged(self):
        self.assertUnchanged(
            self.task,
            ["signoff_user_id"],
            lambda: self.task.with_user(self.member).write({"signoff_user_id": self.head.id}),
        )
        Progress = self.env["liangze.task.progress"].with_user(self.member)
        with self.assertGuarded("liangze.task.progress", "author_id"):
            Progress.create({"task_id": self.task.id, "description": "Held", "author_id": self.head.id})
        with self.assertGuarded("liangze.task.evidence", "uploaded_by_id"):
            self._evidence(uploaded_by_id=self.head.id)
        entry = Progress.create({"task_id": self.task.id, "description": "Held"})
        evidence = self._evidence()
        self.assertEqual((entry.author_id, evidence.uploaded_by_id), (self.member, self.member))

    # 3. Sealed ledgers are sealed; evidence is evidence
    def test_sealed_ledger_stays_sealed(self):
        task = self._submitted()
        task.with_user(self.supervisor).action_accept()
        self.assertUnchanged(task, ["state"], lambda: task.with_user(self.member).write({"state": "in_progress"}))
        self.assertUnchanged(task, ["state"], lambda: task.with_user(self.admin).write({"state": "in_progress"}))
        loose = self._evidence(self.room_task, user=self.head)
        self.assertUnchanged(loose, ["task_id"], lambda: loose.with_user(self.head).write({"task_id": task.id}))
        self.assertUnchanged(loose, ["file"], lambda: loose.with_user(self.head).write({"file": False}))
        self.assertEqual(task.evidence_count, 1)

    def test_evidence_needs_a_real_file(self):
        for values in ({"file": base64.b64encode(b"")}, {"file": False}, {"file_name": "tool.exe"}):
            with self.assertRaises(UserError):
                self._evidence(**values)
        self.task.company_id.liangze_evidence_max_mb = 1
        with self.assertRaises(UserError):
            self._evidence(file=base64.b64encode(b"x" * (1024 * 1024 + 1)))
        self.assertEqual(self.task.evidence_count, 0)
        evidence = self._evidence()
        self.assertEqual(len(evidence.sha256), 64)
        self.assertEqual(evidence.sha256, evidence._current_sha256())
        self.assertEqual(evidence.file_size, len(base64.b64decode(PDF)))

    # 4. The responsible user rewrites his own task
    def test_responsible_user_cannot_rewrite_task(self):
        member = self.task.with_user(self.member)
        for forged in (
            {"deadline": "2999-12-31"},
            {"owner_unit_id": self.discipline.id},
            {"supervising_unit_id": False},
            {"active": False},
            {"warning_level": "done_on_time", "reminded_yellow": True, "reminded_red": True},
            {"name": "Done already"},
        ):
            self.assertUnchanged(self.task, list(forged), lambda f=forged: member.write(f))

    # 6. The audit trail
    def test_audit_trail_is_immutable(self):
        task = self._submitted()
        task.with_user(self.supervisor).message_post(body="Looks complete", message_type="comment")
        task.with_user(self.supervisor).action_accept()
        accepted = task.message_ids.filtered(lambda m: "Accepted by" in (m.body or ""))
        comment = task.message_ids.filtered(lambda m: "Looks complete" in (m.body or ""))
        for message in accepted | comment:
            for user in (self.member, self.supervisor, self.admin):
                self.assertUnchanged(
                    message, ["body"], lambda m=message, u=user: m.with_user(u).write({"body": "Nothing"})
                )
                self.assertUnchanged(message, ["id"], lambda m=message, u=user: m.with_user(u).unlink())
                self.assertUnchanged(
                    message,
                    ["body"],
                    lambda m=message, u=user: task.with_user(u)._message_update_content(m.with_user(u), body="x"),
                )

    # 9. Readers do not change state
    def test_readers_cannot_start_a_task(self):
        for user in (self.leader, self.supervisor):
            self.assertUnchanged(self.room_task, ["state"], lambda u=user: self.room_task.with_user(u).action_start())
        self.room_task.with_user(self.head).action_start()
        self.assertEqual(self.room_task.state, "in_progress")

    def test_reassigning_does_not_start(self):
        self.task.with_user(self.head).responsible_user_id = self.member
        self.assertEqual(self.task.state, "todo")

    # 10. Administrators follow the workflow too
    def test_administrators_cannot_skip_the_workflow(self):
        rlist = self.task.list_id.with_user(self.admin)
        self.assertUnchanged(rlist, ["state"], lambda: rlist.write({"state": "draft"}))
        with self.assertRaises(UserError):
            rlist.action_reset_draft()
        List = self.env["liangze.list"].with_user(self.admin)
        for state in ("published", "closed"):
            with self.assertGuarded("liangze.list", "state"):
                List.create({"name": "Forged", "year": 2026, "company_id": self.company_a.id, "state": state})
        Task = self.env["liangze.task"].with_user(self.admin)
        template = self.task.copy_data()[0]
        for forged in ({"state": "accepted"}, {"state": "submitted", "signoff_user_id": self.head.id}):
            with self.assertGuarded("liangze.task", "state"):
                Task.create(dict(template, owner_user_id=self.admin.id, **forged))
        with self.assertGuarded("liangze.task", "active"):
            self.task.with_user(self.admin).write({"active": False})
        # Archiving what was generated is the administrator's action with a reason, kept on record.
        with self.assertRaisesRegex(UserError, "Give the reason"):
            self.task.with_user(self.admin)._guard_archive(" ")
        with self.assertRaisesRegex(AccessError, "Only an administrator archives"):
            self.task.with_user(self.head)._guard_archive("Duplicate")
        wizard = (
            self.env["liangze.archive.reason"]
            .with_user(self.admin)
            .with_context(active_model="liangze.task", active_ids=self.task.ids)
            .create({"reason": "Duplicate of the county task"})
        )
        wizard.action_confirm()
        self.assertFalse(self.task.active)
        self.assertIn("Duplicate of the county task", self.task.message_ids[0].body)

    # 11. Bounds
    def test_input_is_bounded(self):
        item = self.task.item_id.with_user(self.admin)
        self.assertUnchanged(item, ["name"], lambda: item.write({"name": "x" * 100_000}))
        self.assertUnchanged(item, ["weight"], lambda: item.write({"weight": 1e300}))
        self.assertUnchanged(item, ["yellow_lead_days"], lambda: item.write({"yellow_lead_days": 100_000}))
        self.assertUnchanged(item, ["evidence_min"], lambda: item.write({"evidence_min": 100_000}))
        Progress = self.env["liangze.task.progress"].with_user(self.member)
        for day in ("1900-01-01", "2999-12-31", "2025-12-31"):
            with self.assertRaises(ValidationError):
                Progress.create({"task_id": self.task.id, "description": "Held", "date": day})
        with self.assertRaises(ValidationError):
            self._evidence(covers_from="1900-01-01")
        with self.assertRaises(ValidationError):
            self._evidence(covers_to="2999-12-31")
        self.assertFalse(self.task.progress_ids)
        self.assertFalse(self.task.evidence_ids)

    def test_ledger_print_shows_a_changed_file(self):
        """The print after acceptance compares each file with its upload checksum."""
        task = self._submitted()
        task.with_user(self.supervisor).action_accept()
        evidence = task.evidence_ids
        report = self.env.ref("liangze_responsibility.action_report_liangze_ledger")
        html = report._render_qweb_html(report.report_name, task.ids)[0].decode()
        self.assertIn("File unchanged since upload", html)
        # Tampered behind the product's back (the filestore or the database).
        evidence._guard_sudo().write({"sha256": "0" * 64})
        html = report._render_qweb_html(report.report_name, task.ids)[0].decode()
        self.assertIn("File differs from the one uploaded", html)
