# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, tagged

from .common import LiangzeCase

PDF = base64.b64encode(b"%PDF-1.4 minutes of the meeting")


class LedgerCase(LiangzeCase):
    """Tasks of four units on one published item, and evidence of the finance unit."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._load_chinese()
        cls.finance = cls.env["liangze.unit"].create(
            {"name": "Finance", "code": "C-FIN", "parent_id": cls.city.id, "company_id": cls.company_a.id}
        )
        # The list of the bureau's year (TestTaskLedger freezes the clock; the download test does not).
        item = cls._published_item(
            cls.office | cls.archive_room | cls.finance | cls.county_office,
            supervising_unit_id=cls.discipline.id,
            year=cls.env["liangze.task"]._bureau_today().year,
        )
        tasks = item.task_ids
        cls.office_task = tasks.filtered(lambda t: t.owner_unit_id == cls.office)
        cls.room_task = tasks.filtered(lambda t: t.owner_unit_id == cls.archive_room)
        cls.finance_task = tasks.filtered(lambda t: t.owner_unit_id == cls.finance)
        cls.county_task = tasks.filtered(lambda t: t.owner_unit_id == cls.county_office)
        cls.finance_evidence = cls.env["liangze.task.evidence"].create(
            {"task_id": cls.finance_task.id, "name": "Finance minutes", "file": PDF, "file_name": "m.pdf"}
        )


@tagged("post_install", "-at_install")
# The clock frozen in 2026, at 04:30 on 18 March in China (20:30 UTC the day before).
@freeze_time("2026-03-17 20:30:00")
class TestTaskLedger(LedgerCase):
    """Who sees and edits which work ledger, and when it is sealed."""

    def _fill_ledger(self, task, user):
        task = task.with_user(user)
        task.plan = "<p>Hold the talk in March</p>"
        self.env["liangze.task.progress"].with_user(user).create(
            {"task_id": task.id, "description": "Talk held with all staff", "percent": 100}
        )
        self.env["liangze.task.evidence"].with_user(user).create(
            {"task_id": task.id, "name": "Minutes", "file": PDF, "file_name": "minutes.pdf"}
        )

    def _submit(self, task, user):
        wizard = self.env["liangze.task.submit"].with_user(user).create({"task_id": task.id, "confirm": True})
        wizard.action_submit()

    def test_responsibility_user_sees_only_own_units(self):
        Task = self.env["liangze.task"].with_user(self.member)
        self.assertEqual(Task.search([]), self.office_task)
        for task in (self.finance_task, self.room_task, self.county_task):
            with self.assertRaises(AccessError):
                task.with_user(self.member).read(["name"])
        with self.assertRaises(AccessError):
            self.finance_evidence.with_user(self.member).read(["file"])
        attachment = self.env["ir.attachment"].search(
            [
                ("res_model", "=", "liangze.task.evidence"),
                ("res_id", "=", self.finance_evidence.id),
                ("res_field", "=", "file"),
            ]
        )
        self.assertTrue(attachment)
        with self.assertRaises(AccessError):
            attachment.with_user(self.member).read(["datas"])
        self.assertFalse(
            self.env["liangze.task.evidence"].with_user(self.member).search([("id", "=", self.finance_evidence.id)])
        )

    def test_unit_head_sees_subunits_leader_and_supervisor_read_scope(self):
        self.assertEqual(self.env["liangze.task"].with_user(self.head).search([]), self.office_task | self.room_task)
        self.room_task.with_user(self.head).plan = "<p>Head's plan</p>"
        everything = self.office_task | self.room_task | self.finance_task | self.county_task
        for reader in (self.leader, self.supervisor):
            self.assertEqual(self.env["liangze.task"].with_user(reader).search([]), everything)
            self.finance_evidence.with_user(reader).read(["file"])
            with self.assertRaises(AccessError):
                self.finance_task.with_user(reader).write({"plan": "<p>Not mine</p>"})
            with self.assertRaises(AccessError):
                self.env["liangze.task.evidence"].with_user(reader).create(
                    {"task_id": self.finance_task.id, "name": "Not mine", "file": PDF}
                )

    def test_ledger_flow_and_locking(self):
        task = self.office_task
        self._fill_ledger(task, self.member)
        self.assertEqual(task.state, "in_progress")
        self.assertEqual(task.evidence_count, 1)
        self._submit(task, self.member)
        self.assertEqual(task.state, "submitted")
        self.assertEqual(task.signoff_user_id, self.member)
        self.assertTrue(task.signoff_date)

        # Submitted: the owner waits for the review.
        chinese = self.env(context=dict(self.env.context, lang="zh_CN"))
        with self.assertRefused(UserError, "不能修改"):
            task.with_user(self.member).with_context(lang="zh_CN").plan = "<p>Changed</p>"
        with self.assertRefused(UserError, "不能修改"):
            chinese["liangze.task.progress"].with_user(self.member).create({"task_id": task.id, "description": "More"})
        with self.assertRefused(UserError, "不能修改"):
            chinese["liangze.task.evidence"].with_user(self.member).create(
                {"task_id": task.id, "name": "Late", "file": PDF}
            )
        self.assertEqual(len(task.progress_ids), 1)

        # Accepted: sealed for everyone, administrators included, until reopened.
        task.with_user(self.supervisor).action_accept()
        self.assertEqual(task.state, "accepted")
        for user in (self.member, self.head, self.admin):
            with self.assertRaises(UserError):
                task.with_user(user).plan = "<p>Rewrite</p>"
            with self.assertRaises(UserError):
                task.evidence_ids.with_user(user).write({"name": "Rewrite"})
        with self.assertRaises(AccessError):
            task.progress_ids.with_user(self.member).write({"description": "Rewrite"})
        with self.assertRaises(AccessError):
            task.progress_ids.with_user(self.member).unlink()
        with self.assertRaises(UserError):
            task.evidence_ids.with_user(self.admin).unlink()
        with self.assertRaises(UserError):
            task.with_user(self.admin).unlink()
        with self.assertRefused(UserError, "不能删除"):
            task.sudo().with_context(lang="zh_CN").unlink()
        with self.assertRefused(UserError, "不能删除"):
            task.evidence_ids.sudo().with_context(lang="zh_CN").unlink()

        with self.assertRaises(AccessError):
            task.with_user(self.head)._reopen("Wrong date")
        with self.assertRefused(UserError, "原因"):
            task.with_user(self.admin).with_context(lang="zh_CN")._reopen(" ")
        task.with_user(self.admin)._reopen("The minutes carry the wrong date")
        self.assertEqual(task.state, "in_progress")
        self.assertIn("The minutes carry the wrong date", task.message_ids[0].body)
        task.with_user(self.member).plan = "<p>Corrected</p>"

    def test_submit_needs_evidence_and_confirmation(self):
        task = self.office_task.with_user(self.member)
        with self.assertRefused(UserError, "落实资料"):
            task.with_context(lang="zh_CN").action_open_submit_wizard()
        self.assertEqual(task.state, "todo")
        self._fill_ledger(task, self.member)
        wizard = self.env["liangze.task.submit"].with_user(self.member).create({"task_id": task.id})
        with self.assertRaises(UserError):
            wizard.action_submit()
        self.assertEqual(task.state, "in_progress")
        # A user cannot submit another unit's task.
        with self.assertRaises(AccessError):
            self.finance_task.with_user(self.member)._submit()

    def test_return_for_more_material(self):
        task = self.office_task
        self._fill_ledger(task, self.member)
        self._submit(task, self.member)
        with self.assertRaises(AccessError):
            task.with_user(self.member)._return("Not enough")
        wizard = (
            self.env["liangze.task.reason"]
            .with_user(self.supervisor)
            .create({"task_ids": [(6, 0, task.ids)], "action": "return", "reason": "Add the sign-in sheet"})
        )
        wizard.action_confirm()
        self.assertEqual(task.state, "returned")
        self.assertEqual(task.return_reason, "Add the sign-in sheet")
        # The person who signed off and the unit head are told.
        self.assertFalse((self.member.partner_id | self.head.partner_id) - task.message_ids[0].partner_ids)
        self.env["liangze.task.evidence"].with_user(self.member).create(
            {"task_id": task.id, "name": "Sign-in sheet", "file": PDF}
        )
        self._submit(task, self.member)
        self.assertEqual(task.state, "submitted")


@tagged("post_install", "-at_install")
class TestEvidenceDownload(HttpCase, LedgerCase):
    """The web client's download URL respects the same rules as the ORM."""

    def test_download_only_own_units_evidence(self):
        url = f"/web/content/liangze.task.evidence/{self.finance_evidence.id}/file"
        self.authenticate(self.member.login, self.member.login + "x" * (8 - len(self.member.login)))
        self.assertNotEqual(self.url_open(url).status_code, 200)
        self.authenticate(self.leader.login, self.leader.login + "x" * (8 - len(self.leader.login)))
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.content.startswith(b"%PDF"))
