# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class LiangzeListRevision(models.Model):
    """An entry of a list's revision history: what changed, when, by whom and why
    (derived from guidance, a guidance revision sent down, a revision accepted).
    Written by the list's own actions; never edited."""

    _name = "liangze.list.revision"
    _description = "List Revision"
    _inherit = ["liangze.record.guard"]
    _order = "create_date desc, id desc"

    _guard_state_field = None
    _guard_workflow_fields = frozenset({"list_id", "summary", "reason", "changes", "user_id"})

    list_id = fields.Many2one("liangze.list", required=True, ondelete="cascade", index=True, readonly=True)
    user_id = fields.Many2one("res.users", string="By", readonly=True)
    summary = fields.Char(required=True, readonly=True)
    reason = fields.Text(readonly=True)
    changes = fields.Html(readonly=True, sanitize=True)
