# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models

from odoo.addons.liangze_base.models.liangze_document_series import document_kinds


class LiangzeDocumentSeries(models.Model):
    """Accountability decisions are numbered by the discipline body like its letters (X税纪问〔2026〕1号)."""

    _inherit = "liangze.document.series"

    kind = document_kinds(("accountability_decision", "Accountability decisions"))

    def _kind_suffixes(self):
        return {**super()._kind_suffixes(), "accountability_decision": "问"}
