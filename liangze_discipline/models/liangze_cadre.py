# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.exceptions import UserError


class LiangzeCadre(models.Model):
    """A cadre concerned by a letter, a clue or a decision stays on record."""

    _inherit = "liangze.cadre"

    @api.ondelete(at_uninstall=False)
    def _unlink_unless_concerned(self):
        for model in ("liangze.petition", "liangze.clue", "liangze.discipline.decision"):
            field = "cadre_id" if model == "liangze.discipline.decision" else "concerned_cadre_ids"
            if self.env[model].sudo().search_count([(field, "in", self.ids)], limit=1):
                raise UserError(
                    self.env._("A cadre concerned by discipline enforcement stays on record; archive them instead.")
                )
