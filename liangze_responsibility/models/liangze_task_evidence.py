# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class LiangzeTaskEvidence(models.Model):
    """Evidence (工作落实资料): an attachment and the period it covers."""

    _name = "liangze.task.evidence"
    _description = "Evidence"
    _order = "id"

    task_id = fields.Many2one("liangze.task", required=True, ondelete="cascade", index=True)
    name = fields.Char(string="Description", required=True)
    file = fields.Binary(required=True, attachment=True)
    file_name = fields.Char()
    covers_from = fields.Date()
    covers_to = fields.Date()
    uploaded_by_id = fields.Many2one("res.users", default=lambda self: self.env.user, readonly=True)
    active = fields.Boolean(default=True)

    @api.constrains("covers_from", "covers_to")
    def _check_dates(self):
        for evidence in self:
            if evidence.covers_from and evidence.covers_to and evidence.covers_from > evidence.covers_to:
                raise ValidationError(self.env._("The evidence cannot cover a period that ends before it starts."))

    @api.model_create_multi
    def create(self, vals_list):
        tasks = self.env["liangze.task"].browse([vals["task_id"] for vals in vals_list if vals.get("task_id")])
        tasks._check_ledger_open()
        for vals in vals_list:
            task = tasks.browse(vals.get("task_id"))
            vals.setdefault("covers_from", task.period_start)
            vals.setdefault("covers_to", task.period_end)
        evidence = super().create(vals_list)
        evidence.task_id._mark_started()
        return evidence

    def write(self, vals):
        self.task_id._check_ledger_open()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(self.env._("Evidence is never deleted; archive it instead."))
