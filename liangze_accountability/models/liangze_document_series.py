# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class LiangzeDocumentSeries(models.Model):
    """Accountability decisions are numbered by the discipline body like its letters (X税纪问〔2026〕1号)."""

    _inherit = "liangze.document.series"

    kind = fields.Selection(
        selection_add=[("accountability_decision", "Accountability decisions")],
        ondelete={"accountability_decision": "cascade"},
    )

    def _kind_suffix(self):
        return "问" if self.kind == "accountability_decision" else super()._kind_suffix()
