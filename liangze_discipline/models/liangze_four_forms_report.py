# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.tools import SQL

from odoo.addons.liangze_integrity.models.liangze_sanction_type import FORMS

ORIGINS = [
    ("discipline_decision", "Discipline decision"),
    ("inquiry", "Talk or letter inquiry"),
    ("verification", "Preliminary verification"),
    ("accountability", "Accountability decision"),
    ("sanction", "Sanction recorded in the file"),
]


class LiangzeFourFormsReport(models.Model):
    """The four forms of supervision and discipline (四种形态), one row per person-time
    (人次): a discipline decision (its heaviest sanction; the fourth form when
    transferred to the judicial organs), a reminder talk or criticism concluding an
    inquiry or a verification (first form), an accountability decision on a person
    (诫勉 and 通报: first form; organisational adjustments: second), a sanction
    recorded in an integrity file by hand (its type's form). Counted in the year of
    the decision or the conclusion."""

    _name = "liangze.four.forms.report"
    _description = "Four Forms Statistics"
    _inherit = ["liangze.sql.report.mixin"]
    _auto = False
    _order = "day desc"

    _depends = {
        "liangze.discipline.decision": ["state", "form", "decision_date", "cadre_id", "case_id"],
        "liangze.discipline.case": ["company_id", "body_unit_id"],
        "liangze.talk.inquiry": ["outcome", "concluded_on", "clue_id"],
        "liangze.verification": ["outcome", "concluded_on", "clue_id"],
        "liangze.clue": ["company_id", "body_unit_id", "concerned_cadre_ids"],
        "liangze.accountability.decision": ["state", "decision_date", "cadre_id", "measure_ids", "target_type"],
        "liangze.sanction": ["state", "decision_date", "type_id", "cadre_id"],
    }

    day = fields.Date(string="Date", readonly=True)
    year = fields.Integer(readonly=True, aggregator=None)
    form = fields.Selection(FORMS, readonly=True)
    origin = fields.Selection(ORIGINS, readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    body_unit_id = fields.Many2one("liangze.unit", string="Discipline Body", readonly=True)
    person_count = fields.Integer(string="Person-times", readonly=True)

    def _report_query(self):
        return SQL(
            """SELECT row_number() OVER () AS id, rows.*, EXTRACT(YEAR FROM rows.day)::int AS year, 1 AS person_count
                  FROM (
                    SELECT d.decision_date AS day, d.form, 'discipline_decision' AS origin,
                           c.company_id, c.body_unit_id
                      FROM liangze_discipline_decision d
                      JOIN liangze_discipline_case c ON c.id = d.case_id
                     WHERE d.state IN ('issued', 'executed', 'done') AND d.form IS NOT NULL
                    UNION ALL
                    SELECT i.concluded_on, '1', 'inquiry', k.company_id, k.body_unit_id
                      FROM liangze_talk_inquiry i
                      JOIN liangze_clue k ON k.id = i.clue_id
                      JOIN liangze_cadre_liangze_clue_rel p ON p.liangze_clue_id = k.id
                     WHERE i.outcome = 'reminder' AND i.concluded_on IS NOT NULL
                    UNION ALL
                    SELECT v.concluded_on, '1', 'verification', k.company_id, k.body_unit_id
                      FROM liangze_verification v
                      JOIN liangze_clue k ON k.id = v.clue_id
                      JOIN liangze_cadre_liangze_clue_rel p ON p.liangze_clue_id = k.id
                     WHERE v.outcome = 'reminder_talk' AND v.concluded_on IS NOT NULL
                    UNION ALL
                    SELECT a.decision_date,
                           CASE WHEN bool_or(m.organisational) THEN '2' ELSE '1' END,
                           'accountability', a.company_id, a.body_unit_id
                      FROM liangze_accountability_decision a
                      JOIN liangze_accountability_decision_measure_rel r ON r.decision_id = a.id
                      JOIN liangze_accountability_measure m ON m.id = r.measure_id
                     WHERE a.state IN ('issued', 'done') AND a.cadre_id IS NOT NULL
                       AND m.id NOT IN (SELECT res_id FROM ir_model_data
                                         WHERE module = 'liangze_accountability'
                                           AND name = 'liangze_accountability_measure_sanction')
                     GROUP BY a.id
                    UNION ALL
                    SELECT s.decision_date, t.form, 'sanction', s.company_id, NULL
                      FROM liangze_sanction s
                      JOIN liangze_sanction_type t ON t.id = s.type_id
                     WHERE s.state = 'recorded' AND t.form IS NOT NULL
                       AND s.id NOT IN (SELECT sanction_id FROM liangze_discipline_decision_sanction_rel)
                ) rows"""
        )
