# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

SUFFIXES = {"inquiry_letter": "函", "case_filing": "立", "discipline_decision": "处"}


class LiangzeDocumentSeries(models.Model):
    """Inquiry letters (X纪函〔2026〕1号), filing decisions (立案决定书, X纪立) and sanction
    decisions (处分决定书, X纪处) are numbered by the discipline body like its letters."""

    _inherit = "liangze.document.series"

    kind = fields.Selection(
        selection_add=[
            ("inquiry_letter", "Inquiry letters"),
            ("case_filing", "Case filing decisions"),
            ("discipline_decision", "Sanction decisions"),
        ],
        ondelete={"inquiry_letter": "cascade", "case_filing": "cascade", "discipline_decision": "cascade"},
    )

    def _kind_suffix(self):
        return SUFFIXES.get(self.kind) or super()._kind_suffix()
