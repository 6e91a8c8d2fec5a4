# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .liangze_list_item_derivation_mixin import GUIDANCE_LOCKED_FIELDS
from .liangze_list_item_task_generation_mixin import PERSON_OWNER_TYPES

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


class LiangzeListItem(models.Model):
    """List item (清单事项): what an owner must do, how often and by when."""

    _name = "liangze.list.item"
    _description = "List Item"
    _inherit = [
        "liangze.list.item.derivation.mixin",
        "liangze.list.item.task.generation.mixin",
        "liangze.record.guard",
        "mail.thread",
    ]
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
