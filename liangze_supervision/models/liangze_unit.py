# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError


class LiangzeUnit(models.Model):
    """A unit with supervision documents is archived, never deleted; the cockpit
    shows the quality of supervision next to the task figures."""

    _inherit = "liangze.unit"

    @api.ondelete(at_uninstall=False)
    def _unlink_without_documents(self):
        for model in ("liangze.supervision.report", "liangze.rectification", "liangze.reminder.letter"):
            Document = self.env[model].sudo().with_context(active_test=False)
            if Document.search_count(["|", ("unit_id", "in", self.ids), ("issuer_unit_id", "in", self.ids)], limit=1):
                raise UserError(self.env._("A unit with supervision documents cannot be deleted; archive it instead."))

    # -- supervision quality on the cockpit (same period and roll-up as the task figures) --
    cockpit_turnaround_days = fields.Float(
        string="Review Turnaround (days)", compute="_compute_cockpit_supervision", digits=(16, 1)
    )
    cockpit_return_rate = fields.Float(string="Return Rate (%)", compute="_compute_cockpit_supervision", digits=(5, 1))
    cockpit_rectification_on_time_rate = fields.Float(
        string="Rectifications Verified on Time (%)", compute="_compute_cockpit_supervision", digits=(5, 1)
    )

    @api.depends_context("cockpit_date_from", "cockpit_date_to", "uid")
    def _compute_cockpit_supervision(self):
        figures = self._cockpit_supervision_figures()
        for unit in self:
            reviews, turnaround, returned, verified, on_time = figures.get(unit.id, (0, 0, 0, 0, 0))
            unit.cockpit_turnaround_days = turnaround / reviews if reviews else 0.0
            unit.cockpit_return_rate = returned / reviews if reviews else 0.0
            unit.cockpit_rectification_on_time_rate = on_time / verified if verified else 0.0

    def _cockpit_supervision_figures(self):
        """{unit id: (decisions, turnaround days, return percents, verified problems,
        on-time percents)}: sums over the subtree, for decisions and verifications
        made in the period that the user may read."""
        if not self.ids:
            return {}
        date_from, date_to = self._cockpit_period()
        per_unit = defaultdict(lambda: [0, 0.0, 0.0, 0, 0.0])
        Review = self.env["liangze.task.review"]
        if Review.has_access("read"):
            for unit, count, turnaround, returned in Review._read_group(
                [
                    ("owner_unit_id", "child_of", self.ids),
                    ("decision", "in", ("accepted", "returned")),
                    ("decided_date", ">=", date_from),
                    ("decided_date", "<=", f"{date_to} 23:59:59"),
                ],
                ["owner_unit_id"],
                ["__count", "turnaround_days:sum", "return_percent:sum"],
            ):
                per_unit[unit.id][0:3] = [count, turnaround, returned]
        Problem = self.env["liangze.rectification.problem"]
        if Problem.has_access("read"):
            for unit, count, on_time in Problem._read_group(
                [
                    ("unit_id", "child_of", self.ids),
                    ("state", "=", "verified"),
                    ("verified_date", ">=", date_from),
                    ("verified_date", "<=", date_to),
                ],
                ["unit_id"],
                ["__count", "on_time_percent:sum"],
            ):
                per_unit[unit.id][3:5] = [count, on_time]
        return self._roll_up(per_unit, 5)
