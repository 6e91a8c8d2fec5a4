# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

# The models whose reads are logged; their logs are the head of the discipline body's alone.
CONFIDENTIAL_MODELS = (
    "liangze.integrity.file",
    "liangze.integrity.entry",
    "liangze.sanction",
    "liangze.cadre.relative",
)


class AuditlogLog(models.Model):
    """A log of an integrity file names the cadre the file is about: the read log
    carries the values read, so the head's own file and their relatives' stay out
    of their sight in the log too (record rules read this field)."""

    _inherit = "auditlog.log"

    liangze_cadre_id = fields.Many2one(
        "liangze.cadre", string="File of", compute="_compute_liangze_cadre_id", store=True, index=True
    )

    @api.depends("model_model", "res_id")
    def _compute_liangze_cadre_id(self):
        for log in self:
            cadre = self.env["liangze.cadre"]
            if log.model_model in CONFIDENTIAL_MODELS and log.res_id:
                record = self.env[log.model_model].sudo().with_context(active_test=False).browse(log.res_id).exists()
                cadre = record.cadre_id
            log.liangze_cadre_id = cadre
