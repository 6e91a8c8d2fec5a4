# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

# States in which the owner may still work on the ledger.
OPEN_STATES = ("todo", "in_progress", "returned")
# What the owner edits; sealed once submitted, accepted or cancelled.
LEDGER_FIELDS = {"plan", "responsible_user_id", "progress_ids", "evidence_ids", "note"}


class LiangzeTask(models.Model):
    """Task (责任任务): one list item for one owner and one period, carrying
    its work ledger (工作台账)."""

    _name = "liangze.task"
    _description = "Responsibility Task"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "deadline, id"
    # Leaders and supervisors only read tasks, but comment on them.
    _mail_post_access = "read"

    name = fields.Char(required=True)
    # Cascade only serves uninstall; in use, items with tasks cannot be deleted.
    item_id = fields.Many2one("liangze.list.item", required=True, ondelete="cascade", index=True)
    list_id = fields.Many2one(related="item_id.list_id", store=True, index=True)
    category_id = fields.Many2one(related="item_id.category_id", store=True)
    year = fields.Integer(related="item_id.year", store=True)
    weight = fields.Float(related="item_id.weight")
    period_start = fields.Date(required=True)
    period_end = fields.Date(required=True)
    deadline = fields.Date(required=True, tracking=True, index=True)
    owner_unit_id = fields.Many2one("liangze.unit", required=True, index=True)
    owner_user_id = fields.Many2one("res.users", string="Owner Person", index=True)
    responsible_user_id = fields.Many2one(
        "res.users", string="Responsible", tracking=True, index=True, domain="[('share', '=', False)]"
    )
    lead_leader_id = fields.Many2one(related="item_id.lead_leader_id")
    supervising_unit_id = fields.Many2one("liangze.unit", index=True)
    company_id = fields.Many2one("res.company", required=True, index=True)
    state = fields.Selection(
        [
            ("todo", "To Do"),
            ("in_progress", "In Progress"),
            ("submitted", "Submitted"),
            ("accepted", "Accepted"),
            ("returned", "Returned"),
            ("cancelled", "Cancelled"),
        ],
        default="todo",
        required=True,
        tracking=True,
        index=True,
    )
    active = fields.Boolean(default=True)

    # Work ledger (工作台账)
    standard = fields.Text(related="item_id.standard", string="Standard and Requirements")
    evidence_note = fields.Text(related="item_id.evidence_note")
    plan = fields.Html()
    note = fields.Text()
    progress_ids = fields.One2many("liangze.task.progress", "task_id", string="Progress Entries")
    evidence_ids = fields.One2many(
        "liangze.task.evidence",
        "task_id",
    )
    evidence_count = fields.Integer(compute="_compute_evidence_count")
    evidence_min = fields.Integer(related="item_id.evidence_min", string="Minimum Evidence")

    # Sign-off (签字背书) and review
    signoff_user_id = fields.Many2one("res.users", string="Signed Off By", readonly=True, copy=False)
    signoff_date = fields.Datetime(string="Signed Off On", readonly=True, copy=False)
    signoff_signature = fields.Image(string="Signature", readonly=True, copy=False, attachment=True)
    submitted_date = fields.Datetime(readonly=True, copy=False)
    accepted_date = fields.Datetime(readonly=True, copy=False)
    return_reason = fields.Text(readonly=True, copy=False)

    _task_key_uniq = models.Constraint(
        "UNIQUE NULLS NOT DISTINCT (item_id, owner_unit_id, owner_user_id, period_start)",
        "This task already exists for this owner and period.",
    )

    @api.depends("evidence_ids.active")
    def _compute_evidence_count(self):
        counts = dict(
            self.env["liangze.task.evidence"]._read_group([("task_id", "in", self.ids)], ["task_id"], ["__count"])
        )
        for task in self:
            task.evidence_count = counts.get(task, 0)

    # -- ledger locking ----------------------------------------------------------
    def write(self, vals):
        if LEDGER_FIELDS & vals.keys():
            self._check_ledger_open()
            started = self.filtered(lambda t: t.state == "todo")
            if started and "state" not in vals:
                started.sudo().state = "in_progress"
        return super().write(vals)

    def _check_ledger_open(self):
        if self.env.su:
            return
        locked = self.filtered(lambda t: t.state not in OPEN_STATES)
        if locked:
            raise UserError(
                self.env._(
                    "The work ledger of %(task)s is %(state)s and cannot be changed.",
                    task=locked[0].name,
                    state=dict(self._fields["state"]._description_selection(self.env))[locked[0].state],
                )
            )

    def _mark_started(self):
        self.filtered(lambda t: t.state == "todo").sudo().write({"state": "in_progress"})

    # -- workflow ------------------------------------------------------------------
    def action_start(self):
        self._check_ledger_open()
        self._mark_started()
        return True

    def action_open_submit_wizard(self):
        self.ensure_one()
        self._check_can_submit()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Sign Off and Submit"),
            "res_model": "liangze.task.submit",
            "view_mode": "form",
            "target": "new",
            "context": {"default_task_id": self.id},
        }

    def _check_can_submit(self):
        self.check_access("write")
        for task in self:
            if task.state not in OPEN_STATES:
                raise UserError(self.env._("Only a task to do, in progress or returned can be submitted."))
            if task.evidence_count < task.evidence_min:
                raise UserError(
                    self.env._(
                        "%(task)s needs at least %(min)s evidence attachments; it has %(count)s.",
                        task=task.name,
                        min=task.evidence_min,
                        count=task.evidence_count,
                    )
                )

    def _submit(self, signature=False):
        """Submit with the current user's sign-off (签字背书)."""
        self._check_can_submit()
        now = fields.Datetime.now()
        self.sudo().write(
            {
                "state": "submitted",
                "signoff_user_id": self.env.uid,
                "signoff_date": now,
                "signoff_signature": signature,
                "submitted_date": now,
                "return_reason": False,
            }
        )
        for task in self:
            task.message_post(body=self.env._("Signed off and submitted by %(user)s.", user=self.env.user.name))

    def _check_can_review(self):
        if not self.env.user.has_group("liangze_responsibility.group_liangze_supervisor"):
            raise AccessError(self.env._("Only supervisors review tasks."))
        scope = self.env.user.liangze_scope_unit_ids
        for task in self:
            if task.owner_unit_id not in scope:
                raise AccessError(self.env._("%(task)s is outside your supervision scope.", task=task.name))
            if task.state != "submitted":
                raise UserError(self.env._("Only a submitted task can be accepted or returned."))

    def action_accept(self):
        self._check_can_review()
        self.sudo().write({"state": "accepted", "accepted_date": fields.Datetime.now()})
        for task in self:
            task.message_post(body=self.env._("Accepted by %(user)s.", user=self.env.user.name))
        return True

    def _return(self, reason):
        self._check_can_review()
        if not (reason or "").strip():
            raise UserError(self.env._("Give the reason for returning the task."))
        self.sudo().write({"state": "returned", "return_reason": reason})
        for task in self:
            task.message_post(
                body=self.env._("Returned for more material: %(reason)s", reason=reason),
                partner_ids=(
                    task.responsible_user_id | task.signoff_user_id | task.owner_unit_id.head_id
                ).partner_id.ids,
            )

    def _reopen(self, reason):
        """Administrators reopen a submitted or accepted ledger, with a reason."""
        if not self.env.user.has_group("liangze_responsibility.group_liangze_admin"):
            raise AccessError(self.env._("Only administrators reopen a sealed work ledger."))
        if not (reason or "").strip():
            raise UserError(self.env._("Give the reason for reopening the work ledger."))
        for task in self:
            if task.state not in ("submitted", "accepted"):
                raise UserError(self.env._("Only a submitted or accepted task can be reopened."))
        self.sudo().write({"state": "in_progress", "accepted_date": False})
        for task in self:
            task.message_post(
                body=self.env._("Reopened by %(user)s: %(reason)s", user=self.env.user.name, reason=reason)
            )

    def _open_reason_wizard(self, action, title):
        return {
            "type": "ir.actions.act_window",
            "name": title,
            "res_model": "liangze.task.reason",
            "view_mode": "form",
            "target": "new",
            "context": {"default_task_ids": self.ids, "default_action": action},
        }

    def action_open_return_wizard(self):
        self._check_can_review()
        return self._open_reason_wizard("return", self.env._("Return for More Material"))

    def action_open_reopen_wizard(self):
        return self._open_reason_wizard("reopen", self.env._("Reopen Work Ledger"))

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(self.env._("Tasks are never deleted; they are cancelled and archived."))
