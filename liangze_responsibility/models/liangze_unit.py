# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class LiangzeUnit(models.Model):
    """The leaders' cockpit on the organisation chart: each unit's figures over its
    subtree for a period, and the drill-down to its sub-units and tasks."""

    _inherit = "liangze.unit"

    cockpit_task_count = fields.Integer(string="Tasks", compute="_compute_cockpit")
    cockpit_done_count = fields.Integer(string="Done", compute="_compute_cockpit")
    cockpit_done_rate = fields.Float(string="Completion Rate (%)", compute="_compute_cockpit", digits=(5, 1))
    cockpit_on_time_rate = fields.Float(string="On-time Rate (%)", compute="_compute_cockpit", digits=(5, 1))
    cockpit_yellow_count = fields.Integer(string="Yellow", compute="_compute_cockpit")
    cockpit_red_count = fields.Integer(string="Red", compute="_compute_cockpit")

    @api.depends_context("cockpit_date_from", "cockpit_date_to", "uid")
    def _compute_cockpit(self):
        figures = self._cockpit_figures()
        for unit in self:
            total, done, on_time, yellow, red = figures.get(unit.id, (0, 0, 0, 0, 0))
            unit.cockpit_task_count = total
            unit.cockpit_done_count = done
            unit.cockpit_done_rate = 100.0 * done / total if total else 0.0
            unit.cockpit_on_time_rate = 100.0 * on_time / done if done else 0.0
            unit.cockpit_yellow_count = yellow
            unit.cockpit_red_count = red

    def _cockpit_period(self):
        today = self._bureau_today()
        date_from = self.env.context.get("cockpit_date_from") or f"{today.year}-01-01"
        date_to = self.env.context.get("cockpit_date_to") or f"{today.year}-12-31"
        return date_from, date_to

    def _cockpit_figures(self):
        """{unit id: (tasks, done, done on time, yellow, red)} over each unit's
        whole subtree within the user's scope, for the tasks due in the months of
        the period. Read from the per-unit, per-month summary (a few rows per unit,
        whatever the number of tasks), then rolled up along parent_path."""
        if not self.ids:
            return {}
        date_from, date_to = self._cockpit_period()
        below = self.env["liangze.unit"].sudo().search([("id", "child_of", self.ids)])
        visible = below & self.env.user.liangze_scope_unit_ids
        per_unit = self.env["liangze.task.summary"]._figures(visible.ids, date_from, date_to)
        return self._roll_up(per_unit, 5)

    def _roll_up(self, per_unit, size):
        """{unit id: figures} summed over each of these units' subtrees: each unit's
        figures go to those of its ancestors (read off parent_path) that are asked
        for, so the cost follows the units, not units times roots."""
        units = self.env["liangze.unit"].sudo().browse(per_unit).with_context(active_test=False)
        result = {root_id: [0] * size for root_id in self.ids}
        for unit_id, path in zip(units.ids, units.mapped("parent_path"), strict=True):
            for ancestor in path.split("/")[:-1]:
                totals = result.get(int(ancestor))
                if totals is not None:
                    for index, value in enumerate(per_unit[unit_id]):
                        totals[index] += value
        return {root_id: tuple(totals) for root_id, totals in result.items()}

    @api.model
    def _cockpit_roots(self):
        """The top of the user's scope: units in scope whose parent is not."""
        scope = self.env.user.liangze_scope_unit_ids
        return scope.filtered(lambda u: u.parent_id not in scope)

    cockpit_root = fields.Boolean(
        string="Top of My Scope", compute="_compute_cockpit_root", search="_search_cockpit_root"
    )

    @api.depends_context("uid")
    def _compute_cockpit_root(self):
        roots = self._cockpit_roots()
        for unit in self:
            unit.cockpit_root = unit in roots

    def _search_cockpit_root(self, operator, value):
        if operator not in ("in", "not in"):
            return NotImplemented
        wanted = {bool(v) for v in value}
        if operator == "not in":
            wanted = {True, False} - wanted
        ids = self._cockpit_roots().ids
        if wanted == {True, False}:
            return [(1, "=", 1)]
        return [("id", "in" if True in wanted else "not in", ids)]

    def action_cockpit_children(self):
        """Drill down: the sub-units of this unit, same period."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("liangze_responsibility.liangze_unit_action_cockpit")
        action["domain"] = [("parent_id", "=", self.id)]
        # Same period: the one chosen above, not the action's default filter.
        context = {k: v for k, v in self.env.context.items() if not k.startswith("search_default_")}
        action["context"] = dict(context, create=False)
        action["display_name"] = self.complete_name
        return action

    def action_cockpit_tasks(self):
        """The tasks behind the figures: this subtree, the period, and the warning clicked."""
        self.ensure_one()
        date_from, date_to = self._cockpit_period()
        action = self.env["ir.actions.act_window"]._for_xml_id("liangze_responsibility.liangze_task_action")
        action["domain"] = [
            ("owner_unit_id", "child_of", self.id),
            ("deadline", ">=", date_from),
            ("deadline", "<=", date_to),
        ]
        level = self.env.context.get("cockpit_level")
        action["context"] = (
            {"search_default_filter_red": 1}
            if level == "red"
            else ({"search_default_filter_yellow": 1} if level == "yellow" else {})
        )
        action["display_name"] = self.complete_name
        return action

    def action_scorecard_trend(self):
        """Monthly trend of the subtree's tasks, by deadline month and warning level."""
        action = self.action_cockpit_tasks()
        action.update(
            view_mode="graph,pivot,list",
            views=[(False, "graph"), (False, "pivot"), (False, "list")],
            context={"graph_groupbys": ["deadline:month", "warning_level"], "graph_stacked": True},
        )
        return action
