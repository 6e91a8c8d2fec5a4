# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class LiangzeRectificationProblem(models.Model):
    _name = "liangze.rectification.problem"
    _inherit = ["liangze.rectification.problem", "liangze.traceback.source"]
