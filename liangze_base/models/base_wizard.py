# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class BaseWizard(models.AbstractModel):
    """One way to open a wizard (a dialog) from a button, on every model."""

    _inherit = "base"

    def _liangze_wizard(self, res_model, name, context=None):
        """The window action opening a new ``res_model`` in a dialog titled ``name``,
        its fields filled from ``context`` (``default_*`` keys)."""
        return {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": res_model,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": context or {},
        }
