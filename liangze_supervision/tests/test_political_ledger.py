# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

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
        with self.assertRaises(UserError):
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
