# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
from datetime import timedelta

from odoo.addons.liangze_base.tests.common import bureau_user
from odoo.addons.liangze_responsibility.tests.common import GROUP_SUPERVISION_HEAD, LiangzeCase

PDF = base64.b64encode(b"%PDF-1.4 rectification evidence")


class SupervisionCase(LiangzeCase):
    """LiangzeCase with the discipline group's head, who approves its documents."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.supervision_head = bureau_user(
            cls.env,
            login="lz_supervision_head",
            groups=GROUP_SUPERVISION_HEAD,
            company_id=cls.company_a.id,
            company_ids=[(6, 0, cls.company_a.ids)],
        )
        cls.discipline.head_id = cls.supervision_head

    @classmethod
    def _run_daily_jobs(cls):
        """The daily jobs of both addons, in the order their crons run."""
        cls.env["liangze.task"]._cron_refresh_warnings()
        cls.env["liangze.rectification.problem"]._cron_refresh_warnings()
        cls.env["liangze.reminder.letter"]._cron_reminder_letters()

    @classmethod
    def _letter(cls, problems=3, unit=None, due=None, **values):
        """A draft recommendation letter of the supervisor to ``unit`` (the office)."""
        due = due or cls.env["liangze.rectification"]._bureau_today() + timedelta(days=30)
        return (
            cls.env["liangze.rectification"]
            .with_user(cls.supervisor)
            .create(
                {
                    "name": "Recommendation letter on official vehicles",
                    "unit_id": (unit or cls.office).id,
                    "issuer_unit_id": cls.discipline.id,
                    "problem_ids": [
                        (0, 0, {"description": f"Problem {n}", "recommendation": f"Fix {n}", "due_date": due})
                        for n in range(1, problems + 1)
                    ],
                    **values,
                }
            )
        )

    def _supervision_report(self):
        """A draft supervision report on the office, by the supervisor, ready to submit."""
        return (
            self.env["liangze.supervision.report"]
            .with_user(self.supervisor)
            .create(
                {
                    "name": "Supervision report on the office, 2026",
                    "unit_id": self.office.id,
                    "issuer_unit_id": self.discipline.id,
                    "implementation": "<p>Study sessions held on time</p>",
                    "problems_risks": "<p>Minutes incomplete</p>",
                    "opinion": "<p>Keep complete minutes</p>",
                    "evaluation": "fairly_good",
                }
            )
        )

    def _evidence(self, user, problem, name="evidence.pdf"):
        return (
            self.env["ir.attachment"]
            .with_user(user)
            .create({"name": name, "datas": PDF, "res_model": problem._name, "res_id": problem.id})
        )

    def _plan_and_feedback(self, letter, user=None):
        """The office fills in its plan and the feedback of every problem."""
        user = user or self.member
        letter = letter.with_user(user)
        letter.plan = "<p>Rectify within the month</p>"
        for problem in letter.problem_ids:
            problem.write({"measure": f"Measure for {problem.description}", "owner_user_id": user.id})
        letter.action_submit_plan()
        for problem in letter.problem_ids:
            self._feedback(problem, user)

    def _feedback(self, problem, user=None):
        user = user or self.member
        problem = problem.with_user(user)
        attachment = self._evidence(user, problem)
        problem.write({"feedback": "<p>Done</p>", "evidence_attachment_ids": [(6, 0, attachment.ids)]})
        problem.action_submit_feedback()


class AssignmentLetterCase(SupervisionCase):
    """The office's published list with two items the discipline group supervises:
    what an assignment letter (监督责任交办书) is written from."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.item = cls._published_item(cls.office, name="Integrity talks", supervising_unit_id=cls.discipline.id)
        cls.other_item = cls.env["liangze.list.item"].create(
            {
                "list_id": cls.item.list_id.id,
                "category_id": cls.item.category_id.id,
                "name": "Eight-point rules self-check",
                "frequency": "quarterly",
                "owner_type": "department",
                "owner_unit_ids": [(6, 0, cls.office.ids)],
            }
        )

    def _assignment_letter(self, *lines):
        """A draft letter to the office, written by the supervisor: ``lines`` are
        (item, method, frequency)."""
        return (
            self.env["liangze.assignment.letter"]
            .with_user(self.supervisor)
            .create(
                {
                    "list_id": self.item.list_id.id,
                    "unit_id": self.office.id,
                    "issuer_unit_id": self.discipline.id,
                    "company_id": self.company_a.id,
                    "line_ids": [
                        (0, 0, {"item_id": item.id, "method": method, "frequency": frequency})
                        for item, method, frequency in lines
                    ],
                }
            )
        )
