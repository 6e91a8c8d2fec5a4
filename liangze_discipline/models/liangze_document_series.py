# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models

from odoo.addons.liangze_base.models.liangze_document_series import document_kinds

SUFFIXES = {"inquiry_letter": "函", "case_filing": "立", "discipline_decision": "处"}


class LiangzeDocumentSeries(models.Model):
    """Inquiry letters (X纪函〔2026〕1号), filing decisions (立案决定书, X纪立) and sanction
    decisions (处分决定书, X纪处) are numbered by the discipline body like its letters."""

    _inherit = "liangze.document.series"

    kind = document_kinds(
        ("inquiry_letter", "Inquiry letters"),
        ("case_filing", "Case filing decisions"),
        ("discipline_decision", "Sanction decisions"),
    )

    def _kind_suffixes(self):
        return {**super()._kind_suffixes(), **SUFFIXES}
