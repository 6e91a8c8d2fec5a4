# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.tools import SQL

from .liangze_accountability_case import SOURCE_KINDS
from .liangze_accountability_decision import RESPONSIBILITY_KINDS
from .liangze_accountability_measure import TARGET_TYPES


class LiangzeAccountabilityReport(models.Model):
    """Accountability statistics: one row per issued decision and measure. The
    counts of cases, persons, organisations and dual investigations sit on
    one row each (so sums count them once whatever the grouping); the days
    from proposal to decision on the case's row, averaged."""

    _name = "liangze.accountability.report"
    _description = "Accountability Statistics"
    _inherit = ["liangze.sql.report.mixin"]
    _auto = False
    _order = "decision_date desc"

    year = fields.Integer(readonly=True, aggregator=None)
    decision_date = fields.Date(readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    body_unit_id = fields.Many2one("liangze.unit", string="Discipline Body", readonly=True)
    case_id = fields.Many2one("liangze.accountability.case", readonly=True)
    decision_id = fields.Many2one("liangze.accountability.decision", readonly=True)
    unit_id = fields.Many2one("liangze.unit", readonly=True)
    cadre_id = fields.Many2one("liangze.cadre", string="Person", readonly=True)
    target_type = fields.Selection(TARGET_TYPES, string="Held to Account", readonly=True)
    responsibility_kind = fields.Selection(RESPONSIBILITY_KINDS, string="Responsibility", readonly=True)
    source_kind = fields.Selection(SOURCE_KINDS, string="Source", readonly=True)
    measure_id = fields.Many2one("liangze.accountability.measure", readonly=True)
    no_accountability = fields.Boolean(readonly=True)
    case_count = fields.Integer(string="Cases", readonly=True)
    person_count = fields.Integer(string="Persons Held to Account", readonly=True)
    organisation_count = fields.Integer(string="Organisations Held to Account", readonly=True)
    dual_review_count = fields.Integer(string="Dual Investigations", readonly=True)
    days_to_decision = fields.Float(string="Days from Proposal to Decision", readonly=True, aggregator="avg")

    def _report_query(self):
        return SQL(
            """WITH rows AS (
                    SELECT d.id AS decision_id, rel.measure_id, c.id AS case_id,
                           row_number() OVER (PARTITION BY d.id ORDER BY rel.measure_id) AS in_decision,
                           row_number() OVER (PARTITION BY c.id ORDER BY d.id, rel.measure_id) AS in_case
                      FROM liangze_accountability_decision d
                      JOIN liangze_accountability_case c ON c.id = d.case_id
                 LEFT JOIN liangze_accountability_decision_measure_rel rel ON rel.decision_id = d.id
                     WHERE d.state IN ('issued', 'done'))
                SELECT d.id * 1000 + r.in_decision AS id,
                       EXTRACT(YEAR FROM d.decision_date)::int AS year,
                       d.decision_date, c.company_id, c.body_unit_id, c.id AS case_id, d.id AS decision_id,
                       d.unit_id, d.cadre_id, d.target_type, d.responsibility_kind, c.source_kind,
                       r.measure_id, COALESCE(d.no_accountability, FALSE) AS no_accountability,
                       (r.in_case = 1)::int AS case_count,
                       (r.in_decision = 1 AND d.target_type = 'person'
                            AND NOT COALESCE(d.no_accountability, FALSE))::int AS person_count,
                       (r.in_decision = 1 AND d.target_type = 'organisation'
                            AND NOT COALESCE(d.no_accountability, FALSE))::int AS organisation_count,
                       CASE WHEN r.in_case = 1 THEN
                           (SELECT count(*) FROM liangze_dual_review v WHERE v.case_id = c.id) ELSE 0 END
                           AS dual_review_count,
                       CASE WHEN r.in_case = 1 THEN c.days_to_decision END AS days_to_decision
                  FROM rows r
                  JOIN liangze_accountability_decision d ON d.id = r.decision_id
                  JOIN liangze_accountability_case c ON c.id = r.case_id"""
        )
