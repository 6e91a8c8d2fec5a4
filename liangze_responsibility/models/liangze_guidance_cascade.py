# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.tools import SQL


class LiangzeGuidanceCascade(models.Model):
    """The cascade of a guidance list: one row per guidance item and each item
    adopting it at any level below (province → city → county → branch), with
    whether its list is published, and its tasks: how many, accepted, red."""

    _name = "liangze.guidance.cascade"
    _description = "Guidance Cascade"
    _inherit = ["liangze.sql.report.mixin"]
    _auto = False
    _order = "guidance_item_id, depth, company_id"

    guidance_item_id = fields.Many2one("liangze.list.item", readonly=True)
    guidance_list_id = fields.Many2one("liangze.list", readonly=True)
    guidance_company_id = fields.Many2one("res.company", readonly=True)
    item_id = fields.Many2one("liangze.list.item", string="Adopted As", readonly=True)
    owner_unit_ids = fields.Many2many(related="item_id.owner_unit_ids", string="Owned By")
    owner_user_ids = fields.Many2many(related="item_id.owner_user_ids", string="Owner Persons")
    list_id = fields.Many2one("liangze.list", string="Derived List", readonly=True)
    committee_id = fields.Many2one("liangze.unit", string="Party Committee", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    depth = fields.Integer(string="Levels Below", readonly=True, aggregator=None)
    adopted = fields.Boolean(string="Published", readonly=True)
    adopted_count = fields.Integer(string="Lists Published", readonly=True)
    task_count = fields.Integer(string="Tasks", readonly=True)
    done_count = fields.Integer(string="Accepted", readonly=True)
    red_count = fields.Integer(string="Red", readonly=True)
    done_rate = fields.Float(string="Completion (%)", readonly=True, aggregator="avg", digits=(5, 1))

    def _report_query(self):
        return SQL(
            """WITH tasks AS (
                    SELECT item_id, count(*) AS total,
                           count(*) FILTER (WHERE state = 'accepted') AS done,
                           count(*) FILTER (WHERE warning_level = 'red') AS red
                      FROM liangze_task WHERE active GROUP BY item_id)
                SELECT (g.id::bigint << 32) + d.id AS id, g.id AS guidance_item_id, g.list_id AS guidance_list_id,
                       gl.company_id AS guidance_company_id, d.id AS item_id, d.list_id, dl.committee_id,
                       dl.company_id,
                       array_length(string_to_array(trim(trailing '/' from d.parent_path), '/'), 1)
                         - array_length(string_to_array(trim(trailing '/' from g.parent_path), '/'), 1) AS depth,
                       dl.state IN ('published', 'closed') AS adopted,
                       (dl.state IN ('published', 'closed'))::int AS adopted_count,
                       COALESCE(t.total, 0) AS task_count, COALESCE(t.done, 0) AS done_count,
                       COALESCE(t.red, 0) AS red_count,
                       CASE WHEN t.total > 0 THEN 100.0 * t.done / t.total ELSE 0 END AS done_rate
                  FROM liangze_list_item g
                  JOIN liangze_list gl ON gl.id = g.list_id
                  JOIN liangze_list_item d ON d.parent_path LIKE g.parent_path || '%%' AND d.id != g.id
                  JOIN liangze_list dl ON dl.id = d.list_id
             LEFT JOIN tasks t ON t.item_id = d.id
                 WHERE d.active AND dl.active"""
        )

    def action_open_tasks(self):
        """The tasks behind the row."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("liangze_responsibility.liangze_task_action")
        action["domain"] = [("item_id", "=", self.item_id.id)]
        action["context"] = {"create": False}
        return action
