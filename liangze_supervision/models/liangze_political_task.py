# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class LiangzePoliticalTask(models.Model):
    """A task a unit took on for the decision (时间表、路线图): its responsible unit
    and person, its due date (warnings and reminders), its status as the last
    follow-up round found it.

    Like its ledger, it has a chatter and activities: the reminder of a task due is
    an activity for the ledger's keeper and a message to the unit, kept in the task's
    history, which only those who read the task (the discipline body and the
    leaders of the bureau, as the ledger) see."""

    _name = "liangze.political.task"
    _description = "Political Supervision Task"
    _inherit = ["liangze.deadline.mixin", "liangze.record.guard", "mail.thread", "mail.activity.mixin"]
    _order = "ledger_id, due_date, id"

    _guard_initial_states = ("open",)
    _guard_workflow_fields = frozenset({"state", "done_on", "last_status"})
    _guard_fixed_fields = frozenset({"ledger_id"})
    # A closed ledger does not change: no task added or deleted, none renamed, moved or rescheduled.
    _guard_parent_field = "ledger_id"
    _guard_parent_states = ("draft", "active")
    _guard_parent_locked_fields = frozenset({"name", "unit_id", "due_date"})
    _deadline_field = "due_date"
    _deadline_done_states = ("done",)
    _deadline_done_date_field = "done_on"

    ledger_id = fields.Many2one("liangze.political.ledger", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="ledger_id.company_id", store=True)
    name = fields.Char(string="Task", required=True)
    unit_id = fields.Many2one("liangze.unit", string="Responsible Unit", required=True, ondelete="cascade")
    user_id = fields.Many2one("res.users", string="Responsible Person", domain="[('share', '=', False)]")
    roadmap = fields.Text(help="How and in what steps the unit will do it (路线图).")
    due_date = fields.Date(string="Due", required=True)
    yellow_date = fields.Date(compute="_compute_yellow_date", store=True)
    state = fields.Selection([("open", "Open"), ("done", "Done")], default="open", required=True, tracking=True)
    done_on = fields.Date(readonly=True)
    last_status = fields.Selection([("on_track", "On track"), ("behind", "Behind"), ("done", "Done")], readonly=True)

    @api.depends("due_date", "company_id")
    def _compute_yellow_date(self):
        for task in self:
            task.yellow_date = self._yellow_from(task.due_date, 5, task.company_id) if task.due_date else False

    def _deadline_reminder(self, level):
        users = (self.user_id | self.unit_id.head_id | self.ledger_id.author_id).filtered(lambda u: not u.share)
        return {
            "activity_type": "mail.mail_activity_data_todo",
            "activity_user": self.ledger_id.author_id,
            "summary": self.env._("Follow up the political supervision task"),
            "template": "liangze_supervision.mail_template_liangze_political_task_due",
            "users": users,
        }
