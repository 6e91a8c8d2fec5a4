# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.exceptions import UserError


class LiangzePoliticalRound(models.Model):
    """A follow-up round (调度) of a political supervision ledger: on its date, every
    open task's status and the problems found. Recorded, it updates the tasks and
    schedules the next round; a problem is handed over as a rectification problem
    (问题交办单), closed by verification ("整改一件销号一件")."""

    _name = "liangze.political.round"
    _description = "Follow-up Round"
    _inherit = ["liangze.record.guard", "mail.thread"]
    _order = "date desc, id desc"

    _guard_workflow_fields = frozenset({"state"})
    _guard_fixed_fields = frozenset({"ledger_id"})
    _guard_structural_fields = frozenset({"date", "line_ids"})

    ledger_id = fields.Many2one("liangze.political.ledger", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="ledger_id.company_id", store=True)
    date = fields.Date(required=True, default=lambda self: self._bureau_today())
    note = fields.Text(string="Summary")
    line_ids = fields.One2many("liangze.political.round.line", "round_id", string="Task Status")
    state = fields.Selection([("draft", "Draft"), ("done", "Recorded")], default="draft", required=True, tracking=True)

    def action_record(self):
        """The round is recorded: tasks take its status, problems go to rectification."""
        self.ledger_id._check_supervisor()
        for round_ in self:
            if round_.state != "draft":
                raise UserError(self.env._("This follow-up round was already recorded."))
            if round_.date > self._bureau_today():
                raise UserError(self.env._("A follow-up round is recorded once held, not before."))
        today = self._bureau_today()
        for round_ in self:
            for line in round_.line_ids:
                values = {"last_status": line.status}
                if line.status == "done":
                    values.update(state="done", done_on=round_.date)
                line.task_id._guard_sudo().write(values)
            round_.line_ids.filtered(lambda line: (line.problem or "").strip())._hand_over()
            round_._guard_sudo().write({"state": "done"})
            round_.ledger_id._schedule_next_round(max(round_.date, today))
        return True
