# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.liangze_base.models.liangze_record_guard import RecordGuardError
from odoo.addons.liangze_base.roles import ADMIN, SUPERVISOR

from .liangze_task_summary import SUMMARY_FIELDS

# States in which the owner may still work on the ledger.
OPEN_STATES = ("todo", "in_progress", "returned")
# What the owner edits; sealed once submitted, accepted or cancelled. Writing
# any but the responsible person starts the task (reassigning is not working).
LEDGER_FIELDS = {"plan", "responsible_user_id", "progress_ids", "evidence_ids", "note"}
STARTING_FIELDS = LEDGER_FIELDS - {"responsible_user_id"}


class LiangzeTask(models.Model):
    """Task (责任任务): one list item for one owner and one period, carrying
    its work ledger (工作台账)."""

    _name = "liangze.task"
    _description = "Responsibility Task"
    _inherit = ["liangze.deadline.mixin", "liangze.record.guard", "mail.thread", "mail.activity.mixin"]
    _order = "deadline, id"
    # Leaders and supervisors only read tasks, but comment on them.
    _mail_post_access = "read"

    # Tasks are generated from their item; only the ledger is the owner's to write.
    _guard_initial_states = ("todo",)
    # Red until accepted (a submitted task waits past its deadline too); yellow while the owner works.
    _deadline_done_states = ("accepted",)
    _deadline_done_date_field = "accepted_on"
    _deadline_void_states = ("cancelled",)
    _deadline_yellow_states = OPEN_STATES
    _guard_workflow_fields = frozenset(
        {
            "state",
            "signoff_user_id",
            "signoff_date",
            "signoff_signature",
            "submitted_date",
            "accepted_date",
            "accepted_on",
            "return_reason",
            "active",
            "extension_ids",
        }
    )
    # The deadline moves only through the product (generation from the item).
    _guard_fixed_fields = frozenset(
        {
            "name",
            "item_id",
            "period_start",
            "period_end",
            "deadline",
            "deadline_original",
            "yellow_date",
            "owner_unit_id",
            "owner_user_id",
            "supervising_unit_id",
            "company_id",
            "standard",
        }
    )

    name = fields.Char(required=True)
    # Cascade only serves uninstall; in use, items with tasks cannot be deleted.
    item_id = fields.Many2one("liangze.list.item", required=True, ondelete="cascade", index=True)
    # precompute: filled in the INSERT, not by one UPDATE per 1,000 generated tasks. Not on
    # list_id: precomputed, list.task_ids read in the same transaction gave unsaved records.
    list_id = fields.Many2one(related="item_id.list_id", store=True, index=True)
    category_id = fields.Many2one(related="item_id.category_id", store=True, precompute=True)
    year = fields.Integer(related="item_id.year", store=True, precompute=True)
    weight = fields.Float(related="item_id.weight")
    period_start = fields.Date(required=True)
    period_end = fields.Date(required=True)
    deadline = fields.Date(
        required=True, tracking=True, index=True, help="The first workday on or after the rule's date."
    )
    deadline_original = fields.Date(
        string="Deadline by Rule", readonly=True, help="The date the item's rule gives, before moving to a workday."
    )
    yellow_date = fields.Date(
        string="Yellow Warning From", readonly=True, help="The item's yellow lead, in workdays before the deadline."
    )
    owner_unit_id = fields.Many2one("liangze.unit", required=True, index=True)
    owner_user_id = fields.Many2one("res.users", string="Owner Person", index=True)
    responsible_user_id = fields.Many2one(
        "res.users", string="Responsible", tracking=True, index=True, domain="[('share', '=', False)]"
    )
    lead_leader_id = fields.Many2one(related="item_id.lead_leader_id")
    kind = fields.Selection(related="item_id.kind", string="Responsibility")
    covered_item_ids = fields.Many2many(related="item_id.covered_item_ids", string="Supervises")
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
    # The standard the task was given: its item's (and the level's additional one), kept
    # once the work started, so a guidance revision does not move the goal of work under way.
    standard = fields.Text(string="Standard and Requirements", compute="_compute_standard", store=True, readonly=True)
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
    accepted_on = fields.Date(readonly=True, copy=False, help="The day of acceptance, in the user's time zone.")
    return_reason = fields.Text(readonly=True, copy=False)

    extension_ids = fields.One2many("liangze.deadline.extension", "task_id", string="Deadline Extensions")
    extension_count = fields.Integer(compute="_compute_extension_count")

    _task_key_uniq = models.Constraint(
        "UNIQUE NULLS NOT DISTINCT (item_id, owner_unit_id, owner_user_id, period_start)",
        "This task already exists for this owner and period.",
    )

    @api.depends("item_id.standard", "item_id.extra_standard")
    def _compute_standard(self):
        for task in self:
            if task.standard and task.state not in ("todo", "cancelled"):
                continue
            item = task.item_id
            task.standard = "\n".join(filter(None, [item.standard, item.extra_standard])) or False

    @api.depends("evidence_ids.active")
    def _compute_evidence_count(self):
        counts = dict(
            self.env["liangze.task.evidence"]._read_group([("task_id", "in", self.ids)], ["task_id"], ["__count"])
        )
        for task in self:
            task.evidence_count = counts.get(task, 0)

    def _compute_extension_count(self):
        counts = dict(
            self.env["liangze.deadline.extension"]._read_group([("task_id", "in", self.ids)], ["task_id"], ["__count"])
        )
        for task in self:
            task.extension_count = counts.get(task, 0)

    def action_request_extension(self):
        """The unit asks the supervising body to move the deadline (延期)."""
        self.ensure_one()
        self.check_access("write")
        return self._liangze_wizard(
            "liangze.deadline.extension", self.env._("Ask for a Deadline Extension"), {"default_task_id": self.id}
        )

    # -- warnings: the shared deadline mechanism says when, the task says who ------------
    def _deadline_reminder(self, level):
        """Yellow: an activity for the responsible user, a message to the unit head.
        Red: a message to the unit head, the lead leader and the supervising unit's supervisors."""
        head = self.owner_unit_id.head_id
        if level == "yellow":
            return {
                "activity_type": "mail.mail_activity_data_todo",
                "activity_user": self.responsible_user_id or head or self.env.user,
                "summary": self.env._("Due soon: submit the work ledger"),
                "template": "liangze_responsibility.mail_template_liangze_task_yellow",
                "users": head,
            }
        supervisors = self.supervising_unit_id.member_ids.filtered(lambda u: u.has_group(SUPERVISOR))
        return {
            "template": "liangze_responsibility.mail_template_liangze_task_red",
            "users": head | self.lead_leader_id | supervisors,
        }

    @api.model
    def _cron_weekly_digest(self):
        """Weekly: each unit head receives the yellow and red tasks of the units
        they head and below, in one message, once a week: the bureau's week
        (Monday to Sunday) it was sent for is kept on the head, in the same
        savepoint as the mail, so a re-run or a catch-up the same week sends
        nothing twice. Returns the heads sent a digest."""
        jobs = self._bureau_context()
        today = jobs._bureau_today()
        week = today - timedelta(days=today.weekday())
        warned = jobs.search([("warning_level", "in", ("yellow", "red"))])
        heads = jobs.env["liangze.unit"].search([("head_id", "!=", False)]).head_id.sudo()
        digests = {}
        for head in heads.filtered(lambda h: h.liangze_digest_week != week):
            tasks = warned.filtered(lambda t, h=head: t.owner_unit_id in h.liangze_managed_unit_ids)
            if tasks:
                digests[head.id] = tasks.sorted("deadline")
        template = jobs.env.ref("liangze_responsibility.mail_template_liangze_weekly_digest")

        def send(batch):
            for head in batch:
                template.with_context(digest_tasks=digests[head.id]).send_mail(head.id)
            batch.write({"liangze_digest_week": week})

        return heads.browse(list(digests))._bureau_each("liangze.task weekly digest", send)

    # -- ledger locking ----------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        if not self._guard_trusted():
            for vals in vals_list:
                self._check_period_bounds(vals)
        tasks = super().create(vals_list)
        Summary = self.env["liangze.task.summary"]
        if not Summary._deferred():
            Summary._rebuild(Summary._keys_of(tasks))
        return tasks

    def _check_period_bounds(self, vals):
        """A task made by hand: its period inside its list's year, its deadline
        between the period's start and the end of the following year."""
        item = self.env["liangze.list.item"].browse(vals.get("item_id"))
        start, end, deadline = (fields.Date.to_date(vals.get(f)) for f in ("period_start", "period_end", "deadline"))
        if not (item and start and end and deadline):
            return
        if not (start.year == end.year == item.year and start <= end):
            raise ValidationError(self.env._("The period of a task lies inside the year of its list."))
        if not start <= deadline <= date(item.year + 1, 12, 31):
            raise ValidationError(
                self.env._("The deadline lies between the start of the period and the end of the following year.")
            )

    def write(self, vals):
        if LEDGER_FIELDS & vals.keys():
            self._check_ledger_open()
        # The cockpit's summary rows of the (unit, month) pairs left and joined.
        Summary = self.env["liangze.task.summary"]
        moved = SUMMARY_FIELDS & vals.keys() and not Summary._deferred()
        if moved:
            self.flush_model(["owner_unit_id", "deadline"])
            before = Summary._keys_of(self)
        res = super().write(vals)
        if STARTING_FIELDS & vals.keys():
            self._mark_started()
        if moved:
            Summary._rebuild(before | Summary._keys_of(self))
        return res

    @api.model
    def _deadline_after_refresh(self):
        """The day's levels moved: the cockpit's summary, recounted."""
        res = super()._deadline_after_refresh()
        self.env["liangze.task.summary"]._rebuild()
        return res

    def _check_ledger_open(self):
        if self.env.su:
            return
        locked = self.filtered(lambda t: t.state not in OPEN_STATES)
        if locked:
            raise RecordGuardError(
                self.env._(
                    "The work ledger of %(task)s is %(state)s and cannot be changed.",
                    task=locked[0].name,
                    state=dict(self._fields["state"]._description_selection(self.env))[locked[0].state],
                ),
                model=self._name,
            )

    def _mark_started(self):
        self.filtered(lambda t: t.state == "todo")._guard_sudo().write({"state": "in_progress"})

    # -- workflow ------------------------------------------------------------------
    def action_start(self):
        """Only who may write the ledger starts the task (not a reader of it)."""
        self.check_access("write")
        self._check_ledger_open()
        self._mark_started()
        return True

    def action_open_submit_wizard(self):
        self.ensure_one()
        self._check_can_submit()
        return self._liangze_wizard(
            "liangze.task.submit", self.env._("Sign Off and Submit"), {"default_task_id": self.id}
        )

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
        self._guard_sudo().write(
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

    def _check_can_review(self, states=("submitted",)):
        """A supervisor decides on tasks of their scope, never of their own unit.
        ``states``: what the task must be in (a back-check reviews accepted ones)."""
        if not self.env.user.has_group(SUPERVISOR):
            raise AccessError(self.env._("Only supervisors review tasks."))
        scope, own_units = self.env.user.liangze_scope_unit_ids, self.env.user.liangze_unit_ids
        for task in self:
            if task.owner_unit_id not in scope:
                raise AccessError(self.env._("%(task)s is outside your supervision scope.", task=task.name))
            if task.owner_unit_id in own_units:
                raise AccessError(
                    self.env._("%(task)s belongs to your own unit: another supervisor reviews it.", task=task.name)
                )
            if task.state not in states:
                raise UserError(self.env._("%(task)s cannot be reviewed in its current state.", task=task.name))

    def action_accept(self):
        self._check_can_review()
        self._guard_sudo().write(
            {
                "state": "accepted",
                "accepted_date": fields.Datetime.now(),
                "accepted_on": self._bureau_today(),
            }
        )
        for task in self:
            task.message_post(body=self.env._("Accepted by %(user)s.", user=self.env.user.name))
        return True

    def _return(self, reason):
        self._check_can_review()
        if not (reason or "").strip():
            raise UserError(self.env._("Give the reason for returning the task."))
        self._guard_sudo().write({"state": "returned", "return_reason": reason})
        for task in self:
            task.message_post(
                body=self.env._("Returned for more material: %(reason)s", reason=reason),
                partner_ids=(
                    task.responsible_user_id | task.signoff_user_id | task.owner_unit_id.head_id
                ).partner_id.ids,
            )

    def _reopen(self, reason):
        """Administrators reopen a submitted or accepted ledger, with a reason."""
        if not self.env.user.has_group(ADMIN):
            raise AccessError(self.env._("Only administrators reopen a sealed work ledger."))
        if not (reason or "").strip():
            raise UserError(self.env._("Give the reason for reopening the work ledger."))
        for task in self:
            if task.state not in ("submitted", "accepted"):
                raise UserError(self.env._("Only a submitted or accepted task can be reopened."))
        self._guard_sudo().write({"state": "in_progress", "accepted_date": False, "accepted_on": False})
        for task in self:
            task.message_post(
                body=self.env._("Reopened by %(user)s: %(reason)s", user=self.env.user.name, reason=reason)
            )

    def _open_reason_wizard(self, action, title):
        return self._liangze_wizard(
            "liangze.task.reason", title, {"default_task_ids": self.ids, "default_action": action}
        )

    def action_open_return_wizard(self):
        self._check_can_review()
        return self._open_reason_wizard("return", self.env._("Return for More Material"))

    def action_open_reopen_wizard(self):
        return self._open_reason_wizard("reopen", self.env._("Reopen Work Ledger"))

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(self.env._("Tasks are never deleted; they are cancelled and archived."))
