# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from .liangze_duty_campaign import GRADES


class LiangzeDutyBallot(models.Model):
    """What one ballot said of one report: a grade or a score, and the evaluator
    group it counts for. Nothing of the voter: no user, no author, no time
    (``_log_access`` off), no chatter, no audit log. No access rights for any
    group: nobody reads ballots; the results are computed from them as superuser
    when the evaluation closes. Created by the casting alone, never changed."""

    _name = "liangze.duty.ballot"
    _description = "Duty Report Ballot"
    _inherit = ["liangze.record.guard"]
    _log_access = False

    _guard_state_field = None
    _guard_fixed_fields = frozenset({"campaign_id", "report_id", "group_id", "rating", "score"})

    campaign_id = fields.Many2one("liangze.duty.campaign", required=True, index=True, ondelete="cascade")
    report_id = fields.Many2one("liangze.duty.report", required=True, index=True, ondelete="cascade")
    group_id = fields.Many2one("liangze.duty.evaluator.group", required=True, ondelete="cascade")
    rating = fields.Selection(GRADES)
    score = fields.Float()

    @api.model_create_multi
    def create(self, vals_list):
        if not self._guard_trusted():
            raise UserError(self.env._("Ballots are cast on the evaluation screen or entered from paper only."))
        return super().create(vals_list)

    def write(self, vals):
        if not self._guard_trusted():
            raise UserError(self.env._("A ballot cast is never changed."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(self.env._("A ballot cast is never changed."))
