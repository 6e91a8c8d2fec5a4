# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.tools import SQL

from .liangze_assessment_scheme import GRADES


class LiangzeAssessmentScore(models.Model):
    """A unit's running score in a scheme: the base, less its deductions (each
    rule up to its cap), plus its bonuses (up to the scheme's cap); its rank in
    its peer group as of the last scoring, and its grade. Rebuilt in one
    statement per scheme."""

    _name = "liangze.assessment.score"
    _description = "Assessment Score"
    _inherit = ["liangze.record.guard"]
    _order = "scheme_id, group_id, rank, id"
    _rec_name = "unit_id"

    _guard_state_field = None
    _guard_fixed_fields = frozenset(
        {"scheme_id", "group_id", "unit_id", "deduction_points", "bonus_points", "score", "rank", "grade"}
    )

    scheme_id = fields.Many2one("liangze.assessment.scheme", required=True, ondelete="cascade", index=True)
    year = fields.Integer(related="scheme_id.year", store=True)
    group_id = fields.Many2one("liangze.assessment.group", string="Peer Group", ondelete="cascade", index=True)
    unit_id = fields.Many2one("liangze.unit", required=True, ondelete="cascade", index=True)
    deduction_points = fields.Float(string="Deducted")
    bonus_points = fields.Float(string="Bonus")
    score = fields.Float(aggregator="avg")
    rank = fields.Integer()
    grade = fields.Selection(GRADES)
    deduction_ids = fields.One2many(
        "liangze.assessment.deduction", compute="_compute_deduction_ids", string="Deductions and Bonuses"
    )

    def _compute_deduction_ids(self):
        Deduction = self.env["liangze.assessment.deduction"]
        for score in self:
            score.deduction_ids = Deduction.search(
                [("scheme_id", "=", score.scheme_id.id), ("unit_id", "=", score.unit_id.id)]
            )

    @api.model
    def _rebuild(self, schemes):
        self.env.flush_all()
        for scheme in schemes:
            self.env.cr.execute(SQL("DELETE FROM liangze_assessment_score WHERE scheme_id = %s", scheme.id))
            self.env.cr.execute(
                SQL(
                    """WITH assessed AS (
                           SELECT g.id AS group_id, rel.liangze_unit_id AS unit_id
                             FROM liangze_assessment_group g
                             JOIN liangze_assessment_group_liangze_unit_rel rel
                               ON rel.liangze_assessment_group_id = g.id
                            WHERE g.scheme_id = %(scheme)s),
                       per_rule AS (
                           SELECT d.unit_id, d.kind, SUM(d.points) AS points,
                                  COALESCE(MAX(i.points), MAX(r.cap)) AS cap
                             FROM liangze_assessment_deduction d
                        LEFT JOIN liangze_assessment_rule r ON r.id = d.rule_id
                        LEFT JOIN liangze_assessment_indicator i ON i.id = d.indicator_id
                            WHERE d.scheme_id = %(scheme)s AND d.state = 'active'
                         GROUP BY d.unit_id, d.kind, d.rule_id, d.indicator_id),
                       per_unit AS (
                           SELECT unit_id,
                                  SUM(CASE WHEN cap > 0 THEN LEAST(points, cap) ELSE points END)
                                      FILTER (WHERE kind = 'deduction') AS deducted,
                                  LEAST(COALESCE(SUM(CASE WHEN cap > 0 THEN LEAST(points, cap) ELSE points END)
                                      FILTER (WHERE kind = 'bonus'), 0), %(bonus_cap)s) AS bonus
                             FROM per_rule GROUP BY unit_id),
                       scored AS (
                           SELECT a.group_id, a.unit_id, COALESCE(p.deducted, 0) AS deducted,
                                  COALESCE(p.bonus, 0) AS bonus,
                                  %(base)s - COALESCE(p.deducted, 0) + COALESCE(p.bonus, 0) AS score
                             FROM assessed a LEFT JOIN per_unit p ON p.unit_id = a.unit_id),
                       ranked AS (
                           SELECT *, rank() OVER (PARTITION BY group_id ORDER BY score DESC) AS rank,
                                  count(*) OVER (PARTITION BY group_id) AS peers
                             FROM scored)
                   INSERT INTO liangze_assessment_score
                          (scheme_id, year, group_id, unit_id, deduction_points, bonus_points, score, rank, grade,
                           create_uid, write_uid, create_date, write_date)
                   SELECT %(scheme)s, %(year)s, group_id, unit_id, deducted, bonus, score, rank,
                          CASE WHEN %(quota)s THEN
                                   -- by quota: at most each share of the peer group, rounded down (ties share a grade),
                                   -- never better than fair below the fair threshold.
                                   CASE WHEN score < %(fair)s THEN 'poor'
                                        WHEN rank <= FLOOR(peers * %(quota_good)s / 100.0) THEN 'good'
                                        WHEN rank <= FLOOR(peers * (%(quota_good)s + %(quota_fairly_good)s) / 100.0)
                                            THEN 'fairly_good'
                                        ELSE 'fair' END
                               WHEN score >= %(good)s THEN 'good' WHEN score >= %(fairly_good)s THEN 'fairly_good'
                               WHEN score >= %(fair)s THEN 'fair' ELSE 'poor' END,
                          %(uid)s, %(uid)s, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
                     FROM ranked""",
                    scheme=scheme.id,
                    year=scheme.year,
                    base=scheme.base_score,
                    bonus_cap=scheme.bonus_cap,
                    good=scheme.threshold_good,
                    fairly_good=scheme.threshold_fairly_good,
                    fair=scheme.threshold_fair,
                    quota=scheme.grade_method == "quota",
                    quota_good=scheme.quota_good,
                    quota_fairly_good=scheme.quota_fairly_good,
                    uid=self.env.uid,
                )
            )
        self.invalidate_model()

    def action_open_deductions(self):
        self.ensure_one()
        self.check_access("read")  # a public method: for who reads the score only
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "liangze_accountability.liangze_assessment_deduction_action"
        )
        action["domain"] = [("scheme_id", "=", self.scheme_id.id), ("unit_id", "=", self.unit_id.id)]
        action["context"] = {"create": False}
        return action
