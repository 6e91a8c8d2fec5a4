# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.exceptions import UserError


class LiangzePoliticalRoundLine(models.Model):
    """One task's status in a follow-up round, and the problem found, if any."""

    _name = "liangze.political.round.line"
    _description = "Follow-up Round Line"
    _inherit = ["liangze.record.guard"]
    _order = "round_id, id"

    _guard_state_field = None
    _guard_fixed_fields = frozenset({"round_id", "task_id"})
    _guard_workflow_fields = frozenset({"problem_id"})
    # A recorded follow-up round does not change.
    _guard_parent_field = "round_id"
    _guard_parent_states = ("draft",)

    round_id = fields.Many2one("liangze.political.round", required=True, ondelete="cascade", index=True)
    task_id = fields.Many2one("liangze.political.task", required=True, ondelete="cascade")
    unit_id = fields.Many2one(related="task_id.unit_id")
    status = fields.Selection(
        [("on_track", "On track"), ("behind", "Behind"), ("done", "Done")], required=True, default="on_track"
    )
    progress = fields.Text()
    problem = fields.Text(string="Problem Found")
    problem_due = fields.Date(string="Rectify By")
    problem_id = fields.Many2one("liangze.rectification.problem", string="Handed Over As", readonly=True)
    problem_state = fields.Selection(related="problem_id.state", string="Rectification")

    def _hand_over(self):
        """Each problem as a rectification problem (问题交办单) of the task's unit, issued at once."""
        Rectification = self.env["liangze.rectification"]
        for line in self.filtered(lambda line: not line.problem_id):
            if not line.problem_due:
                raise UserError(
                    self.env._("Give the date by which %(unit)s rectifies the problem.", unit=line.unit_id.name)
                )
            ledger = line.round_id.ledger_id
            rectification = Rectification.create(
                {
                    "name": self.env._("Problem handed over: %(ledger)s", ledger=ledger.name),
                    "source": "political_supervision",
                    "external_body": ledger.body_unit_id.name,
                    "unit_id": line.unit_id.id,
                    "issuer_unit_id": ledger.body_unit_id.id,
                    "company_id": line.unit_id.company_id.id,
                    "problem_ids": [(0, 0, {"description": line.problem, "due_date": line.problem_due})],
                }
            )
            rectification.action_issue()
            line._guard_sudo().write({"problem_id": rectification.problem_ids.id})
