# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.tools import SQL

from .liangze_clue import SOURCES, WAYS


class LiangzeDisciplineReport(models.Model):
    """Clue statistics, one row per clue: its source, the way it was disposed of and
    the days from receipt to disposal (averaged), in the year it was received."""

    _name = "liangze.discipline.report"
    _description = "Problem Clue Statistics"
    _inherit = ["liangze.sql.report.mixin"]
    _auto = False
    _order = "received_on desc"

    _depends = {
        "liangze.clue": [
            "received_on",
            "source",
            "disposed_way",
            "disposed_on",
            "state",
            "company_id",
            "body_unit_id",
        ],
    }

    received_on = fields.Date(readonly=True)
    year = fields.Integer(readonly=True, aggregator=None)
    source = fields.Selection(SOURCES, readonly=True)
    disposed_way = fields.Selection(WAYS, string="Disposal", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    body_unit_id = fields.Many2one("liangze.unit", string="Discipline Body", readonly=True)
    clue_count = fields.Integer(string="Clues", readonly=True)
    disposed_count = fields.Integer(string="Disposed Of", readonly=True)
    disposal_days = fields.Float(string="Days to Disposal", readonly=True, aggregator="avg")

    def _report_query(self):
        return SQL(
            """SELECT k.id, k.received_on, EXTRACT(YEAR FROM k.received_on)::int AS year, k.source,
                       k.disposed_way, k.company_id, k.body_unit_id, 1 AS clue_count,
                       (k.disposed_on IS NOT NULL)::int AS disposed_count,
                       (k.disposed_on - k.received_on)::float AS disposal_days
                  FROM liangze_clue k"""
        )
