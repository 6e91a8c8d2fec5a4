# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

METHODS = [
    ("online_review", "Online review"),
    ("back_check", "Back-check"),
    ("spot_check", "Spot check"),
]


class LiangzeTaskReview(models.Model):
    """One review of a task by the discipline body: how it was reviewed, by
    whom, and what was decided. Assigned ahead (spot checks) or recorded when
    a supervisor accepts or returns a submitted task."""

    _name = "liangze.task.review"
    _description = "Task Review"
    _inherit = ["liangze.record.guard"]
    _order = "id desc"

    # Written only by the review actions (as superuser): every field is theirs.
    _guard_initial_states = ("pending",)
    _guard_state_field = "decision"
    _guard_workflow_fields = frozenset({"decision", "reason", "decided_date", "submitted_date"})
    _guard_fixed_fields = frozenset({"task_id", "method", "reviewer_id", "sample_id"})

    task_id = fields.Many2one("liangze.task", required=True, ondelete="cascade", index=True)
    owner_unit_id = fields.Many2one(related="task_id.owner_unit_id", store=True, index=True)
    company_id = fields.Many2one(related="task_id.company_id", store=True)
    method = fields.Selection(METHODS, required=True, default="online_review")
    reviewer_id = fields.Many2one("res.users", default=lambda self: self.env.user, index=True)
    decision = fields.Selection(
        [("pending", "Pending"), ("accepted", "Accepted"), ("returned", "Returned"), ("confirmed", "Confirmed")],
        required=True,
        default="pending",
        help="Confirmed: a back-check or spot check of an accepted task found nothing wrong.",
    )
    reason = fields.Text()
    # Cascade only serves uninstall: a drawn sample is never deleted (record guard).
    sample_id = fields.Many2one("liangze.spot.check", string="Spot-check Sample", ondelete="cascade", index=True)
    submitted_date = fields.Datetime(string="Submitted On")
    decided_date = fields.Datetime(string="Decided On")
    turnaround_days = fields.Float(
        compute="_compute_turnaround",
        store=True,
        digits=(16, 1),
        aggregator="avg",
        help="Days from submission to decision.",
    )
    return_percent = fields.Float(
        string="Return Rate (%)",
        compute="_compute_turnaround",
        store=True,
        aggregator="avg",
        help="100 for a review that returned the task, 0 otherwise: averaged, the share returned.",
    )

    @api.depends("submitted_date", "decided_date", "decision")
    def _compute_turnaround(self):
        for review in self:
            review.return_percent = 100.0 if review.decision == "returned" else 0.0
            if review.submitted_date and review.decided_date:
                review.turnaround_days = (review.decided_date - review.submitted_date).total_seconds() / 86400
            else:
                review.turnaround_days = 0.0
