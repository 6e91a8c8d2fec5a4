# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import logging

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.tools import SQL

_logger = logging.getLogger(__name__)

# Deadline colours, shared by everything that has a deadline.
WARNING_LEVELS = [
    ("normal", "Normal"),
    ("yellow", "Yellow warning"),
    ("red", "Red warning"),
    ("done_on_time", "Done on time"),
    ("done_late", "Done late"),
]

# Written by the daily job only (refresh and reminders), on every model using the mixin.
DEADLINE_WORKFLOW_FIELDS = frozenset({"warning_level", "reminded_yellow", "reminded_red"})


class LiangzeDeadlineMixin(models.AbstractModel):
    """The one deadline mechanism of liangze: a stored warning level (normal,
    yellow, red, done on time, done late) from a deadline on statutory
    workdays, refreshed every day by one set-based UPDATE per model, and
    reminders sent once per threshold (caught up after a day without the job,
    sent again when the deadline moves).

    A model declares its fields and states; it only says, in
    ``_deadline_reminder(level)``, who is reminded and with which template:

    - ``_deadline_field``: the deadline (a workday);
    - ``_deadline_yellow_field``: the first day of the yellow warning, a lead
      of workdays before the deadline (see ``_deadline_yellow_from``);
    - ``_deadline_done_states`` and ``_deadline_done_date_field``: done, and
      the day it was done (on time when not after the deadline);
    - ``_deadline_void_states``: no warning at all (cancelled);
    - ``_deadline_yellow_states``: the states that turn yellow (None: all
      states not done nor void). Red applies to every state not done nor void.
    """

    _name = "liangze.deadline.mixin"
    _description = "Deadline with Warnings"
    # Levels and flags are workflow fields: only the job writes them.
    _inherit = ["liangze.record.guard"]

    _deadline_state_field = "state"
    _deadline_field = "deadline"
    _deadline_yellow_field = "yellow_date"
    _deadline_done_states = ()
    _deadline_done_date_field = None
    _deadline_void_states = ()
    _deadline_yellow_states = None

    warning_level = fields.Selection(
        WARNING_LEVELS,
        compute="_compute_warning_level",
        store=True,
        index=True,
        help="Refreshed every day, and at once when the state or the deadline changes.",
    )
    # What was sent, so reminders go out once per threshold however often the job runs.
    reminded_yellow = fields.Boolean(copy=False, readonly=True)
    reminded_red = fields.Boolean(copy=False, readonly=True)

    def _deadline_depends(self):
        return [
            self._deadline_state_field,
            self._deadline_field,
            self._deadline_yellow_field,
            self._deadline_done_date_field,
        ]

    # -- the rule, in Python and in SQL (the same declarations feed both) -----------------
    @api.depends(lambda self: [f for f in self._deadline_depends() if f])
    def _compute_warning_level(self):
        today = self._bureau_today()
        for record in self:
            record.warning_level = record._warning_level_on(today)

    def _warning_level_on(self, today):
        state = self[self._deadline_state_field]
        deadline = self[self._deadline_field]
        if state in self._deadline_done_states:
            done = self[self._deadline_done_date_field]
            # Done with nothing due (no deadline set) is on time.
            return "done_on_time" if not deadline or (done and done <= deadline) else "done_late"
        if state in self._deadline_void_states or not deadline:
            return "normal"
        if deadline < today:
            return "red"
        yellow = self[self._deadline_yellow_field]
        if (
            (self._deadline_yellow_states is None or state in self._deadline_yellow_states)
            and yellow
            and yellow <= today
        ):
            return "yellow"
        return "normal"

    @api.model
    def _warning_level_sql(self, today):
        """The rule of _warning_level_on as one SQL CASE over the model's table."""
        state = SQL.identifier(self._deadline_state_field)
        deadline = SQL.identifier(self._deadline_field)
        yellow = SQL.identifier(self._deadline_yellow_field)

        def among(states):
            return SQL("%s IN %s", state, tuple(states)) if states else SQL("FALSE")

        done = SQL.identifier(self._deadline_done_date_field) if self._deadline_done_date_field else SQL("NULL")
        yellow_states = SQL("TRUE") if self._deadline_yellow_states is None else among(self._deadline_yellow_states)
        return SQL(
            """CASE
                WHEN %(done)s THEN CASE WHEN %(deadline)s IS NULL OR %(done_on)s <= %(deadline)s
                                        THEN 'done_on_time' ELSE 'done_late' END
                WHEN %(void)s OR %(deadline)s IS NULL THEN 'normal'
                WHEN %(deadline)s < %(today)s THEN 'red'
                WHEN %(yellow_states)s AND %(yellow)s <= %(today)s THEN 'yellow'
                ELSE 'normal' END""",
            done=among(self._deadline_done_states),
            done_on=done,
            deadline=deadline,
            void=among(self._deadline_void_states),
            today=today,
            yellow_states=yellow_states,
            yellow=yellow,
        )

    @api.model
    def _yellow_from(self, deadline, lead_workdays, company):
        """The first day of the yellow warning: ``lead_workdays`` workdays before the deadline."""
        return company._liangze_workdays().subtract_workdays(deadline, lead_workdays) if deadline else False

    @api.model
    def _deadline_in_months(self, start, months, company):
        """A period of ``months`` from ``start`` (an execution, an appeal, a disposal):
        it ends that day of the month, or on the next workday when that day is not one."""
        return company._liangze_workdays().next_workday(start + relativedelta(months=months))

    # -- the daily job -----------------------------------------------------------------------
    @api.model
    def _refresh_warning_levels(self):
        """One UPDATE of the rows whose level changed since the last run; returns their ids."""
        self.flush_model()
        case = self._warning_level_sql(self._bureau_today())
        self.env.cr.execute(
            SQL(
                "UPDATE %(table)s SET warning_level = %(case)s WHERE warning_level IS DISTINCT FROM %(case)s %(ret)s",
                table=SQL.identifier(self._table),
                case=case,
                ret=SQL("RETURNING id") if self._deadline_refresh_returns_ids() else SQL(""),
            )
        )
        changed = (
            self.browse(row[0] for row in self.env.cr.fetchall()) if self._deadline_refresh_returns_ids() else None
        )
        self.invalidate_model(["warning_level"])
        return changed

    @api.model
    def _deadline_refresh_returns_ids(self):
        """Whether the refresh must say which rows changed (for what depends on them)."""
        return False

    @api.model
    def _deadline_reminder_domain(self):
        """Which records are reminded at all (e.g. only problems of issued letters)."""
        return []

    @api.model
    def _send_reminders(self):
        """Threshold-based: every yellow or red record not reminded yet gets its
        reminder, so a day the job did not run is caught up on the next. Each batch
        of records is reminded and flagged under one savepoint (``_bureau_each``):
        a record whose reminder fails is rolled back alone and set aside in the job
        failures, the others are reminded, and the next run reminds it, once."""
        domain = self._deadline_reminder_domain()
        sent = {}
        for level in ("yellow", "red"):
            flag = f"reminded_{level}"
            records = self.with_context(active_test=True).search(
                domain + [("warning_level", "=", level), (flag, "=", False)]
            )
            sent[level] = records._bureau_each(
                self._deadline_reminder_job(),
                lambda batch, level=level, flag=flag: batch._deadline_remind_and_flag(level, flag),
            )
        return sent

    @api.model
    def _deadline_reminder_job(self):
        """The job's name in the failures: one per model, whichever the level (a record
        that could not be reminded yellow and is reminded red is no longer failing)."""
        return f"{self._name} reminders"

    def _deadline_remind_and_flag(self, level, flag):
        # The reminder and its flag go together: both kept, or both rolled back.
        self._deadline_remind(level)
        self._guard_sudo().write({flag: True})

    def _deadline_remind(self, level):
        """Post each record's reminder: an activity and a message, as its model says
        (an activity only on a model with activities, a message on a model with a chatter)."""
        can_schedule = hasattr(self, "activity_schedule")
        can_post = hasattr(self, "message_post_with_source")
        for record in self:
            reminder = record._deadline_reminder(level)
            user = reminder.get("activity_user")
            if can_schedule and user and reminder.get("activity_type"):
                record.activity_schedule(
                    reminder["activity_type"],
                    date_deadline=record[self._deadline_field],
                    summary=reminder.get("summary"),
                    user_id=user.id,
                )
            # Posted even with nobody to notify: the reminder stays in the record's history.
            if can_post and reminder.get("template"):
                record.message_post_with_source(
                    reminder["template"],
                    partner_ids=(reminder.get("users") or self.env["res.users"]).partner_id.ids,
                    subtype_xmlid="mail.mt_comment",
                )

    def _deadline_reminder(self, level):
        """{activity_type, activity_user, summary, template, users} of the reminder
        at ``level`` ("yellow" or "red"); each model says who and with what."""
        return {}

    @api.model
    def _guard_workflow(self):
        # The warnings and reminder flags are the daily job's: a model using the mixin
        # does not list them again.
        return super()._guard_workflow() | DEADLINE_WORKFLOW_FIELDS

    def _guard_derived_values(self, vals):
        # A new deadline is a new threshold: remind again when it comes.
        values = super()._guard_derived_values(vals)
        if self._deadline_field in vals:
            values.update(reminded_yellow=False, reminded_red=False)
        return values

    @api.model
    def _cron_refresh_warnings(self):
        """Daily: refresh the warning levels (one set-based UPDATE), then send the
        reminders not sent yet, record by record safe; in the bureau's time zone,
        whoever runs the job."""
        jobs = self._bureau_context()
        jobs._refresh_warning_levels()
        sent = jobs._send_reminders()
        jobs._deadline_after_refresh()
        return sent

    @api.model
    def _deadline_after_refresh(self):
        """What a model keeps from the day's levels (a summary to recount), after the job."""

    @api.model
    def _cron_refresh_all_warnings(self):
        """The one daily job of the mechanism: every model that uses it, each under its
        own savepoint, so that one model failing does not stop the others (and each
        record's reminder is safe on its own, see ``_send_reminders``)."""
        for name in self._liangze_models_using("liangze.deadline.mixin"):
            try:
                with self.env.cr.savepoint():
                    self.env[name]._cron_refresh_warnings()
            except Exception:  # noqa: BLE001 - one model must not stop the others
                _logger.exception("liangze job deadline warnings: %s failed; the run goes on", name)
