# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class LiangzeDutyRating(models.TransientModel):
    """The evaluation screen of one report, phone-sized: the report, then one big
    button per grade (or a score). Casting removes this row at once, so the
    database keeps no line tying the evaluator to what they voted."""

    _name = "liangze.duty.rating"
    _description = "Rate a Duty and Integrity Report"

    report_id = fields.Many2one("liangze.duty.report", required=True, ondelete="cascade")
    # Read as the evaluator (not as superuser): only a report they may read shows.
    reporter_name = fields.Char(related="report_id.reporter_name", compute_sudo=False)
    post = fields.Char(related="report_id.post", compute_sudo=False)
    unit_id = fields.Many2one(related="report_id.unit_id", compute_sudo=False)
    body = fields.Html(related="report_id.body", string="Written Report", compute_sudo=False)
    scale = fields.Selection(related="report_id.campaign_id.scale")
    score = fields.Float(help="Out of 100.")

    def _cast(self, value):
        self.ensure_one()
        self.report_id.action_rate(value)
        self.unlink()
        return {"type": "ir.actions.act_window_close"}

    def action_good(self):
        return self._cast("good")

    def action_fairly_good(self):
        return self._cast("fairly_good")

    def action_average(self):
        return self._cast("average")

    def action_poor(self):
        return self._cast("poor")

    def action_score(self):
        return self._cast(self.score)
