# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class AuditlogLog(models.Model):
    """A log of a confidential record names the cadres it is about: the read log
    carries the values read, so the head's own matters and their relatives' stay out
    of their sight in the log too (record rules read this field)."""

    _inherit = "auditlog.log"

    liangze_cadre_ids = fields.Many2many(
        "liangze.cadre",
        "auditlog_log_liangze_cadre_rel",
        "log_id",
        "cadre_id",
        string="About",
        compute="_compute_liangze_cadre_ids",
        store=True,
    )

    @api.model_create_multi
    def create(self, vals_list):
        logs = super().create(vals_list)
        # Written at once: the record rules read it in SQL, within the same transaction.
        logs.flush_recordset(["liangze_cadre_ids"])
        return logs

    @api.model
    def _liangze_confidential_models(self):
        """{model: field of its cadres} of every model with logged reads that names them
        (``liangze.logged.read.mixin._confidential_cadre_field``)."""
        return {
            name: self.env[name]._confidential_cadre_field
            for name in self._liangze_models_using("liangze.logged.read.mixin")
            if self.env[name]._confidential_cadre_field
        }

    @api.depends("model_model", "res_id")
    def _compute_liangze_cadre_ids(self):
        confidential = self._liangze_confidential_models()
        for log in self:
            cadres = self.env["liangze.cadre"]
            field = confidential.get(log.model_model)
            if field and log.res_id:
                record = self.env[log.model_model].sudo().with_context(active_test=False).browse(log.res_id).exists()
                cadres = record[field]
            log.liangze_cadre_ids = cadres
