# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from .liangze_assignment_letter import FREQUENCIES, METHODS


class LiangzeAssignmentLine(models.Model):
    """One thing the assignment letter says the body will supervise: a list item,
    the method, how often; it becomes one supervisory item of the body."""

    _name = "liangze.assignment.line"
    _description = "Supervision Assignment"
    _inherit = ["liangze.record.guard"]
    _order = "letter_id, sequence, id"

    _guard_state_field = None
    _guard_fixed_fields = frozenset({"letter_id"})
    _guard_workflow_fields = frozenset({"supervisory_item_id"})
    # An issued assignment letter does not change.
    _guard_parent_field = "letter_id"
    _guard_parent_states = ("draft",)

    letter_id = fields.Many2one("liangze.assignment.letter", required=True, ondelete="cascade", index=True)
    sequence = fields.Integer(default=10)
    item_id = fields.Many2one(
        "liangze.list.item",
        string="List Item",
        required=True,
        ondelete="cascade",
        domain="[('list_id', '=', parent.list_id), ('kind', '=', 'principal')]",
    )
    method = fields.Selection(METHODS, required=True, default="online_review")
    frequency = fields.Selection(FREQUENCIES, required=True, default="quarterly")
    note = fields.Text(string="What Will Be Supervised")
    supervisory_item_id = fields.Many2one("liangze.list.item", readonly=True)

    @api.constrains("item_id", "letter_id")
    def _check_item(self):
        for line in self:
            if line.item_id.list_id != line.letter_id.list_id or line.item_id.kind != "principal":
                raise UserError(self.env._("Supervise the principal-responsibility items of the letter's list."))
