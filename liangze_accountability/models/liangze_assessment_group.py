# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class LiangzeAssessmentGroup(models.Model):
    """A peer group (同类单位) of a scheme: units ranked against each other,
    e.g. all county bureaus of a city, or all departments of one bureau."""

    _name = "liangze.assessment.group"
    _description = "Assessment Peer Group"
    _inherit = ["liangze.record.guard"]
    _order = "scheme_id, sequence, id"

    _guard_state_field = None
    _guard_fixed_fields = frozenset({"scheme_id"})

    scheme_id = fields.Many2one("liangze.assessment.scheme", required=True, ondelete="cascade", index=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(required=True)
    unit_ids = fields.Many2many("liangze.unit", string="Units Assessed")

    @api.constrains("unit_ids", "scheme_id")
    def _check_units(self):
        """Each unit is assessed once per scheme, and never together with a unit above it
        (its deductions would count twice)."""
        for scheme in self.scheme_id:
            units = scheme.group_ids.unit_ids
            if sum(len(group.unit_ids) for group in scheme.group_ids) != len(units):
                raise ValidationError(self.env._("A unit belongs to one peer group of a scheme only."))
            for unit in units:
                above = units.filtered(lambda u, x=unit: u != x and x.parent_path.startswith(u.parent_path))
                if above:
                    raise ValidationError(
                        self.env._(
                            "%(unit)s lies below %(above)s, also assessed: assess one of them.",
                            unit=unit.complete_name,
                            above=above[0].complete_name,
                        )
                    )
