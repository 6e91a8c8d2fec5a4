# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResUsers(models.Model):
    """Recusal: the files a user never reads, whatever their role (record rules read it)."""

    _inherit = "res.users"

    liangze_recused_cadre_ids = fields.Many2many(
        "liangze.cadre",
        string="Recused Cadres",
        compute="_compute_liangze_recused_cadre_ids",
        compute_sudo=True,
        help="The user's own cadre and their declared close relatives (declared by either side).",
    )

    def _compute_liangze_recused_cadre_ids(self):
        Cadre = self.env["liangze.cadre"].sudo().with_context(active_test=False)
        for user in self:
            user.liangze_recused_cadre_ids = Cadre.search([("user_id", "=", user.id)])._recused_for()
