# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class LiangzeTracebackSource(models.AbstractModel):
    """A problem the discipline body can trace back to who signed for it (签字背书倒查)."""

    _name = "liangze.traceback.source"
    _description = "Trace-back Source"

    def action_trace_back(self):
        self.ensure_one()
        return self.env["liangze.traceback"].action_open(self)

    def action_open_accountability_cases(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "liangze_accountability.liangze_accountability_case_action"
        )
        action["domain"] = [("source_model", "=", self._name), ("source_id", "=", self.id)]
        return action
