# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class AuditlogRule(models.Model):
    """The read auditlog puts on a confidential model is served on a read-write
    cursor (Odoo serves reads on read-only ones, where the log cannot be written)."""

    _inherit = "auditlog.rule"

    def _patch_method(self, model, method_name, check_attr):
        result = super()._patch_method(model, method_name, check_attr)
        if method_name == "read" and model._name in self.env["auditlog.log"]._liangze_confidential_models():
            model.env.registry[model._name].read._readonly = False
        return result
