# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class LiangzeDocumentSeries(models.Model):
    """Replies to integrity-opinion requests are numbered like the body's letters (X税纪廉〔2026〕1号)."""

    _inherit = "liangze.document.series"

    kind = fields.Selection(
        selection_add=[("integrity_opinion", "Integrity opinion replies")],
        ondelete={"integrity_opinion": "cascade"},
    )

    def _kind_suffix(self):
        return "廉" if self.kind == "integrity_opinion" else super()._kind_suffix()
