# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class LiangzeTask(models.Model):
    """Every decision on a task leaves a review record: the supervision quality
    figures and the ledger's history are built from them."""

    _inherit = "liangze.task"

    review_ids = fields.One2many("liangze.task.review", "task_id", string="Reviews")

    def _record_reviews(self, decision, reason=False):
        method = self.env.context.get("liangze_review_method", "online_review")
        Review = self.env["liangze.task.review"].sudo()
        now = fields.Datetime.now()
        for task in self:
            pending = task.review_ids.filtered(lambda r: r.decision == "pending" and r.reviewer_id == self.env.user)[:1]
            values = {
                "decision": decision,
                "reason": reason,
                "decided_date": now,
                "submitted_date": task.submitted_date,
                "reviewer_id": self.env.uid,
            }
            if pending:
                pending.sudo().write(values)
            else:
                Review.create(dict(values, task_id=task.id, method=method))

    def action_accept(self):
        res = super().action_accept()
        self._record_reviews("accepted")
        return res

    def _return(self, reason):
        res = super()._return(reason)
        self._record_reviews("returned", reason)
        return res

    def action_confirm_check(self):
        """A back-check or spot check of an accepted task found it in order."""
        self._check_can_review(states=("accepted",))
        self._record_reviews("confirmed")
        for task in self:
            task.message_post(body=self.env._("Checked and found in order by %(user)s.", user=self.env.user.name))
        return True

    # -- reminder letters --------------------------------------------------------------
    reminder_letter_ids = fields.Many2many(
        "liangze.reminder.letter",
        "liangze_reminder_letter_task_rel",
        "task_id",
        "letter_id",
        string="Reminder Letters",
        readonly=True,
    )

    @api.model
    def _cron_refresh_warnings(self):
        """After the tasks' warnings: the rectification problems' warnings,
        today's draft reminder letters for red tasks, and the escalation of
        letters not acknowledged in time. Each step is idempotent."""
        res = super()._cron_refresh_warnings()
        self.env["liangze.rectification.problem"]._cron_refresh_warnings()
        self.env["liangze.reminder.letter"]._cron_draft_from_red_tasks()
        self.env["liangze.reminder.letter"]._cron_escalate()
        return res
