# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.liangze_base.models.liangze_record_guard import RecordGuardError

from .common import SupervisionCase


@tagged("post_install", "-at_install")
# The clock frozen in the ledger's year, 2026.
@freeze_time("2026-03-02 02:00:00")
class TestPoliticalLedger(SupervisionCase):
    """A political supervision ledger: 3 tasks, 2 follow-up rounds, one problem
    handed over to rectification and verified."""

    def test_ledger_rounds_and_a_problem_rectified(self):
        with freeze_time("2026-03-02"):
            ledger = (
                self.env["liangze.political.ledger"]
                .with_user(self.supervisor)
                .create(
                    {
                        "name": "Tax collection reform",
                        "source": "Plenary session of the province committee",
                        "task_ids": [
                            (
                                0,
                                0,
                                {
                                    "name": f"Reform step {n}",
                                    "unit_id": self.office.id,
                                    "due_date": f"2026-0{n + 3}-30",
                                },
                            )
                            for n in (1, 2, 3)
                        ],
                    }
                )
            )
            self.assertEqual(ledger.body_unit_id, self.discipline)
            with self.assertRaises(UserError):
                ledger.with_user(self.member).action_start()
            ledger.action_start()
            self.assertEqual(str(ledger.next_round_date), "2026-04-02")
            # Round 1: one task behind with a problem, handed over to the office.
            action = ledger.action_new_round()
            first = self.env["liangze.political.round"].with_user(self.supervisor).browse(action["res_id"])
            self.assertEqual(len(first.line_ids), 3)
            behind = first.line_ids[0]
            behind.write({"status": "behind", "problem": "Reform step 1 has no timetable", "problem_due": "2026-03-31"})
            first.write({"note": "Two on track, one behind"})
            first.action_record()
        self.assertEqual(behind.task_id.last_status, "behind")
        problem = behind.problem_id
        self.assertEqual((problem.unit_id, problem.rectification_id.source), (self.office, "political_supervision"))
        self.assertEqual(problem.rectification_id.state, "issued")
        with self.assertRefused(RecordGuardError, "Status of this .* only while its Follow-up Round is Draft"):
            behind.write({"status": "on_track"})
        # The office rectifies, the group verifies: 整改一件销号一件.
        with freeze_time("2026-03-10"):
            self._plan_and_feedback(problem.rectification_id)
            problem.with_user(self.supervisor).action_verify()
        self.assertEqual(behind.problem_state, "verified")
        # A round overdue warns once; round 2 records a task done and moves the next round.
        with freeze_time("2026-04-08"):
            Ledger = self.env["liangze.political.ledger"]
            Ledger._cron_refresh_warnings()
            Ledger._cron_refresh_warnings()
            self.assertEqual(ledger.warning_level, "red")
            self.assertEqual(
                len(ledger.message_ids.filtered(lambda m: (m.subject or "").startswith("Follow-up round due"))), 1
            )
            second = self.env["liangze.political.round"].browse(ledger.action_new_round()["res_id"])
            second.with_user(self.supervisor).line_ids[0].status = "done"
            second.with_user(self.supervisor).action_record()
            self.assertEqual(ledger.warning_level, "normal")
        self.assertEqual(ledger.task_ids[0].state, "done")
        self.assertEqual(str(ledger.next_round_date), "2026-05-08")
        self.assertEqual(len(ledger.round_ids), 2)
        with self.assertRaises(UserError):
            ledger.action_close()  # two tasks still open
        with self.assertRaises(AccessError):
            self.env["liangze.political.ledger"].with_user(self.member).search([])
        report = self.env.ref("liangze_supervision.action_report_liangze_political_ledger")
        with freeze_time("2026-04-20"):
            html = report._render_qweb_html(report.report_name, ledger.ids)[0].decode()
        self.assertIn("Reform step 2", html)

    def test_monthly_summary_in_chinese(self):
        """The summary printed for a user who reads Chinese gives each task's warning in
        Chinese: the labels of the field the task has from liangze.deadline.mixin are
        translated by liangze_supervision's own po file, loaded when it was installed
        (not by a reload of every addon's terms, which would hide a label missing there)."""
        if "zh_CN" not in dict(self.env["res.lang"].get_installed()):
            # The suite installs with --load-language=zh_CN; elsewhere, load it as Settings does.
            self.env["res.lang"]._activate_lang("zh_CN")
            self.env["ir.module.module"].search([("state", "=", "installed")])._update_translations("zh_CN")
        reader = self.supervisor
        reader.lang = "zh_CN"
        ledger = (
            self.env["liangze.political.ledger"]
            .with_user(self.supervisor)
            .create(
                {
                    "name": "Tax collection reform",
                    "task_ids": [
                        (0, 0, {"name": name, "unit_id": self.office.id, "due_date": due})
                        for name, due in [("Early", "2026-03-10"), ("Late", "2026-03-20"), ("Later", "2026-06-30")]
                    ],
                }
            )
        )
        ledger.action_start()
        early, late, later = ledger.task_ids
        # Done within its deadline, done after it, not yet due.
        for day, task in [("2026-03-05", early), ("2026-03-25", late)]:
            with freeze_time(day):
                follow_up = self.env["liangze.political.round"].browse(ledger.action_new_round()["res_id"])
                follow_up.line_ids.filtered(lambda line, task=task: line.task_id == task).status = "done"
                follow_up.with_user(self.supervisor).action_record()
        self.assertEqual((early + late + later).mapped("warning_level"), ["done_on_time", "done_late", "normal"])
        report = self.env.ref("liangze_supervision.action_report_liangze_political_ledger")
        with freeze_time("2026-03-25"):
            html = (
                report.with_user(reader)
                .with_context(lang=reader.lang)
                ._render_qweb_html(report.report_name, ledger.ids)[0]
                .decode()
            )
        for chinese in ("按时完成", "逾期完成", "正常"):
            self.assertIn(chinese, html)
        for english in ("Done on time", "Done late", "Normal"):
            self.assertNotIn(english, html)
