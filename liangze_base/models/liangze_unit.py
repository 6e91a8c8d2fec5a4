# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

# Changing any of these fields changes who belongs to which scope, so the
# record-rule cache and the users' scope fields must be refreshed.
SCOPE_FIELDS = {"parent_id", "head_id", "member_ids", "active", "unit_type", "supervised_unit_id", "company_id"}


class LiangzeUnit(models.Model):
    """A responsible unit (责任单位): party committee, department, party
    branch or discipline body, arranged in one tree across companies so a
    province bureau rolls up its cities and counties."""

    _name = "liangze.unit"
    _description = "Responsible Unit"
    _inherit = ["liangze.record.guard", "mail.thread"]
    _guard_state_field = None
    _parent_name = "parent_id"
    _parent_store = True
    _rec_name = "complete_name"
    _order = "complete_name, sequence, id"

    name = fields.Char(required=True, tracking=True)
    complete_name = fields.Char(compute="_compute_complete_name", store=True, recursive=True)
    code = fields.Char(tracking=True, help="Short code of the unit, unique within its company.")
    sequence = fields.Integer(default=10)
    unit_type = fields.Selection(
        [
            ("party_committee", "Party committee (leading party group)"),
            ("department", "Department"),
            ("party_branch", "Party branch"),
            ("discipline_body", "Discipline body"),
        ],
        string="Type",
        required=True,
        default="department",
        tracking=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company, tracking=True
    )
    # No check_company: a county party committee hangs below the city one,
    # which belongs to the parent company.
    parent_id = fields.Many2one("liangze.unit", string="Parent Unit", index=True, ondelete="restrict", tracking=True)
    parent_path = fields.Char(index=True)
    child_ids = fields.One2many("liangze.unit", "parent_id", string="Sub-units")
    head_id = fields.Many2one("res.users", tracking=True, domain="[('share', '=', False)]")
    member_ids = fields.Many2many(
        "res.users",
        "liangze_unit_member_rel",
        "unit_id",
        "user_id",
        string="Members",
        domain="[('share', '=', False)]",
    )
    member_count = fields.Integer(compute="_compute_member_count")
    supervised_unit_id = fields.Many2one(
        "liangze.unit",
        index=True,
        help="For a discipline body: the unit whose whole subtree it supervises. Defaults to its parent unit.",
    )
    active = fields.Boolean(default=True, tracking=True)
    note = fields.Text()

    _code_company_uniq = models.Constraint(
        "unique(company_id, code)",
        "The code of a unit must be unique within its company.",
    )

    @api.depends("name", "parent_id.complete_name")
    def _compute_complete_name(self):
        for unit in self:
            if unit.parent_id:
                unit.complete_name = f"{unit.parent_id.complete_name} / {unit.name}"
            else:
                unit.complete_name = unit.name

    @api.depends("member_ids", "head_id")
    def _compute_member_count(self):
        for unit in self:
            unit.member_count = len(unit.member_ids | unit.head_id)

    @api.constrains("supervised_unit_id", "unit_type")
    def _check_supervised_unit(self):
        for unit in self:
            if unit.supervised_unit_id and unit.unit_type != "discipline_body":
                raise ValidationError(self.env._("Only a discipline body can supervise a unit."))

    def _check_codes_free(self, pairs):
        """Refuse (company, code) pairs already taken, before the SQL
        constraint would, so the user reads which code clashes."""
        seen = set()
        for company_id, code in pairs:
            taken = (company_id, code) in seen or self.with_context(active_test=False).search_count(
                [("code", "=", code), ("company_id", "=", company_id), ("id", "not in", self.ids)], limit=1
            )
            if taken:
                raise ValidationError(
                    self.env._(
                        "The code %(code)s is already used by another unit of %(company)s.",
                        code=code,
                        company=self.env["res.company"].browse(company_id).name,
                    )
                )
            seen.add((company_id, code))

    @api.model_create_multi
    def create(self, vals_list):
        self._check_codes_free(
            (vals.get("company_id") or self.env.company.id, vals["code"]) for vals in vals_list if vals.get("code")
        )
        units = super().create(vals_list)
        units._refresh_scopes()
        return units

    def write(self, vals):
        if vals.get("parent_id"):
            self._check_not_below_itself(vals["parent_id"])
        if vals.get("active") is False:
            self._check_no_active_children()
        if vals.get("code") or vals.get("company_id"):
            self._check_codes_free(
                (vals.get("company_id") or unit.company_id.id, vals.get("code") or unit.code)
                for unit in self
                if vals.get("code") or unit.code
            )
        res = super().write(vals)
        if SCOPE_FIELDS & vals.keys():
            self._refresh_scopes()
        if "document_prefix" in vals:
            for series in self.document_series_ids.filtered("sequence_id"):
                series.sequence_id.sudo().prefix = series._full_prefix()
        return res

    def _check_not_below_itself(self, parent_id):
        # Checked before writing: the parent-store update would otherwise
        # stop on a bare "Recursion Detected".
        if parent_id in self.with_context(active_test=False).search([("id", "child_of", self.ids)]).ids:
            raise ValidationError(self.env._("A unit cannot be its own ancestor."))

    def _check_no_active_children(self):
        active_children = self.env["liangze.unit"].search([("parent_id", "in", self.ids), ("id", "not in", self.ids)])
        if active_children:
            raise UserError(
                self.env._(
                    "Archive the sub-units first; these are still active: %(units)s",
                    units=", ".join(active_children.mapped("complete_name")),
                )
            )

    def _refresh_scopes(self):
        """Scopes are cached in record rules and in users' computed fields."""
        self.env["res.users"].invalidate_model(
            ["liangze_unit_ids", "liangze_managed_unit_ids", "liangze_scope_unit_ids"]
        )
        self.env.registry.clear_cache()

    def _supervision_roots(self):
        """The units whose subtrees these discipline bodies supervise."""
        return self.filtered(lambda u: u.unit_type == "discipline_body").mapped(
            lambda u: u.supervised_unit_id or u.parent_id or u
        )

    # -- the lookups every addon shares: one way each ------------------------------------
    def _party_committee(self):
        """The party committee this unit belongs to: itself, or its nearest ancestor of
        that type (empty when there is none), whoever reads."""
        unit = self.sudo()[:1]
        while unit and unit.unit_type != "party_committee":
            unit = unit.parent_id
        return unit

    def _supervised_committee(self):
        """The party committee this discipline body supervises (empty when the body
        supervises a unit that is not a committee)."""
        root = self.sudo()._supervision_roots()[:1]
        return root if root.unit_type == "party_committee" else root.browse()

    def _supervising_body(self):
        """The discipline body supervising this party committee, if any."""
        bodies = self.sudo().search([("unit_type", "=", "discipline_body")])
        return bodies.filtered(lambda b: b._supervision_roots() == self)[:1] if self else bodies.browse()

    def _users(self):
        """Who works in these units: their heads, then their members, internal users only."""
        return (self.head_id | self.member_ids).filtered(lambda u: not u.share)

    # -- the official documents a discipline body issues (liangze.document.series) ------------
    document_prefix = fields.Char(
        string="Document Number Prefix",
        help="Printed before the year in the document numbers this discipline body issues, "
        "for example X税纪建 gives X税纪建〔2026〕3号. Defaults to the unit's code or name.",
    )
    document_numbering = fields.Selection(
        [("shared", "One series for every document"), ("per_kind", "One series per kind of document")],
        string="Document Numbers",
        default="shared",
        required=True,
        help="Reports, recommendation letters and reminder letters share one number series, "
        "or each kind has its own, with its own prefix.",
    )
    document_series_ids = fields.One2many("liangze.document.series", "issuer_unit_id", string="Number Series")

    def _document_sequence(self, kind="all"):
        """The issuer's yearly, gapless number series for documents of ``kind``."""
        self.ensure_one()
        return self.env["liangze.document.series"]._for(self, kind)._sequence()

    # -- the receipt of the letters a discipline body issues (liangze.receipt.mixin) --------
    receipt_workdays = fields.Integer(
        string="Receipt Due (workdays)",
        default=3,
        help="Workdays the addressed unit has to acknowledge a reminder letter before its leaders are told.",
    )

    @api.constrains("receipt_workdays")
    def _check_receipt_workdays(self):
        if any(not 1 <= unit.receipt_workdays <= 60 for unit in self):
            raise ValidationError(self.env._("The receipt is due within 1 to 60 workdays."))

    # -- the chart's own figures ------------------------------------------------------------
    child_count = fields.Integer(compute="_compute_child_count")

    def _compute_child_count(self):
        counts = dict(self._read_group([("parent_id", "in", self.ids)], ["parent_id"], ["__count"]))
        for unit in self:
            unit.child_count = counts.get(unit, 0)

    def action_open_members(self):
        self.ensure_one()
        return self._liangze_list(
            "res.users",
            self.env._("Members of %(unit)s", unit=self.complete_name),
            [("id", "in", (self.member_ids | self.head_id).ids)],
        )
