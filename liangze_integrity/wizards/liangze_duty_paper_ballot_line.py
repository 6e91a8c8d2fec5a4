# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from ..models.liangze_duty_campaign import GRADES


class LiangzeDutyPaperBallotLine(models.TransientModel):
    """The rating of one reporter on a paper ballot."""

    _name = "liangze.duty.paper.ballot.line"
    _description = "Paper Ballot Rating"

    wizard_id = fields.Many2one("liangze.duty.paper.ballot", required=True, ondelete="cascade")
    report_id = fields.Many2one("liangze.duty.report", string="Reporter", required=True, ondelete="cascade")
    rating = fields.Selection(GRADES)
    score = fields.Float()
