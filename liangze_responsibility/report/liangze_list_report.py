# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class ReportLiangzeList(models.AbstractModel):
    """Values of the responsibility list PDF: the sentences that need
    placeholders are built here, so they translate as whole sentences."""

    _name = "report.liangze_responsibility.report_liangze_list"
    _description = "Responsibility List Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        return {
            "doc_ids": docids,
            "doc_model": "liangze.list",
            "docs": self.env["liangze.list"].browse(docids),
            "heading": self._heading,
            "deadline_words": self._deadline_words,
            "months_words": self._months_words,
        }

    def _heading(self, rlist):
        # Lists are often named "2026年度…" already: do not repeat the year.
        if str(rlist.year) in rlist.name:
            return rlist.name
        return self.env._("%(year)s %(name)s", year=rlist.year, name=rlist.name)

    def _deadline_words(self, item):
        if item.deadline_rule == "after_end":
            return self.env._("Within %(days)s days after the period ends", days=item.deadline_days)
        return self.env._("By day %(day)s of the period's last month", day=item.deadline_day)

    def _months_words(self, item):
        months = ", ".join(str(m) for m in item._chosen_months())
        return self.env._("Months %(months)s", months=months)
