# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import calendar
from collections import defaultdict
from datetime import date, timedelta

from odoo import models

from .liangze_task_summary import DEFERRED, DEFERRED_KEY

PERSON_OWNER_TYPES = ("principal_leader", "team_member")

# Columns of a task not yet started that follow its item when the item changes.
SYNCED_COLUMNS = (
    "name",
    "deadline_original",
    "deadline",
    "yellow_date",
    "responsible_user_id",
    "supervising_unit_id",
)


def month_end(year, month):
    return date(year, month, calendar.monthrange(year, month)[1])


class LiangzeListItemTaskGenerationMixin(models.AbstractModel):
    """How a list item becomes tasks: the periods of its year, its owners, each
    task's deadline and yellow warning on the owner's workday calendar, and the
    synchronisation that creates the missing tasks and makes those not yet started
    follow the item.

    Kept apart from the item's own definition and checks; the item (created,
    edited) and its list (published, the daily job) call ``_sync_tasks()``."""

    _name = "liangze.list.item.task.generation.mixin"
    _description = "List Item Task Generation"

    # -- periods and deadlines -------------------------------------------------
    def _periods(self):
        """[(start, end, label)] of the item's year, labels in the context language."""
        self.ensure_one()
        year = self.year
        if self.frequency in ("once", "yearly"):
            return [(date(year, 1, 1), date(year, 12, 31), self.env._("Year %(year)s", year=year))]
        if self.frequency == "half_yearly":
            return [
                (date(year, 1, 1), date(year, 6, 30), self.env._("%(year)s first half", year=year)),
                (date(year, 7, 1), date(year, 12, 31), self.env._("%(year)s second half", year=year)),
            ]
        if self.frequency == "quarterly":
            names = [self.env._("Q1"), self.env._("Q2"), self.env._("Q3"), self.env._("Q4")]
            return [
                (
                    date(year, 3 * q + 1, 1),
                    month_end(year, 3 * q + 3),
                    self.env._("%(year)s %(quarter)s", year=year, quarter=names[q]),
                )
                for q in range(4)
            ]
        months = range(1, 13) if self.frequency == "monthly" else self._chosen_months()
        return [
            (date(year, m, 1), month_end(year, m), self.env._("%(year)s-%(month)s", year=year, month=m)) for m in months
        ]

    def _deadline(self, period_end):
        if self.deadline_rule == "after_end":
            return period_end + timedelta(days=self.deadline_days)
        return min(period_end.replace(day=1) + timedelta(days=self.deadline_day - 1), period_end)

    def _owners(self):
        """[(unit, user)] the item is owned by; user is empty for unit owners."""
        self.ensure_one()
        if self.owner_type in PERSON_OWNER_TYPES:
            owners = []
            for user in self.owner_user_ids:
                units = user.sudo()._liangze_my_units()
                home = units.filtered(lambda u: u.unit_type == "party_committee")[:1] or units[:1]
                owners.append((home, user))
            return owners
        return [(unit, self.env["res.users"]) for unit in self.owner_unit_ids]

    def _task_values(self, calendars):
        """{(unit_id, user_id, period_start): vals} of every task the item should have.

        ``calendars`` gives each company's WorkdayCalendar: a deadline falling
        on a non-workday moves to the next workday, and the yellow warning
        starts the item's lead in workdays before it."""
        self.ensure_one()
        result = {}
        if not self.active:
            return result
        owners = self._owners()
        for start, end, label in self._periods():
            by_rule = self._deadline(end)
            for unit, user in owners:
                calendar = calendars(unit.company_id)
                deadline = calendar.next_workday(by_rule)
                result[(unit.id, user.id or None, start)] = {
                    "name": f"{label} · {self.name} · {user.name or unit.name}",
                    "item_id": self.id,
                    "period_start": start,
                    "period_end": end,
                    "deadline_original": by_rule,
                    "deadline": deadline,
                    "yellow_date": calendar.subtract_workdays(deadline, self.yellow_lead_days),
                    "owner_unit_id": unit.id,
                    "owner_user_id": user.id,
                    "responsible_user_id": (user or unit.head_id).id,
                    "supervising_unit_id": self.supervising_unit_id.id,
                    "company_id": unit.company_id.id,
                }
        return result

    def _workday_calendars(self):
        """A function giving each company's WorkdayCalendar (shared by the request)."""
        return lambda company: company._liangze_workdays()

    def _sync_tasks(self):
        """Bring the tasks of published items in line with the items:
        create the missing ones in one batch, update and cancel only tasks
        not yet started (started tasks are never changed silently)."""
        items = self.with_context(active_test=False).filtered(lambda i: i.list_id.state == "published")
        if not items:
            return
        Task = (
            self.env["liangze.task"]
            .sudo()
            .with_context(
                active_test=False,
                tracking_disable=True,
                mail_create_nolog=True,
                mail_notrack=True,
                **{DEFERRED_KEY: DEFERRED},
            )
        )
        Task.flush_model()
        columns = ", ".join(SYNCED_COLUMNS)
        self.env.cr.execute(
            f"""SELECT id, state, item_id, owner_unit_id, owner_user_id, period_start, {columns}
                  FROM liangze_task WHERE item_id = ANY(%s)""",
            [items.ids],
        )
        existing = {row[2:6]: row for row in self.env.cr.fetchall()}
        # A task whose deadline was extended keeps it: it no longer follows its item.
        self.env["liangze.deadline.extension"].flush_model()
        self.env.cr.execute(
            """SELECT e.task_id FROM liangze_deadline_extension e JOIN liangze_task t ON t.id = e.task_id
                WHERE e.state = 'approved' AND t.item_id = ANY(%s)""",
            [items.ids],
        )
        extended = {row[0] for row in self.env.cr.fetchall()}
        calendars = items._workday_calendars()
        to_create, to_cancel, to_update = [], [], defaultdict(list)
        for item in items:
            item = item.with_context(lang=item.company_id.partner_id.lang or self.env.lang)
            wanted = {(item.id, *key): vals for key, vals in item._task_values(calendars).items()}
            for key, vals in wanted.items():
                row = existing.get(key)
                if not row:
                    to_create.append(vals)
                elif row[1] in ("todo", "cancelled") and row[0] not in extended:
                    update = tuple(vals[column] or None for column in SYNCED_COLUMNS)
                    if row[1] == "cancelled" or tuple(row[6:]) != update:
                        to_update[update].append(row[0])
            to_cancel += [
                row[0] for key, row in existing.items() if key[0] == item.id and key not in wanted and row[1] == "todo"
            ]
        # Forget the items' and lists' cached task lists: Odoo would otherwise add
        # every new task to them one by one, quadratic in the number of tasks.
        items.invalidate_recordset(["task_ids"])
        items.list_id.invalidate_recordset(["task_ids"])
        Summary = self.env["liangze.task.summary"]
        changed = Task.browse(to_cancel + [i for ids in to_update.values() for i in ids])
        keys = Summary._keys_of(changed)
        created = Task.create(to_create) if to_create else Task
        if to_cancel:
            Task.browse(to_cancel).write({"state": "cancelled", "active": False})
        for update, task_ids in to_update.items():
            values = {column: value or False for column, value in zip(SYNCED_COLUMNS, update, strict=True)}
            Task.browse(task_ids).write(dict(values, state="todo", active=True))
        # The cockpit's summary, recounted once for every (unit, month) touched.
        Summary._rebuild(keys | Summary._keys_of(created | changed))
