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
