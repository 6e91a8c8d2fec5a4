# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class LiangzeArchiveReason(models.TransientModel):
    """Archive or restore records that went out (a task, a list, an issued
    document): an administrator's action, with the reason kept on each record."""

    _name = "liangze.archive.reason"
    _description = "Archive with Reason"

    res_model = fields.Char(string="Model", required=True)
    res_ids = fields.Json(string="Records", required=True)
    restore = fields.Boolean(help="Restore archived records instead of archiving them.")
    reason = fields.Text(required=True)

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        context = self.env.context
        values.setdefault("res_model", context.get("active_model"))
        values.setdefault("res_ids", context.get("active_ids") or [])
        return values

    def action_confirm(self):
        self.ensure_one()
        records = self.env.get(self.res_model)
        if records is None or not hasattr(records, "_guard_archive"):
            raise UserError(self.env._("These records cannot be archived here."))
        records.with_context(active_test=False).browse(self.res_ids)._guard_archive(self.reason, active=self.restore)
        return {"type": "ir.actions.act_window_close"}
