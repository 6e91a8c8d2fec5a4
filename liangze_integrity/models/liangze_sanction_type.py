# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

CATEGORIES = [
    ("party", "Party sanction"),
    ("government", "Government sanction"),
    ("admonishment", "Admonishment"),
    ("organisational", "Organisational handling"),
]
# The four forms of supervision and discipline (四种形态), for statistics.
FORMS = [("1", "First form"), ("2", "Second form"), ("3", "Third form"), ("4", "Fourth form")]


class LiangzeSanctionType(models.Model):
    """A kind of sanction and its effect period (影响期), shipped with the rules'
    defaults (中国共产党纪律处分条例 2023; 公职人员政务处分法), changed by the body."""

    _name = "liangze.sanction.type"
    _description = "Sanction Type"
    _inherit = ["liangze.record.guard"]
    _order = "category, sequence, id"

    _guard_state_field = None

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    category = fields.Selection(CATEGORIES, required=True)
    effect_months = fields.Integer(
        string="Effect Period (months)",
        help="Months from the decision's effective date during which the person is not promoted.",
    )
    probation = fields.Boolean(
        string="Probation Set by the Decision",
        help="留党察看: the decision sets one or two years of probation; the effect period adds to it.",
    )
    permanent = fields.Boolean(help="No end: 开除 (dismissal).")
    form = fields.Selection(FORMS, string="Form of Discipline", help="Which of the four forms it counts in.")
    active = fields.Boolean(default=True)

    @api.constrains("effect_months")
    def _check_effect_months(self):
        if any(not 0 <= kind.effect_months <= 120 for kind in self):
            raise ValidationError(self.env._("An effect period lies between 0 and 120 months."))

    @api.ondelete(at_uninstall=False)
    def _unlink_unless_used(self):
        if (
            self.env["liangze.sanction"]
            .sudo()
            .with_context(active_test=False)
            .search_count([("type_id", "in", self.ids)], limit=1)
        ):
            raise UserError(self.env._("A sanction type in use stays; archive it instead."))
