# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.exceptions import UserError


class LiangzeUnit(models.Model):
    """A unit with cadres, accountability cases or summons talks stays on record
    (its references cascade only for uninstall)."""

    _inherit = "liangze.unit"

    @api.ondelete(at_uninstall=False)
    def _unlink_without_accountability(self):
        checks = (
            ("liangze.cadre", ["unit_id"]),
            ("liangze.accountability.case", ["unit_id", "body_unit_id"]),
            ("liangze.accountability.decision", ["unit_id"]),
            ("liangze.summons.talk", ["unit_id", "body_unit_id"]),
        )
        for model, names in checks:
            Model = self.env[model].sudo().with_context(active_test=False)
            domain = ["|"] * (len(names) - 1) + [(name, "in", self.ids) for name in names]
            if Model.search_count(domain, limit=1):
                raise UserError(
                    self.env._("A unit with cadres or accountability records cannot be deleted; archive it instead.")
                )
