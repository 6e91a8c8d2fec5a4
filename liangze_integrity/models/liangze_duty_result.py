# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError

from .liangze_duty_campaign import GRADES


class LiangzeDutyResult(models.Model):
    """The result of one reporter's evaluation, computed when the ballots close:
    the count of each grade, each group's average points, the weighted score
    (Σ group average × weight ÷ Σ weights of the groups that voted), the share
    of Poor, and the campaign's flags. Read by the organisers once closed, by the
    reporter and the leaders in scope once published; written into the
    reporter's integrity file on publication."""

    _name = "liangze.duty.result"
    _description = "Duty Report Result"
    _inherit = ["liangze.record.guard"]
    _order = "campaign_id desc, rank, id"
    _rec_name = "reporter_name"

    _guard_state_field = None
    _guard_fixed_fields = frozenset(
        {
            "campaign_id",
            "report_id",
            "cadre_id",
            "unit_id",
            "company_id",
            "ballot_count",
            "good_count",
            "fairly_good_count",
            "average_count",
            "poor_count",
            "group_scores",
            "weighted_score",
            "poor_share",
            "flagged",
            "flag_text",
            "rank",
            "summary",
        }
    )

    campaign_id = fields.Many2one("liangze.duty.campaign", required=True, index=True, ondelete="cascade")
    campaign_state = fields.Selection(related="campaign_id.state", string="Campaign State")
    year = fields.Integer(related="campaign_id.year", store=True)
    report_id = fields.Many2one("liangze.duty.report", required=True, index=True, ondelete="cascade")
    cadre_id = fields.Many2one("liangze.cadre", string="Reporter", required=True, index=True, ondelete="cascade")
    reporter_name = fields.Char(related="cadre_id.name", string="Reporter Name", store=True)
    post = fields.Char(related="cadre_id.post")
    unit_id = fields.Many2one("liangze.unit", required=True, index=True, ondelete="cascade")
    company_id = fields.Many2one("res.company", required=True, index=True)
    scale = fields.Selection(related="campaign_id.scale")
    ballot_count = fields.Integer(string="Ballots")
    good_count = fields.Integer(string="Good")
    fairly_good_count = fields.Integer(string="Fairly Good")
    average_count = fields.Integer(string="Average")
    poor_count = fields.Integer(string="Poor")
    group_scores = fields.Text(string="Average per Group")
    weighted_score = fields.Float(digits=(5, 2), aggregator="avg")
    poor_share = fields.Float(string="Share of Poor (%)", digits=(5, 2))
    flagged = fields.Boolean(help="Below the campaign's thresholds: its consequence applies.")
    flag_text = fields.Char(string="Consequence")
    rank = fields.Integer()
    summary = fields.Char(help="As the integrity file records it.")

    _report_uniq = models.Constraint("UNIQUE(report_id)", "A report has one result.")

    @api.model_create_multi
    def create(self, vals_list):
        if not self._guard_trusted():
            raise UserError(self.env._("Results are computed when the evaluation closes."))
        return super().create(vals_list)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(self.env._("The results of an evaluation stay on record."))

    @api.model
    def _compute_for(self, campaigns):
        """The results of every report of ``campaigns``, from their ballots (as superuser:
        nobody reads ballots), with one grouped query per campaign."""
        Ballot = self.env["liangze.duty.ballot"].sudo()
        labels = dict(self.env["liangze.duty.ballot"]._fields["rating"]._description_selection(self.env))
        results = self.browse()
        for campaign in campaigns.sudo():
            points = campaign._grade_points()
            # {report: {group: [ballots, points]}} and {report: {grade: count}}
            per_group = defaultdict(lambda: defaultdict(lambda: [0, 0.0]))
            grades = defaultdict(lambda: defaultdict(int))
            if campaign.scale == "grade":
                rows = Ballot._read_group(
                    [("campaign_id", "=", campaign.id)], ["report_id", "group_id", "rating"], ["__count"]
                )
                for report, group, rating, count in rows:
                    per_group[report][group][0] += count
                    per_group[report][group][1] += points.get(rating, 0.0) * count
                    grades[report][rating] += count
            else:
                rows = Ballot._read_group(
                    [("campaign_id", "=", campaign.id)], ["report_id", "group_id"], ["__count", "score:sum"]
                )
                for report, group, count, total in rows:
                    per_group[report][group] = [count, total]
            vals_list = []
            for report in campaign.report_ids:
                groups = per_group[report]
                averages = {group: total / count for group, (count, total) in groups.items() if count}
                weights = sum(group.weight for group in averages)
                weighted = sum(avg * group.weight for group, avg in averages.items()) / weights if weights else 0.0
                ballots = sum(count for count, _total in groups.values())
                poor = grades[report]["poor"]
                share = 100.0 * poor / ballots if ballots else 0.0
                flagged = bool(ballots) and (
                    round(weighted, 2) < campaign.flag_score_below or round(share, 2) > campaign.flag_poor_share_above
                )
                if campaign.scale == "grade":
                    counts = "、".join(f"{labels[g]} {grades[report][g]}" for g, _label in GRADES)
                    summary = self.env._(
                        "%(counts)s; weighted score %(score)s", counts=counts, score=round(weighted, 2)
                    )
                else:
                    summary = self.env._(
                        "%(count)s ballots; weighted score %(score)s", count=ballots, score=round(weighted, 2)
                    )
                if flagged:
                    summary = f"{summary} — {campaign.flag_text}"
                vals_list.append(
                    {
                        "campaign_id": campaign.id,
                        "report_id": report.id,
                        "cadre_id": report.cadre_id.id,
                        "unit_id": report.unit_id.id,
                        "company_id": report.company_id.id,
                        "ballot_count": ballots,
                        "good_count": grades[report]["good"],
                        "fairly_good_count": grades[report]["fairly_good"],
                        "average_count": grades[report]["average"],
                        "poor_count": poor,
                        "group_scores": "\n".join(
                            f"{group.name}: {round(avg, 2)}"
                            for group, avg in sorted(averages.items(), key=lambda i: i[0].sequence)
                        ),
                        "weighted_score": round(weighted, 2),
                        "poor_share": round(share, 2),
                        "flagged": flagged,
                        "flag_text": campaign.flag_text if flagged else False,
                        "summary": summary,
                    }
                )
            # Ranked by weighted score; equal scores share a rank.
            ordered = sorted(vals_list, key=lambda v: -v["weighted_score"])
            for vals in ordered:
                vals["rank"] = 1 + sum(1 for other in ordered if other["weighted_score"] > vals["weighted_score"])
            results |= self._guard_sudo().create(vals_list)
        return results

    def _record_in_files(self):
        """Each result into its reporter's integrity file, section duty_report."""
        Entry = self.env["liangze.integrity.entry"]
        for result in self.sudo():
            campaign = result.campaign_id
            Entry._record(
                result.cadre_id,
                "duty_report",
                result,
                name=self.env._(
                    "%(year)s duty and integrity report: %(campaign)s", year=campaign.year, campaign=campaign.name
                ),
                year=campaign.year,
                entry_date=campaign.published_on or self._bureau_today(),
                result=result.summary,
                summary=result.flag_text or False,
            )

    def action_open_report(self):
        self.ensure_one()
        self.check_access("read")  # a public method: for who reads the result only
        return self.report_id._form_action()
