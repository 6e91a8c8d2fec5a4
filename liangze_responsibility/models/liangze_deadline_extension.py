# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.liangze_base.roles import SUPERVISOR

from .liangze_task import OPEN_STATES


class LiangzeDeadlineExtension(models.Model):
    """A deadline extension (延期) of one task: asked by its unit with a reason,
    decided by the supervising discipline body (or the item's lead leader).
    Approved, the task's deadline moves to the first workday on or after the
    date asked; the deadline before is kept here, the rule's date on the task."""

    _name = "liangze.deadline.extension"
    _description = "Deadline Extension"
    _inherit = ["liangze.record.guard", "mail.thread", "mail.activity.mixin"]
    _order = "id desc"
    _mail_post_access = "read"

    _guard_initial_states = ("requested",)
    _guard_workflow_fields = frozenset(
        {"state", "previous_deadline", "new_deadline", "decided_by_id", "decided_date", "decision_note"}
    )
    _guard_provenance_fields = {"requested_by_id": "user", "requested_date": "now"}
    _guard_fixed_fields = frozenset({"task_id", "requested_deadline", "reason"})

    task_id = fields.Many2one("liangze.task", required=True, ondelete="cascade", index=True)
    owner_unit_id = fields.Many2one(related="task_id.owner_unit_id", store=True, index=True)
    company_id = fields.Many2one(related="task_id.company_id", store=True, index=True)
    requested_deadline = fields.Date(string="Deadline Asked", required=True)
    reason = fields.Text(required=True)
    requested_by_id = fields.Many2one("res.users", string="Asked By", default=lambda self: self.env.user, readonly=True)
    requested_date = fields.Datetime(string="Asked On", default=fields.Datetime.now, readonly=True)
    previous_deadline = fields.Date(string="Deadline Before", readonly=True)
    new_deadline = fields.Date(readonly=True, help="The first workday on or after the date asked.")
    state = fields.Selection(
        [("requested", "Requested"), ("approved", "Approved"), ("refused", "Refused")],
        default="requested",
        required=True,
        tracking=True,
        index=True,
    )
    decided_by_id = fields.Many2one("res.users", readonly=True)
    decided_date = fields.Datetime(string="Decided On", readonly=True)
    decision_note = fields.Text(readonly=True)
    can_decide = fields.Boolean(compute="_compute_can_decide")

    @api.depends_context("uid")
    def _compute_can_decide(self):
        for extension in self:
            extension.can_decide = extension.state == "requested" and self.env.user in extension._deciders()

    def _deciders(self):
        """The supervisors of the task's supervising unit, and the item's lead leader."""
        self.ensure_one()
        task = self.task_id.sudo()
        supervisors = task.supervising_unit_id.member_ids.filtered(lambda u: u.has_group(SUPERVISOR))
        # Nobody decides on their own unit's task.
        supervisors = supervisors.filtered(lambda u: task.owner_unit_id not in u.liangze_unit_ids)
        return supervisors | task.lead_leader_id

    @api.model_create_multi
    def create(self, vals_list):
        extensions = super().create(vals_list)
        for extension in extensions:
            extension._check_request()
        for extension in extensions:
            extension._guard_sudo().write({"previous_deadline": extension.task_id.deadline})
            deciders = extension._deciders()
            for user in deciders:
                # As superuser: the unit asking may not write the extension's activities.
                extension.sudo().activity_schedule(
                    "mail.mail_activity_data_todo",
                    summary=self.env._("Decide on the deadline extension"),
                    user_id=user.id,
                )
            extension.task_id.message_post(
                body=self.env._(
                    "Deadline extension to %(day)s asked by %(user)s: %(reason)s",
                    day=extension.requested_deadline,
                    user=self.env.user.name,
                    reason=extension.reason,
                )
            )
        return extensions

    def _check_request(self):
        """Who may write the task's ledger asks, for an open task, a later date within bounds."""
        self.ensure_one()
        task = self.task_id
        if not self.env.su:
            task.check_access("write")
        if task.state not in OPEN_STATES:
            raise UserError(self.env._("Only the deadline of a task still open can be extended."))
        if not (self.reason or "").strip():
            raise UserError(self.env._("Give the reason for the extension."))
        if self.requested_deadline <= task.deadline:
            raise ValidationError(self.env._("The deadline asked must come after the current deadline."))
        if self.requested_deadline > date(task.year + 1, 12, 31):
            raise ValidationError(self.env._("A deadline cannot be extended beyond the end of the following year."))
        if self.search_count([("task_id", "=", task.id), ("state", "=", "requested"), ("id", "!=", self.id)]):
            raise UserError(self.env._("An extension of this task is already waiting for a decision."))

    def _check_decider(self):
        for extension in self:
            if extension.state != "requested":
                raise UserError(self.env._("This extension was already decided."))
            if self.env.user not in extension._deciders():
                raise AccessError(
                    self.env._("Only the supervising discipline body or the lead leader decides on this extension.")
                )

    def action_approve(self, note=False):
        """Move the task's deadline to the first workday on or after the date asked."""
        self._check_decider()
        for extension in self:
            task = extension.task_id
            workdays = task.company_id._liangze_workdays()
            deadline = workdays.next_workday(extension.requested_deadline)
            task._guard_sudo().write(
                {
                    "deadline": deadline,
                    "yellow_date": workdays.subtract_workdays(deadline, task.item_id.yellow_lead_days),
                }
            )
            extension._guard_sudo().write(
                {
                    "state": "approved",
                    "new_deadline": deadline,
                    "decided_by_id": self.env.uid,
                    "decided_date": fields.Datetime.now(),
                    "decision_note": note,
                }
            )
            extension._notify_decision(
                self.env._(
                    "Deadline extended from %(old)s to %(new)s by %(user)s.",
                    old=extension.previous_deadline,
                    new=deadline,
                    user=self.env.user.name,
                )
            )
        return True

    def action_refuse(self, note=False):
        self._check_decider()
        if not (note or "").strip():
            raise UserError(self.env._("Give the reason for refusing the extension."))
        self._guard_sudo().write(
            {
                "state": "refused",
                "decided_by_id": self.env.uid,
                "decided_date": fields.Datetime.now(),
                "decision_note": note,
            }
        )
        for extension in self:
            extension._notify_decision(
                self.env._("Deadline extension refused by %(user)s: %(note)s", user=self.env.user.name, note=note)
            )
        return True

    def _notify_decision(self, body):
        self.ensure_one()
        self.sudo().activity_unlink(["mail.mail_activity_data_todo"])
        partners = (
            self.requested_by_id | self.task_id.owner_unit_id.head_id | self.task_id.responsible_user_id
        ).partner_id
        self.task_id.message_post(body=body, partner_ids=partners.ids)
        self.message_post(body=body)

    def action_open_decision(self):
        """The reason box for approving or refusing."""
        self._check_decider()
        return self._liangze_wizard(
            "liangze.extension.decision", self.env._("Decide on the Extension"), {"default_extension_id": self.id}
        )
