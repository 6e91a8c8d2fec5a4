# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, api, fields, models
from odoo.exceptions import UserError


class LiangzeDutyPaperBallot(models.TransientModel):
    """One paper ballot, entered by an organiser: the evaluator group it comes
    from and its rating of each reporter (a blank line is an abstention)."""

    _name = "liangze.duty.paper.ballot"
    _description = "Enter a Paper Ballot"

    campaign_id = fields.Many2one("liangze.duty.campaign", required=True, ondelete="cascade")
    scale = fields.Selection(related="campaign_id.scale")
    group_id = fields.Many2one(
        "liangze.duty.evaluator.group",
        string="Evaluator Group",
        required=True,
        ondelete="cascade",
        domain="[('campaign_id', '=', campaign_id)]",
    )
    line_ids = fields.One2many("liangze.duty.paper.ballot.line", "wizard_id", string="Ratings")

    @api.model
    def default_get(self, fields):
        values = super().default_get(fields)
        campaign = self.env["liangze.duty.campaign"].browse(values.get("campaign_id"))
        if "line_ids" in fields and campaign:
            values["line_ids"] = [Command.create({"report_id": report.id}) for report in campaign.report_ids]
        return values

    def action_enter(self):
        self.ensure_one()
        campaign = self.campaign_id
        campaign._check_organiser()
        campaign.sudo()._check_open()
        if self.group_id.campaign_id != campaign:
            raise UserError(self.env._("The evaluator group belongs to another campaign."))
        # A blank grade is an abstention; on the score scale every line is a score.
        lines = self.line_ids.filtered(lambda line: line.rating or campaign.scale == "score")
        if not lines:
            raise UserError(self.env._("Enter the ratings of the paper ballot."))
        if len(lines.report_id) != len(lines) or lines.report_id.campaign_id != campaign:
            raise UserError(self.env._("A paper ballot rates each reporter of the campaign once."))
        for line in lines:
            value = line.rating if campaign.scale == "grade" else line.score
            rating, score = campaign._check_value(value)
            line.report_id._cast(self.group_id.sudo(), rating, score)
        self.line_ids.unlink()
        self.unlink()
        return {"type": "ir.actions.act_window_close"}
