# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.liangze_base.roles import ASSESSOR


class LiangzeAssessmentDeduction(models.Model):
    """A deduction (扣分) or bonus of a unit: drawn by a rule from one source
    record of the product (one per rule and source, so scoring again changes
    nothing), or entered by an assessor with a reason."""

    _name = "liangze.assessment.deduction"
    _description = "Assessment Deduction"
    _inherit = ["liangze.record.guard", "mail.thread", "liangze.source.link.mixin"]
    _order = "date desc, id desc"
    _mail_post_access = "read"

    _guard_state_field = "state"
    _guard_initial_states = ("active",)
    _guard_workflow_fields = frozenset({"state", "manual", "appeal_ids"})
    _guard_provenance_fields = {"author_id": "user", "charged_on": "today"}
    _guard_fixed_fields = frozenset(
        {
            "scheme_id",
            "rule_id",
            "indicator_id",
            "unit_id",
            "points",
            "kind",
            "source_model",
            "source_id",
            "date",
            "reason",
            "evidence_ids",
        }
    )

    scheme_id = fields.Many2one("liangze.assessment.scheme", required=True, ondelete="cascade", index=True)
    # No index of its own: the (rule, source) unique constraint leads with it.
    rule_id = fields.Many2one("liangze.assessment.rule", ondelete="cascade")
    indicator_id = fields.Many2one(
        "liangze.assessment.indicator",
        ondelete="cascade",  # only serves uninstall: an indicator with entries is not deleted
        index="btree_not_null",
        domain="[('scheme_id', '=', scheme_id)]",
        help="The qualitative indicator or bonus item an assessor scores against.",
    )
    unit_id = fields.Many2one("liangze.unit", required=True, index=True, ondelete="cascade")
    kind = fields.Selection([("deduction", "Deduction"), ("bonus", "Bonus")], required=True, default="deduction")
    points = fields.Float(required=True)
    date = fields.Date(
        required=True, default=lambda self: self._bureau_today(), help="When what costs the points happened."
    )
    charged_on = fields.Date(
        required=True,
        default=lambda self: self._bureau_today(),
        readonly=True,
        help="The day the deduction was charged: appeals run from it.",
    )
    reason = fields.Text()
    evidence_ids = fields.Many2many("ir.attachment", help="What the assessor's entry rests on.")
    source_name = fields.Char(string="Source", compute="_compute_source_name")
    manual = fields.Boolean(readonly=True, help="Entered by an assessor, not drawn by a rule.")
    author_id = fields.Many2one("res.users", string="Entered By", readonly=True)
    state = fields.Selection(
        [("active", "Counted"), ("withdrawn", "Withdrawn")], default="active", required=True, tracking=True
    )

    _rule_source_uniq = models.Constraint(
        "UNIQUE(rule_id, source_model, source_id)", "This source already gave its deduction under this rule."
    )

    @api.depends("source_model", "source_id", "rule_id", "reason")
    def _compute_source_name(self):
        for deduction in self:
            source = deduction._source()
            deduction.source_name = source.sudo().display_name if source else (deduction.reason or "")

    @api.model_create_multi
    def create(self, vals_list):
        """By hand, an assessor enters a deduction or bonus with a reason, never for their own unit."""
        if not self._guard_trusted():
            if not self.env.user.has_group(ASSESSOR):
                raise AccessError(self.env._("Only assessors enter deductions and bonuses."))
            own = self.env.user.liangze_unit_ids
            for vals in vals_list:
                if vals.get("source_model") or vals.get("source_id"):
                    raise AccessError(self.env._("Deductions from records are drawn by the rules, not entered."))
                if not (vals.get("reason") or "").strip():
                    raise UserError(self.env._("Give the reason of the deduction or bonus."))
                if not self._guard_command_ids(vals.get("evidence_ids") or []):
                    raise UserError(self.env._("Attach the evidence of the deduction or bonus."))
                if vals.get("unit_id") in own.ids:
                    raise AccessError(self.env._("An assessor never scores their own unit."))
        records = super().create(vals_list)
        records._check_cap()
        if not self._guard_trusted():
            records._guard_sudo().write({"manual": True})
        return records

    @api.constrains("points")
    def _check_points(self):
        if any(not 0 < d.points <= 100 for d in self):
            raise ValidationError(self.env._("Points lie between 0 and 100."))

    @api.constrains("indicator_id", "kind", "scheme_id")
    def _check_indicator(self):
        for deduction in self.filtered("indicator_id"):
            indicator = deduction.indicator_id
            if indicator.scheme_id != deduction.scheme_id:
                raise ValidationError(self.env._("The indicator belongs to another scheme."))
            if (indicator.kind == "bonus") != (deduction.kind == "bonus"):
                raise ValidationError(
                    self.env._("Bonus items give bonuses; qualitative indicators lose points from their full marks.")
                )

    def _cap(self):
        """The most a unit loses (or gains) by the entry's rule or indicator."""
        self.ensure_one()
        if self.kind == "bonus":
            caps = [cap for cap in (self.indicator_id.points, self.scheme_id.bonus_cap) if cap]
            return min(caps) if caps else 0
        return self.indicator_id.points or self.rule_id.cap

    def _check_cap(self):
        """Entered by hand: a unit loses at most the rule's cap or the indicator's
        full marks, and gains at most the bonus item's and the scheme's caps
        (drawn deductions are capped when scoring)."""
        for deduction in self.filtered(lambda d: not d.source_model):
            cap = deduction._cap()
            if not cap:
                continue
            domain = [
                ("scheme_id", "=", deduction.scheme_id.id),
                ("unit_id", "=", deduction.unit_id.id),
                ("kind", "=", deduction.kind),
                ("state", "=", "active"),
            ]
            if deduction.kind == "deduction" or deduction.indicator_id.points == cap:
                domain += [("rule_id", "=", deduction.rule_id.id), ("indicator_id", "=", deduction.indicator_id.id)]
            total = sum(self.search(domain).mapped("points"))
            if total > cap:
                raise ValidationError(
                    self.env._(
                        "%(unit)s would lose or gain %(total)s points here, above the cap of %(cap)s.",
                        unit=deduction.unit_id.name,
                        total=total,
                        cap=cap,
                    )
                )

    appeal_ids = fields.One2many("liangze.assessment.appeal", "deduction_id", string="Appeals")

    def action_appeal(self):
        """The unit contests the deduction (申诉)."""
        self.ensure_one()
        return self.env["liangze.assessment.appeal"]._form_action(
            name=self.env._("Appeal the Deduction"), target="new", context={"default_deduction_id": self.id}
        )

    def _source_missing_message(self):
        return self.env._("This deduction was entered by hand: its reason is its source.")

    def _source_to_open(self, source):
        # A review opens on its task.
        return source.task_id if source._name == "liangze.task.review" else source
