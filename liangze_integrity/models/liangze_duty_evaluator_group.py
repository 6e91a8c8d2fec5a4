# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.liangze_base.models.liangze_record_guard import THREAD_FIELDS


class LiangzeDutyEvaluatorGroup(models.Model):
    """A group of evaluators of a campaign (纪委委员, 班子成员, 党代表, 干部职工代表)
    and its weight in the weighted score: its members rate on screen, and paper
    ballots may add up to ``paper_count`` more per reporter. Fixed once the
    evaluation opens."""

    _name = "liangze.duty.evaluator.group"
    _description = "Duty Report Evaluator Group"
    _inherit = ["liangze.record.guard"]
    _order = "campaign_id, sequence, id"

    _guard_state_field = None
    _guard_fixed_fields = frozenset({"campaign_id"})
    _guard_structural_fields = frozenset({"name", "weight", "evaluator_ids", "paper_count"})

    campaign_id = fields.Many2one("liangze.duty.campaign", required=True, index=True, ondelete="cascade")
    company_id = fields.Many2one(related="campaign_id.company_id", store=True, index=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(required=True, help="e.g. 纪委委员, 班子成员, 党代表, 干部职工代表")
    weight = fields.Float(string="Weight (%)", required=True, default=0.0)
    evaluator_ids = fields.Many2many(
        "res.users",
        "liangze_duty_evaluator_group_user_rel",
        "group_id",
        "user_id",
        string="Evaluators",
        domain="[('share', '=', False)]",
        help="They rate each reporter once, on screen.",
    )
    paper_count = fields.Integer(
        string="Paper Ballots",
        help="Evaluators without a login: at most this many paper ballots per reporter, entered by the organisers.",
    )
    evaluator_count = fields.Integer(compute="_compute_evaluator_count")

    @api.depends("evaluator_ids", "paper_count")
    def _compute_evaluator_count(self):
        for group in self:
            group.evaluator_count = len(group.evaluator_ids) + group.paper_count

    @api.constrains("weight", "paper_count")
    def _check_figures(self):
        for group in self:
            if not 0 <= group.weight <= 100:
                raise ValidationError(self.env._("The weight of a group lies between 0 and 100."))
            if not 0 <= group.paper_count <= 10000:
                raise ValidationError(self.env._("The number of paper ballots lies between 0 and 10,000."))

    @api.constrains("evaluator_ids", "campaign_id")
    def _check_one_group_each(self):
        for campaign in self.campaign_id:
            seen = self.env["res.users"]
            for group in campaign.sudo().group_ids:
                twice = group.evaluator_ids & seen
                if twice:
                    raise ValidationError(
                        self.env._("%(user)s is in two evaluator groups of this campaign.", user=twice[0].name)
                    )
                seen |= group.evaluator_ids

    def _guard_is_initial(self):
        """The groups change until the ballots open."""
        return self.campaign_id.state in ("draft", "reporting")

    @api.model_create_multi
    def create(self, vals_list):
        groups = super().create(vals_list)
        if not self._guard_trusted():
            groups.campaign_id._check_organiser()
            if any(not g._guard_is_initial() for g in groups):
                raise UserError(self.env._("The evaluator groups are fixed once the evaluation opens."))
        return groups

    def write(self, vals):
        if not self._guard_trusted() and set(vals) - THREAD_FIELDS:
            self.campaign_id._check_organiser()
        return super().write(vals)
