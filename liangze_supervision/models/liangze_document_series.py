# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models

from odoo.addons.liangze_base.models.liangze_document_series import document_kinds

SUFFIXES = {
    "supervision_report": "报",
    "recommendation_letter": "建",
    "reminder_letter": "提",
    "assignment_letter": "任",
}


class LiangzeDocumentSeries(models.Model):
    """The supervision documents' kinds: reports, recommendation letters, reminder
    letters and assignment letters (X税纪报, X税纪建, X税纪提, X税纪任)."""

    _inherit = "liangze.document.series"

    kind = document_kinds(
        ("supervision_report", "Supervision reports"),
        ("recommendation_letter", "Recommendation letters"),
        ("reminder_letter", "Reminder letters"),
        ("assignment_letter", "Supervision assignment letters"),
    )

    def _kind_suffixes(self):
        return {**super()._kind_suffixes(), **SUFFIXES}
