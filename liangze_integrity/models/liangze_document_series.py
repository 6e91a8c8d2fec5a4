# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models

from odoo.addons.liangze_base.models.liangze_document_series import document_kinds


class LiangzeDocumentSeries(models.Model):
    """Replies to integrity-opinion requests are numbered like the body's letters (X税纪廉〔2026〕1号)."""

    _inherit = "liangze.document.series"

    kind = document_kinds(("integrity_opinion", "Integrity opinion replies"))

    def _kind_suffixes(self):
        return {**super()._kind_suffixes(), "integrity_opinion": "廉"}
