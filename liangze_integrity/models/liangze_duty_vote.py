# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class LiangzeDutyVote(models.Model):
    """That an evaluator voted on a report (or that a paper ballot was entered for
    it): who and which day, never what. What was voted is a ``liangze.duty.ballot``,
    which shares nothing with this row that could tie the two together.

    Read by the organisers (turnout) and by each evaluator for their own votes;
    written by the casting alone."""

    _name = "liangze.duty.vote"
    _description = "Duty Report Vote Cast"
    _inherit = ["liangze.record.guard"]
    _order = "campaign_id, report_id, id"

    _guard_state_field = None
    _guard_workflow_fields = frozenset({"paper", "voted_on"})
    _guard_fixed_fields = frozenset({"campaign_id", "report_id", "group_id", "evaluator_id"})

    campaign_id = fields.Many2one("liangze.duty.campaign", required=True, index=True, ondelete="cascade")
    company_id = fields.Many2one(related="campaign_id.company_id", store=True, index=True)
    report_id = fields.Many2one("liangze.duty.report", required=True, index=True, ondelete="cascade")
    cadre_id = fields.Many2one(related="report_id.cadre_id", string="Reporter")
    group_id = fields.Many2one(
        "liangze.duty.evaluator.group", string="Evaluator Group", required=True, ondelete="cascade"
    )
    evaluator_id = fields.Many2one("res.users", index=True, ondelete="restrict")
    paper = fields.Boolean(string="Paper Ballot", readonly=True)
    # A day, never a time: no timestamp to set beside anything else.
    voted_on = fields.Date(readonly=True, default=lambda self: self._bureau_today())

    _report_evaluator_uniq = models.Constraint("UNIQUE(report_id, evaluator_id)", "An evaluator rates a report once.")

    @api.model_create_multi
    def create(self, vals_list):
        if not self._guard_trusted():
            raise UserError(self.env._("Votes are recorded by casting a ballot only."))
        return super().create(vals_list)

    def write(self, vals):
        if not self._guard_trusted():
            raise UserError(self.env._("A vote cast is never changed."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(self.env._("A vote cast is never changed."))
