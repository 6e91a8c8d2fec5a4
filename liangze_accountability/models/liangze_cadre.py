# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.exceptions import UserError


class LiangzeCadre(models.Model):
    """A cadre held to account stays on record; the published assessments of the unit
    they lead are their results, per year (the hook of the integrity file)."""

    _inherit = "liangze.cadre"

    @api.ondelete(at_uninstall=False)
    def _unlink_unless_held_to_account(self):
        if self.env["liangze.accountability.decision"].sudo().search_count([("cadre_id", "in", self.ids)], limit=1):
            raise UserError(self.env._("A cadre held to account stays on record; archive them instead."))

    def _assessment_results(self):
        """[{year, scheme, unit, score, rank, grade}] of the published assessments of the
        cadre's unit while the cadre leads it (principal leader, team member or
        discipline head): the "scores of its leaders" the integrity file records."""
        self.ensure_one()
        if self.leader_role == "staff":
            return []
        scores = (
            self.env["liangze.assessment.score"]
            .sudo()
            .search([("unit_id", "=", self.unit_id.id), ("scheme_id.state", "=", "closed")], order="year desc")
        )
        return [
            {
                "year": score.year,
                "scheme": score.scheme_id,
                "unit": score.unit_id,
                "score": score.score,
                "rank": score.rank,
                "grade": score.grade,
            }
            for score in scores
        ]

    @api.model
    def _on_assessment_results_published(self, scheme):
        """Called once the results of ``scheme`` are published, with the scores final.

        The integrity addon overrides it to write each unit's grade and its leaders'
        scores into their integrity files (see readme/DESCRIPTION.md); here the
        results stay on the scores of the scheme, per year, for ``_assessment_results``."""
        return True
