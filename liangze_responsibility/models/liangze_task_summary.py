# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.tools import SQL

from odoo.addons.liangze_base.models.liangze_deadline_mixin import WARNING_LEVELS

# What a summary row depends on: a task changing one of these moves between rows.
SUMMARY_FIELDS = frozenset({"owner_unit_id", "deadline", "state", "warning_level", "active"})
# Batch jobs (task generation) recount once at their end, not at each write: a
# Python object in the context, which no client can send.
DEFERRED = object()
DEFERRED_KEY = "liangze_summary_deferred"


class LiangzeTaskSummary(models.Model):
    """How many active tasks each unit has per month of deadline, state and
    warning level: the cockpit reads these few rows instead of the tasks, so
    its cost does not grow with them. Rebuilt set-based by the daily refresh,
    and for the (unit, month) pairs a task write touches."""

    _name = "liangze.task.summary"
    _description = "Task Summary per Unit and Month"
    _inherit = ["liangze.record.guard"]
    _log_access = False
    _order = "month, owner_unit_id"

    # Written by SQL only, from the tasks themselves.
    _guard_state_field = None
    _guard_fixed_fields = frozenset({"owner_unit_id", "month", "state", "warning_level", "task_count"})

    owner_unit_id = fields.Many2one("liangze.unit", required=True, index=True, ondelete="cascade")
    month = fields.Date(required=True, index=True, help="The first day of the month of the deadline.")
    state = fields.Char(required=True)
    warning_level = fields.Selection(WARNING_LEVELS)
    task_count = fields.Integer()

    @api.model
    def _rebuild(self, keys=None):
        """Recount the rows of ``keys`` ({(unit id, month)}), or every row, from the tasks."""
        self.env["liangze.task"].flush_model()
        if keys is not None and not keys:
            return
        where = SQL("TRUE")
        if keys is not None:
            units, months = zip(*sorted(keys), strict=True)
            # The pairs, as two aligned arrays (one statement whatever their number).
            where = SQL(
                "(owner_unit_id, %s) IN (SELECT * FROM unnest(%s::int[], %s::date[]))",
                SQL("date_trunc('month', deadline)::date"),
                list(units),
                list(months),
            )
            self.env.cr.execute(
                SQL(
                    "DELETE FROM liangze_task_summary WHERE (owner_unit_id, month) IN "
                    "(SELECT * FROM unnest(%s::int[], %s::date[]))",
                    list(units),
                    list(months),
                )
            )
        else:
            self.env.cr.execute("DELETE FROM liangze_task_summary")
        self.env.cr.execute(
            SQL(
                """INSERT INTO liangze_task_summary (owner_unit_id, month, state, warning_level, task_count)
                   SELECT owner_unit_id, date_trunc('month', deadline)::date, state, warning_level, count(*)
                     FROM liangze_task
                    WHERE active AND %s
                 GROUP BY 1, 2, 3, 4""",
                where,
            )
        )
        self.invalidate_model()

    @api.model
    def _deferred(self):
        return self.env.context.get(DEFERRED_KEY) is DEFERRED

    @api.model
    def _keys_of(self, tasks):
        """The (unit id, month) pairs of these tasks, as stored now."""
        if not tasks.ids:
            return set()
        self.env.cr.execute(
            "SELECT DISTINCT owner_unit_id, date_trunc('month', deadline)::date FROM liangze_task WHERE id = ANY(%s)",
            [tasks.ids],
        )
        return set(self.env.cr.fetchall())

    @api.model
    def _figures(self, unit_ids, date_from, date_to):
        """{unit id: [tasks, accepted, done on time, yellow, red]} of these units,
        for the months of the period."""
        self.env.cr.execute(
            """SELECT owner_unit_id,
                      sum(task_count),
                      sum(task_count) FILTER (WHERE state = 'accepted'),
                      sum(task_count) FILTER (WHERE warning_level = 'done_on_time'),
                      sum(task_count) FILTER (WHERE warning_level = 'yellow'),
                      sum(task_count) FILTER (WHERE warning_level = 'red')
                 FROM liangze_task_summary
                WHERE owner_unit_id = ANY(%s) AND month >= date_trunc('month', %s::date) AND month <= %s::date
             GROUP BY owner_unit_id""",
            [list(unit_ids), date_from, date_to],
        )
        return {row[0]: [value or 0 for value in row[1:]] for row in self.env.cr.fetchall()}
