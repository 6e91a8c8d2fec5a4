# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.liangze_base.roles import SUPERVISOR


class LiangzePoliticalLedger(models.Model):
    """Political supervision ledger (政治监督台账) of one major decision or reform
    task: the tasks each unit took on, with their timetable and roadmap, the
    supervision focus and method; follow-up rounds (调度) on a set interval, each
    recording every task's status and the problems found, handed over as
    rectification problems closed by verification. Rounds overdue warn (shared
    deadline mechanism), as do the tasks."""

    _name = "liangze.political.ledger"
    _description = "Political Supervision Ledger"
    _inherit = [
        "liangze.deadline.mixin",
        "liangze.record.guard",
        "liangze.body.owned.mixin",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _order = "id desc"

    _guard_initial_states = ("draft",)
    _guard_workflow_fields = frozenset(
        {
            "state",
            "next_round_date",
            "round_yellow_date",
            "closed_on",
        }
    )
    _guard_provenance_fields = {"author_id": "user"}
    _guard_structural_fields = frozenset({"company_id", "body_unit_id"})
    _deadline_field = "next_round_date"
    _deadline_yellow_field = "round_yellow_date"
    _deadline_done_states = ("closed",)
    _deadline_done_date_field = "closed_on"
    _deadline_void_states = ("draft",)

    name = fields.Char(string="Decision or Reform Task", required=True, tracking=True)
    source = fields.Char(help="Where it was decided, e.g. the plenary session and its document.")
    company_id = fields.Many2one("res.company", required=True, index=True, default=lambda self: self.env.company)
    focus = fields.Html(string="Supervision Focus")
    method = fields.Text(string="Supervision Method")
    round_months = fields.Integer(string="Follow-up Every (months)", default=1)
    author_id = fields.Many2one("res.users", string="Kept By", readonly=True)
    state = fields.Selection(
        [("draft", "Draft"), ("active", "Under Supervision"), ("closed", "Closed")],
        default="draft",
        required=True,
        tracking=True,
    )
    task_ids = fields.One2many("liangze.political.task", "ledger_id", string="Tasks Taken On")
    round_ids = fields.One2many("liangze.political.round", "ledger_id", string="Follow-up Rounds")
    next_round_date = fields.Date(string="Next Follow-up By", readonly=True, copy=False)
    round_yellow_date = fields.Date(readonly=True, copy=False)
    closed_on = fields.Date(readonly=True, copy=False)

    @api.constrains("round_months")
    def _check_round_months(self):
        if any(not 1 <= ledger.round_months <= 12 for ledger in self):
            raise UserError(self.env._("Follow-up rounds come every 1 to 12 months."))

    def _check_supervisor(self):
        self._liangze_check_role(
            [SUPERVISOR], self.env._("Only the discipline body keeps political supervision ledgers.")
        )

    def _schedule_next_round(self, after):
        for ledger in self:
            company = ledger.company_id
            due = self._deadline_in_months(after, ledger.round_months, company)
            ledger._guard_sudo().write(
                {"next_round_date": due, "round_yellow_date": self._yellow_from(due, 3, company)}
            )

    def action_start(self):
        self._check_supervisor()
        for ledger in self:
            if ledger.state != "draft":
                raise UserError(self.env._("Only a draft ledger starts."))
            if not ledger.task_ids:
                raise UserError(self.env._("Record the tasks the units took on first."))
        self._guard_sudo().write({"state": "active"})
        self._schedule_next_round(self._bureau_today())
        return True

    def action_close(self):
        self._check_supervisor()
        for ledger in self:
            if ledger.state != "active":
                raise UserError(self.env._("Only a ledger under supervision is closed."))
            if ledger.task_ids.filtered(lambda t: t.state != "done"):
                raise UserError(self.env._("Tasks of this ledger are not done yet."))
        self._guard_sudo().write({"state": "closed", "closed_on": self._bureau_today()})
        return True

    def action_new_round(self):
        """A follow-up round (调度): every open task's status in one sheet."""
        self.ensure_one()
        self._check_supervisor()
        if self.state != "active":
            raise UserError(self.env._("Follow-up rounds are held while the ledger is under supervision."))
        round_ = self.env["liangze.political.round"].create(
            {
                "ledger_id": self.id,
                "line_ids": [
                    (0, 0, {"task_id": task.id, "status": "on_track"})
                    for task in self.task_ids.filtered(lambda t: t.state != "done")
                ],
            }
        )
        return round_._form_action()

    def _deadline_reminder(self, level):
        """A follow-up round overdue: the keeper is told."""
        return {
            "activity_type": "mail.mail_activity_data_todo",
            "activity_user": self.author_id,
            "summary": self.env._("Hold the follow-up round"),
            "template": "liangze_supervision.mail_template_liangze_political_round_due",
            "users": self.author_id,
        }

    @api.model
    def _deadline_reminder_domain(self):
        return [("state", "=", "active")]

    def _summary_month(self):
        """The first day of the month the summary is printed for: the current one."""
        return self._bureau_today().replace(day=1)

    def _month_rounds(self, month_start):
        self.ensure_one()
        month_end = month_start + relativedelta(months=1, days=-1)
        return self.round_ids.filtered(lambda r: month_start <= r.date <= month_end)
