# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class LiangzeRectification(models.Model):
    _name = "liangze.rectification"
    _inherit = ["liangze.rectification", "liangze.traceback.source"]
