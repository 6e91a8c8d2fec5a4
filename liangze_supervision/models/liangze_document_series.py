# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

KIND_SUFFIX = {
    "supervision_report": "报",
    "recommendation_letter": "建",
    "reminder_letter": "提",
    "assignment_letter": "任",
}


class LiangzeDocumentSeries(models.Model):
    """The supervision documents' kinds: reports, recommendation letters, reminder
    letters and assignment letters (X税纪报, X税纪建, X税纪提, X税纪任)."""

    _inherit = "liangze.document.series"

    kind = fields.Selection(
        selection_add=[
            ("supervision_report", "Supervision reports"),
            ("recommendation_letter", "Recommendation letters"),
            ("reminder_letter", "Reminder letters"),
            ("assignment_letter", "Supervision assignment letters"),
        ],
        ondelete={
            "supervision_report": "cascade",
            "recommendation_letter": "cascade",
            "reminder_letter": "cascade",
            "assignment_letter": "cascade",
        },
    )

    def _kind_suffix(self):
        return KIND_SUFFIX.get(self.kind) or super()._kind_suffix()
