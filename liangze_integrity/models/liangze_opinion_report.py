# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.tools import SQL

from .liangze_opinion import OPINIONS
from .liangze_opinion_reason import SOURCE_KINDS
from .liangze_opinion_request import PURPOSES


class LiangzeOpinionReport(models.Model):
    """Integrity opinion statistics: one row per person of a replied request. The
    batch counts on one row per request (sums count each batch once whatever the
    grouping), as do the days to reply (averaged per batch). A veto or a deferral
    is told by its first reason of the same kind: where it was found."""

    _name = "liangze.opinion.report"
    _description = "Integrity Opinion Statistics"
    _inherit = ["liangze.sql.report.mixin"]
    _auto = False
    _order = "replied_on desc"

    # Flushed before the view is read, so the figures include what this transaction wrote.
    _depends = {
        "liangze.opinion": ["request_id", "opinion"],
        "liangze.opinion.request": [
            "state",
            "replied_on",
            "company_id",
            "body_unit_id",
            "request_unit_id",
            "purpose",
            "reply_days",
        ],
        "liangze.opinion.reason": ["opinion_id", "kind", "source_kind"],
    }

    year = fields.Integer(readonly=True, aggregator=None)
    replied_on = fields.Date(readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    body_unit_id = fields.Many2one("liangze.unit", string="Discipline Body", readonly=True)
    request_unit_id = fields.Many2one("liangze.unit", string="Requesting Department", readonly=True)
    purpose = fields.Selection(PURPOSES, readonly=True)
    opinion = fields.Selection(OPINIONS, readonly=True)
    reason_kind = fields.Selection(SOURCE_KINDS, string="Reason Found In", readonly=True)
    batch_count = fields.Integer(string="Batches", readonly=True)
    person_count = fields.Integer(string="Persons", readonly=True)
    clear_count = fields.Integer(string="No Problem Found", readonly=True)
    defer_count = fields.Integer(string="Deferred", readonly=True)
    veto_count = fields.Integer(string="Vetoed", readonly=True)
    reply_days = fields.Float(string="Days to Reply", readonly=True, aggregator="avg")

    def _report_query(self):
        return SQL(
            """WITH lines AS (
                    SELECT o.id, o.request_id, o.opinion,
                           row_number() OVER (PARTITION BY o.request_id ORDER BY o.id) AS in_request
                      FROM liangze_opinion o
                      JOIN liangze_opinion_request r ON r.id = o.request_id
                     WHERE r.state = 'replied')
                SELECT l.id,
                       EXTRACT(YEAR FROM r.replied_on)::int AS year,
                       r.replied_on, r.company_id, r.body_unit_id, r.request_unit_id, r.purpose, l.opinion,
                       (SELECT s.source_kind FROM liangze_opinion_reason s
                         WHERE s.opinion_id = l.id AND s.kind = l.opinion ORDER BY s.id LIMIT 1) AS reason_kind,
                       (l.in_request = 1)::int AS batch_count,
                       1 AS person_count,
                       (l.opinion = 'clear')::int AS clear_count,
                       (l.opinion = 'defer')::int AS defer_count,
                       (l.opinion = 'veto')::int AS veto_count,
                       CASE WHEN l.in_request = 1 THEN r.reply_days END AS reply_days
                  FROM lines l
                  JOIN liangze_opinion_request r ON r.id = l.request_id"""
        )
