# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

RELATIONS = [
    ("spouse", "Spouse"),
    ("child", "Child"),
    ("parent", "Parent"),
    ("sibling", "Sibling"),
    ("child_in_law", "Spouse of a child"),
    ("other", "Other close relative"),
]


class LiangzeCadreRelative(models.Model):
    """A close relative declared by a cadre (spouse, children, parents, siblings),
    a cadre or not. A declared relative who is a cadre is recused both ways: neither
    reads the other's integrity file."""

    _name = "liangze.cadre.relative"
    _description = "Declared Close Relative"
    _inherit = ["liangze.record.guard", "liangze.logged.read.mixin"]
    # Reads logged, naming the cadre (liangze.logged.read.mixin).
    _confidential_cadre_field = "cadre_id"
    _order = "cadre_id, relation, id"

    _guard_state_field = None

    cadre_id = fields.Many2one("liangze.cadre", string="Declared By", required=True, index=True, ondelete="cascade")
    relation = fields.Selection(RELATIONS, required=True)
    name = fields.Char(required=True)
    relative_cadre_id = fields.Many2one(
        "liangze.cadre",
        string="Is the Cadre",
        index=True,
        ondelete="set null",
        help="When the relative is a cadre too.",
    )
    employer = fields.Char(string="Work Unit and Post")
    company_id = fields.Many2one(related="cadre_id.company_id", store=True, index=True)

    @api.constrains("cadre_id", "relative_cadre_id")
    def _check_not_self(self):
        if any(rel.relative_cadre_id == rel.cadre_id for rel in self):
            raise ValidationError(self.env._("A cadre is not their own relative."))

    @api.model_create_multi
    def create(self, vals_list):
        relatives = super().create(vals_list)
        self.env["liangze.cadre"]._refresh_recusals()
        return relatives

    def write(self, vals):
        res = super().write(vals)
        if {"cadre_id", "relative_cadre_id"} & vals.keys():
            self.env["liangze.cadre"]._refresh_recusals()
        return res

    def unlink(self):
        res = super().unlink()
        self.env["liangze.cadre"]._refresh_recusals()
        return res
