# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class LiangzeCategory(models.Model):
    """Responsibility category (责任类别): groups the items of a list."""

    _name = "liangze.category"
    _description = "Responsibility Category"
    _order = "sequence, id"
    _inherit = ["liangze.record.guard"]
    _guard_state_field = None

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    description = fields.Text(translate=True)
    active = fields.Boolean(default=True)

    _name_uniq = models.Constraint("unique(name)", "A category with this name already exists.")
