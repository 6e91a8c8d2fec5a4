# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import calendar
from collections import defaultdict
from datetime import date, timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .liangze_task_summary import DEFERRED, DEFERRED_KEY

PERSON_OWNER_TYPES = ("principal_leader", "team_member")
# Bounds that keep generation and the workday arithmetic short.
MAX_EVIDENCE_MIN = 50
MAX_YELLOW_LEAD = 60
# Shortest period of each frequency, in days: a deadline N days after the
# period ends must stay inside the next period.
MIN_PERIOD_DAYS = {"once": 365, "yearly": 365, "half_yearly": 181, "quarterly": 90, "monthly": 28, "months": 28}
# Fields whose change alters the tasks not yet started.
TASK_FIELDS = {
    "name",
    "owner_type",
    "owner_unit_ids",
    "owner_user_ids",
    "frequency",
    "months",
    "deadline_rule",
    "deadline_days",
    "deadline_day",
    "yellow_lead_days",
    "supervising_unit_id",
    "active",
}


# Columns of a task not yet started that follow its item when the item changes.
SYNCED_COLUMNS = (
    "name",
    "deadline_original",
    "deadline",
    "yellow_date",
    "responsible_user_id",
    "supervising_unit_id",
)


# What a guidance list (指导清单) fixes for the lists derived from it; the rest
# (owners, lead leader, deadline within the superior's, an extra standard) is
# the subordinate's to fill.
GUIDANCE_LOCKED_FIELDS = (
    "name",
    "content",
    "standard",
    "basis",
    "category_id",
    "kind",
    "frequency",
    "months",
    "deadline_rule",
    "evidence_min",
)


# What a derived item takes from its guidance item besides the locked fields (the
# subordinate may make the deadline earlier; the owners are its own).
GUIDANCE_COPIED_FIELDS = GUIDANCE_LOCKED_FIELDS + (
    "sequence",
    "owner_type",
    "deadline_days",
    "deadline_day",
    "yellow_lead_days",
    "weight",
    "evidence_note",
)


def month_end(year, month):
    return date(year, month, calendar.monthrange(year, month)[1])


class LiangzeListItem(models.Model):
    """List item (清单事项): what an owner must do, how often and by when."""

    _name = "liangze.list.item"
    _description = "List Item"
    _inherit = ["liangze.record.guard", "mail.thread"]
    _order = "list_id, category_sequence, sequence, id"
    # Guidance items and the items derived from them, down the levels.
    _parent_name = "parent_item_id"
    _parent_store = True

    # Items are edited on published lists too (their tasks not started follow).
    _guard_state_field = None
    _guard_fixed_fields = frozenset({"list_id"})
    # Only the guidance actions link an item to its guidance item.
    _guard_workflow_fields = frozenset({"parent_item_id", "guidance_key"})

    list_id = fields.Many2one("liangze.list", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="list_id.company_id", store=True)
    year = fields.Integer(related="list_id.year", store=True)
    category_id = fields.Many2one("liangze.category", required=True, ondelete="restrict", tracking=True)
    # A related field takes its label from the target field: name it apart from `sequence`.
    category_sequence = fields.Integer(related="category_id.sequence", store=True, string="Category Sequence")
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Title", required=True, tracking=True)
    content = fields.Text()
    standard = fields.Text(string="Standard and Requirements")
    basis = fields.Text(help="The rule or document this item comes from.")
    kind = fields.Selection(
        [("principal", "Principal responsibility"), ("supervisory", "Supervisory responsibility")],
        required=True,
        default="principal",
    )
    owner_type = fields.Selection(
        [
            ("leadership_team", "Leadership team"),
            ("principal_leader", "Principal leader"),
            ("team_member", "Team member"),
            ("department", "Department"),
            ("party_branch", "Party branch"),
        ],
        required=True,
        default="department",
        tracking=True,
    )
    owner_unit_ids = fields.Many2many("liangze.unit", string="Owner Units")
    owner_user_ids = fields.Many2many(
        "res.users",
        string="Owner Persons",
        domain="[('share', '=', False)]",
        help="For items owned by the principal leader or team members.",
    )
    lead_leader_id = fields.Many2one("res.users", domain="[('share', '=', False)]")
    supervising_unit_id = fields.Many2one("liangze.unit", domain="[('unit_type', '=', 'discipline_body')]")
    frequency = fields.Selection(
        [
            ("once", "Once"),
            ("monthly", "Monthly"),
            ("quarterly", "Quarterly"),
            ("half_yearly", "Half-yearly"),
            ("yearly", "Yearly"),
            ("months", "Chosen months"),
        ],
        required=True,
        default="quarterly",
        tracking=True,
    )
    months = fields.Char(string="Chosen Months", help="Months of the year, separated by commas, e.g. 3,6,9,12.")
    deadline_rule = fields.Selection(
        [("after_end", "Days after the period ends"), ("fixed_day", "Fixed day of the period's last month")],
        required=True,
        default="after_end",
    )
    deadline_days = fields.Integer(string="Days After Period", default=5)
    deadline_day = fields.Integer(string="Day of Month", default=25)
    yellow_lead_days = fields.Integer(
        string="Yellow Warning Lead", default=5, help="Working days before the deadline when the yellow warning starts."
    )
    weight = fields.Float(digits=(16, 2))
    evidence_min = fields.Integer(string="Minimum Evidence", default=1)
    evidence_note = fields.Text(string="Evidence Must Show")
    task_ids = fields.One2many("liangze.task", "item_id", string="Tasks")
    active = fields.Boolean(default=True)

    # -- supervisory items: the discipline body's, over the principal items they cover ----
    covered_item_ids = fields.Many2many(
        "liangze.list.item",
        "liangze_list_item_coverage_rel",
        "supervisory_item_id",
        "principal_item_id",
        string="Supervises",
        domain="[('kind', '=', 'principal')]",
        help="For a supervisory item: the principal-responsibility items whose carrying out it supervises.",
    )
    covering_item_ids = fields.Many2many(
        "liangze.list.item",
        "liangze_list_item_coverage_rel",
        "principal_item_id",
        "supervisory_item_id",
        string="Supervised By",
    )

    # -- guidance: the "1" of "1+X" ------------------------------------------------
    parent_item_id = fields.Many2one(
        "liangze.list.item",
        string="Guidance Item",
        index=True,
        ondelete="set null",
        copy=True,
        help="The superior's guidance item this item adopts: what it fixed is read-only here.",
    )
    parent_path = fields.Char(index=True)
    derived_item_ids = fields.One2many("liangze.list.item", "parent_item_id", string="Adopted As")
    inherited = fields.Boolean(
        compute="_compute_inherited", store=True, help="Comes from the superior's guidance list."
    )
    guidance_unit_id = fields.Many2one(
        related="parent_item_id.list_id.committee_id", string="Guidance From", store=True
    )
    extra_standard = fields.Text(
        string="Additional Standard", help="What this level requires beyond the guidance item's standard."
    )
    guidance_key = fields.Char(
        copy=True,
        index="btree_not_null",
        readonly=True,
        help="Stays the same when a list is copied to next year: derived items find their guidance item by it.",
    )

    def _guidance_differences(self):
        """[(field, this item's value, the guidance item's)] of the fields the guidance
        fixes, and of a deadline now later than the guidance's, as text to show."""
        self.ensure_one()
        guide = self._guidance()
        differences = []
        for name in GUIDANCE_LOCKED_FIELDS + ("deadline_days", "deadline_day"):
            mine, theirs = self[name], guide[name]
            if name in ("deadline_days", "deadline_day"):
                if mine <= theirs:
                    continue
            elif mine == theirs:
                continue
            differences.append((name, self._display_value(name), guide._display_value(name)))
        return differences

    def _display_value(self, name):
        field = self._fields[name]
        value = self[name]
        if field.type == "many2one":
            return value.display_name or ""
        if field.type == "selection":
            return dict(field._description_selection(self.env)).get(value, "")
        return "" if value is False else str(value)

    def _guidance(self):
        """The guidance item, read whatever the level: it is the superior's, published to this one."""
        return self.parent_item_id.sudo()

    def _derived_values(self):
        """The values of the item a subordinate list adopts from this guidance item."""
        self.ensure_one()
        values = self._convert_to_write({name: self[name] for name in GUIDANCE_COPIED_FIELDS})
        return dict(values, parent_item_id=self.id)

    @api.depends("parent_item_id")
    def _compute_inherited(self):
        for item in self:
            item.inherited = bool(item.parent_item_id)

    # -- validation ---------------------------------------------------------
    @api.constrains("weight", "evidence_min", "yellow_lead_days")
    def _check_numbers(self):
        for item in self:
            limit = item.company_id.liangze_weight_max or 100.0
            if item.weight < 0:
                raise ValidationError(self.env._("The weight cannot be negative."))
            if item.weight > limit:
                raise ValidationError(self.env._("The weight is at most %(max)s.", max=limit))
            if not 0 <= item.evidence_min <= MAX_EVIDENCE_MIN:
                raise ValidationError(
                    self.env._("The minimum evidence lies between 0 and %(max)s.", max=MAX_EVIDENCE_MIN)
                )
            if not 0 <= item.yellow_lead_days <= MAX_YELLOW_LEAD:
                raise ValidationError(
                    self.env._("The yellow warning lead lies between 0 and %(max)s workdays.", max=MAX_YELLOW_LEAD)
                )

    @api.constrains("deadline_rule", "deadline_days", "deadline_day", "frequency")
    def _check_deadline_rule(self):
        for item in self:
            if item.deadline_rule == "after_end":
                limit = MIN_PERIOD_DAYS[item.frequency]
                if not 0 <= item.deadline_days < limit:
                    raise ValidationError(
                        self.env._(
                            "Item %(item)s: the deadline must fall 0 to %(max)s days after its period ends.",
                            item=item.name,
                            max=limit - 1,
                        )
                    )
            elif not 1 <= item.deadline_day <= 31:
                raise ValidationError(
                    self.env._("Item %(item)s: the deadline day must be between 1 and 31.", item=item.name)
                )

    @api.constrains("deadline_rule", "deadline_days", "deadline_day", "parent_item_id")
    def _check_guidance_deadline(self):
        """A derived item's deadline is the superior's or earlier: its own work comes first."""
        for item in self.filtered("parent_item_id"):
            guide = item._guidance()
            later = (
                item.deadline_days > guide.deadline_days
                if item.deadline_rule == "after_end"
                else item.deadline_day > guide.deadline_day
            )
            if later:
                raise ValidationError(
                    self.env._(
                        "Item %(item)s: the guidance of %(superior)s sets the deadline; choose it or an earlier one.",
                        item=item.name,
                        superior=guide.list_id.committee_id.name or guide.list_id.name,
                    )
                )

    @api.constrains("kind", "owner_type", "owner_unit_ids", "covered_item_ids")
    def _check_supervisory(self):
        """A supervisory item (监督责任) is the discipline body's: its tasks are the body's
        work, and it names the principal items of the same list it supervises."""
        for item in self:
            if item.kind == "supervisory":
                if item.owner_type != "department" or item.owner_unit_ids.filtered(
                    lambda u: u.unit_type != "discipline_body"
                ):
                    raise ValidationError(
                        self.env._("Item %(item)s: supervisory items are owned by discipline bodies.", item=item.name)
                    )
                if item.covered_item_ids.filtered(lambda i: i.kind != "principal"):
                    raise ValidationError(
                        self.env._(
                            "Item %(item)s supervises principal-responsibility items only.",
                            item=item.name,
                        )
                    )
            elif item.covered_item_ids:
                raise ValidationError(
                    self.env._("Item %(item)s: only supervisory items supervise other items.", item=item.name)
                )

    @api.constrains("frequency", "months")
    def _check_months(self):
        for item in self.filtered(lambda i: i.frequency == "months"):
            item._chosen_months()

    @api.constrains("owner_type", "owner_unit_ids", "owner_user_ids")
    def _check_owner(self):
        # An item adopted from a guidance list gets its owners before its list is published.
        self.filtered(lambda i: i.active and not (i.parent_item_id and i.list_id.state == "draft"))._check_owners()

    def _check_owners(self):
        for item in self:
            if item.owner_type in PERSON_OWNER_TYPES:
                if not item.owner_user_ids:
                    raise ValidationError(self.env._("Item %(item)s has no owner: choose the persons.", item=item.name))
                homeless = item.owner_user_ids.filtered(lambda u: not u.sudo()._liangze_my_units())
                if homeless:
                    raise ValidationError(
                        self.env._(
                            "Item %(item)s: %(users)s belong to no unit.",
                            item=item.name,
                            users=", ".join(homeless.mapped("name")),
                        )
                    )
            elif not item.owner_unit_ids:
                raise ValidationError(self.env._("Item %(item)s has no owner: choose the units.", item=item.name))

    def _chosen_months(self):
        try:
            months = sorted({int(part) for part in (self.months or "").replace("，", ",").split(",") if part.strip()})
        except ValueError:
            months = []
        if not months or not all(1 <= m <= 12 for m in months):
            raise ValidationError(
                self.env._("Item %(item)s: list the chosen months as numbers 1 to 12, e.g. 3,6,9,12.", item=self.name)
            )
        return months

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

    @api.ondelete(at_uninstall=False)
    def _unlink_without_tasks(self):
        if (
            self.env["liangze.task"]
            .with_context(active_test=False)
            .search_count([("item_id", "in", self.ids)], limit=1)
        ):
            raise UserError(self.env._("An item that has tasks is never deleted; archive it instead."))

    # -- task generation -------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        items = super().create(vals_list)
        # An item added to a published list gets its tasks at once, as an edited item does.
        items.filtered(lambda i: i.list_id.state == "published")._sync_tasks()
        return items

    def write(self, vals):
        locked = set(GUIDANCE_LOCKED_FIELDS) & vals.keys()
        if locked and not self._guard_trusted() and self.filtered("parent_item_id"):
            item = self.filtered("parent_item_id")[0]
            names = ", ".join(self._fields[name]._description_string(self.env) for name in sorted(locked))
            raise UserError(
                self.env._(
                    "%(fields)s of %(item)s are set by the guidance list of %(superior)s: "
                    "accept its revisions instead of changing them here.",
                    fields=names,
                    item=item.name,
                    superior=item._guidance().list_id.committee_id.name or item._guidance().list_id.name,
                )
            )
        res = super().write(vals)
        if TASK_FIELDS & vals.keys():
            self.filtered(lambda i: i.list_id.state == "published")._sync_tasks()
        return res

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
