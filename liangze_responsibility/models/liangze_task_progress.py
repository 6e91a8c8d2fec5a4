# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class LiangzeTaskProgress(models.Model):
    """Progress entry (完成情况) of a work ledger: dated and append-only."""

    _name = "liangze.task.progress"
    _description = "Progress Entry"
    _inherit = ["liangze.record.guard"]
    _order = "date desc, id desc"

    _guard_state_field = None
    _guard_provenance_fields = {"author_id": "user"}
    # Append-only: what was written stays as written, on its task.
    _guard_fixed_fields = frozenset({"task_id", "date", "description", "percent"})

    task_id = fields.Many2one("liangze.task", required=True, ondelete="cascade", index=True)
    date = fields.Date(required=True, default=lambda self: self._bureau_today())
    description = fields.Text(required=True)
    percent = fields.Integer(string="Progress (%)")
    author_id = fields.Many2one("res.users", default=lambda self: self.env.user, readonly=True)

    @api.constrains("percent")
    def _check_percent(self):
        if any(not 0 <= entry.percent <= 100 for entry in self):
            raise ValidationError(self.env._("Progress must be between 0 and 100 percent."))

    @api.constrains("date")
    def _check_date(self):
        today = self._bureau_today()
        for entry in self:
            if entry.date > today or entry.date < entry.task_id.period_start:
                raise ValidationError(
                    self.env._("A progress entry is dated within its task's period and not in the future.")
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(self.env._("Progress entries are never deleted."))

    @api.model_create_multi
    def create(self, vals_list):
        self.env["liangze.task"].browse([v["task_id"] for v in vals_list if v.get("task_id")])._check_ledger_open()
        entries = super().create(vals_list)
        entries.task_id._mark_started()
        return entries
