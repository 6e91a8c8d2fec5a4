# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class LiangzeTask(models.Model):
    _name = "liangze.task"
    _inherit = ["liangze.task", "liangze.traceback.source"]
