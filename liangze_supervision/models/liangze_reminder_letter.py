# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.liangze_responsibility.models.liangze_task import OPEN_STATES


class LiangzeReminderLetter(models.Model):
    """Supervision reminder letter (监督提醒函): the discipline body reminds a
    unit of its tasks overdue (red). Drafted by the daily job, one per unit,
    issuer and day, listing the red tasks not in a letter yet; issued by a
    supervisor; the unit head acknowledges receipt (回执); without receipt
    after the issuer's set workdays, the unit's leaders are told."""

    _name = "liangze.reminder.letter"
    _description = "Reminder Letter"
    _inherit = ["liangze.supervision.document", "liangze.receipt.mixin", "mail.thread", "mail.activity.mixin"]
    # The unit and the leaders only read, but comment and ask in the chatter.
    _mail_post_access = "read"
    _document_kind = "reminder_letter"
    _order = "letter_date desc, id desc"
    _unit_writable_fields = frozenset({"receipt_note"})

    # Drafted by the daily job (no author yet); the supervisor who issues it signs it.
    _guard_workflow_fields = frozenset(
        {
            "state",
            "document_number",
            "issue_date",
            "author_id",
            "receipt_user_id",
            "receipt_date",
            "escalation_date",
            "escalated",
        }
    )
    _guard_provenance_fields = {"letter_date": "today"}
    _guard_structural_fields = frozenset({"unit_id", "issuer_unit_id", "company_id", "name", "body", "task_ids"})
    _guard_state_fields = {"receipt_note": ("issued",)}

    name = fields.Char(string="Title", required=True, default=lambda self: self.env._("Supervision Reminder Letter"))
    letter_date = fields.Date(
        string="Drafted On", required=True, default=lambda self: self._bureau_today(), readonly=True, index=True
    )
    task_ids = fields.Many2many(
        "liangze.task",
        "liangze_reminder_letter_task_rel",
        "letter_id",
        "task_id",
        string="Overdue Tasks",
    )
    task_count = fields.Integer(compute="_compute_task_count")
    body = fields.Html(help="Printed above the list of overdue tasks.")
    state = fields.Selection(
        [("draft", "Draft"), ("issued", "Issued"), ("acknowledged", "Acknowledged"), ("cancelled", "Cancelled")],
        default="draft",
        required=True,
        tracking=True,
        index=True,
        copy=False,
    )
    receipt_note = fields.Text(help="The unit's reply: what it is doing about the overdue tasks.")
    escalated = fields.Boolean(readonly=True, copy=False)

    _unit_issuer_day_uniq = models.Constraint(
        "UNIQUE(unit_id, issuer_unit_id, letter_date)",
        "There is already a reminder letter for this unit and day.",
    )

    def _compute_task_count(self):
        for letter in self:
            letter.task_count = len(letter.task_ids)

    def write(self, vals):
        self._check_write_access(vals)
        if "task_ids" in vals and any(letter.state != "draft" for letter in self):
            self._guard_refuse("task_ids", self.env._("The tasks of an issued reminder letter cannot change."))
        return super().write(vals)

    # -- drafting (daily) ---------------------------------------------------------------
    @api.model
    def _cron_reminder_letters(self):
        """Daily, after the tasks' own job (00:10, which refreshes their warnings):
        today's drafts for the red tasks, then the escalation of letters not
        acknowledged in time. Both steps are idempotent, and safe record by record:
        a task or a letter that fails is set aside in the job failures and retried
        the next night, the others are drafted or escalated."""
        jobs = self._bureau_context()
        drafts = jobs._cron_draft_from_red_tasks()
        escalated = jobs._cron_escalate()
        return drafts, escalated

    @api.model
    def _cron_draft_from_red_tasks(self):
        """Put every red task not in a letter yet into today's draft for its
        unit and supervising body; safe to run again the same day. The tasks go
        in batches (of one unit and body mostly: they come grouped), each under a
        savepoint, the letters created or linked with them."""
        today = self._bureau_today()
        # One grouped query, however many red tasks: their ids per unit and supervising body.
        groups = self.env["liangze.task"]._read_group(
            self._red_tasks_domain(), ["owner_unit_id", "supervising_unit_id"], ["id:array_agg"]
        )
        if not groups:
            return self.browse()
        tasks = self.env["liangze.task"].browse(task_id for _unit, _issuer, task_ids in groups for task_id in task_ids)
        drafts = self.browse()

        def draft(batch):
            nonlocal drafts
            drafts |= self._draft_letters(batch, today)

        tasks._bureau_each("liangze.reminder.letter drafting", draft, batch_size=1000)
        # A letter of a batch rolled back (and retried task by task) is not there anymore.
        return drafts.exists()

    @api.model
    def _red_tasks_domain(self):
        return [
            ("warning_level", "=", "red"),
            # A submitted task waits for the discipline body, not for the unit.
            ("state", "in", OPEN_STATES),
            ("supervising_unit_id", "!=", False),
            ("reminder_letter_ids", "=", False),
        ]

    @api.model
    def _draft_letters(self, tasks, today):
        """These red tasks into today's drafts, one per unit and supervising body
        (created, or the existing draft linked); returns the drafts."""
        groups = self.env["liangze.task"]._read_group(
            [("id", "in", tasks.ids), *self._red_tasks_domain()],
            ["owner_unit_id", "supervising_unit_id"],
            ["id:array_agg"],
        )
        if not groups:
            return self.browse()
        # Today's letter already issued or cancelled: the new red tasks wait for tomorrow's.
        existing = {
            (letter.unit_id, letter.issuer_unit_id): letter
            for letter in self.search(
                [("letter_date", "=", today), ("unit_id", "in", [unit.id for unit, _issuer, _ids in groups])]
            )
        }
        drafts = self.browse()
        new_letters = []
        for unit, issuer, task_ids in groups:
            letter = existing.get((unit, issuer))
            if letter is None:
                new_letters.append(
                    {
                        "unit_id": unit.id,
                        "issuer_unit_id": issuer.id,
                        "company_id": unit.company_id.id,
                        "letter_date": today,
                        "author_id": False,
                        "task_ids": [Command.set(sorted(task_ids))],
                    }
                )
            elif letter.state == "draft":
                letter._guard_sudo().task_ids = [Command.link(task_id) for task_id in task_ids]
                drafts |= letter
        return drafts | self._guard_sudo().create(new_letters)

    @api.model
    def _cron_escalate(self):
        """Tell the leaders of units that did not acknowledge in time; once per letter
        (the flag written with the message, letter by letter safe)."""
        due = self.search(
            [
                ("state", "=", "issued"),
                ("escalated", "=", False),
                ("escalation_date", "<=", self._bureau_today()),
            ]
        )

        def escalate(letters):
            for letter in letters:
                letter._notify_by_template(
                    "liangze_supervision.mail_template_liangze_reminder_letter_escalated", letter._escalation_users()
                )
            letters._guard_sudo().write({"escalated": True})

        return due._bureau_each("liangze.reminder.letter escalation", escalate)

    def _escalation_users(self):
        """The lead leaders of the overdue tasks and the head of the unit above."""
        self.ensure_one()
        return (self.task_ids.lead_leader_id | self.unit_id.parent_id.head_id).filtered(lambda u: not u.share)

    def _recipients(self):
        return super()._recipients() | self._receipt_head()

    # -- workflow -------------------------------------------------------------------------
    def action_issue(self):
        self._check_supervisor()
        today = self._bureau_today()
        for letter in self:
            if letter.state != "draft":
                raise UserError(self.env._("Only a draft reminder letter can be issued."))
            if not letter.task_ids:
                raise UserError(self.env._("A reminder letter lists at least one overdue task."))
        self._check_receipt_head()
        for letter in self:
            letter._guard_sudo().write(
                {
                    "state": "issued",
                    "issue_date": today,
                    "author_id": letter.author_id.id or self.env.uid,
                    **letter._receipt_values(today),
                }
            )
        self._assign_document_number()
        for letter in self:
            letter._notify_by_template(
                "liangze_supervision.mail_template_liangze_reminder_letter_issued", letter._recipients()
            )
        self._ask_receipt(self.env._("Acknowledge the reminder letter"))
        return True

    # action_cancel (liangze.receipt.mixin): a dropped draft's tasks are not drafted again.
