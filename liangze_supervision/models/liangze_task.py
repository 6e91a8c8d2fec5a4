# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.fields import Domain

from odoo.addons.liangze_responsibility.models.liangze_task import LiangzeTask as ResponsibilityTask


class LiangzeTask(models.Model):
    """Every decision on a task leaves a review record: the supervision quality
    figures and the ledger's history are built from them."""

    _inherit = "liangze.task"

    # Letters list their tasks; a task never leaves (or joins) a letter by itself.
    _guard_workflow_fields = ResponsibilityTask._guard_workflow_fields | {"reminder_letter_ids"}

    review_ids = fields.One2many("liangze.task.review", "task_id", string="Reviews")
    review_recused = fields.Boolean(
        string="Of My Unit",
        compute="_compute_review_recused",
        search="_search_review_recused",
        help="A task of the supervisor's own unit: another supervisor reviews it.",
    )

    @api.depends_context("uid")
    def _compute_review_recused(self):
        own = self.env.user.liangze_unit_ids
        for task in self:
            task.review_recused = task.owner_unit_id in own

    def _search_review_recused(self, operator, value):
        if operator not in ("in", "not in"):
            return NotImplemented
        own = Domain("owner_unit_id", "in", self.env.user.liangze_unit_ids.ids)
        # Odoo hands boolean conditions over as ``in``/``not in`` a set of booleans.
        wanted = {bool(v) for v in value}
        if operator == "not in":
            wanted = {True, False} - wanted
        if wanted == {True, False}:
            return Domain.TRUE
        return own if True in wanted else ~own

    def action_new_recommendation_letter(self):
        """A problem found in this task's ledger: draft a recommendation letter to its unit."""
        self.ensure_one()
        Letter = self.env["liangze.rectification"]
        Letter._check_supervisor()
        return Letter._form_action(
            name=self.env._("Recommendation Letter"),
            context={
                "default_source": "recommendation_letter",
                "default_unit_id": self.owner_unit_id.id,
                "default_company_id": self.company_id.id,
                "default_name": self.env._("Recommendation letter on %(task)s", task=self.name),
            },
        )

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
