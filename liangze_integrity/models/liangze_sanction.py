# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.liangze_base.models.liangze_record_guard import FIRST_DATE
from odoo.addons.liangze_base.roles import SUPERVISION_HEAD, SUPERVISOR


class LiangzeSanction(models.Model):
    """A party or government sanction, an admonishment (诫勉) or an organisational
    measure in a cadre's integrity file, with its effect period (影响期) running
    from the decision's effective date. The period is the rule's (the type's,
    plus the probation of 留党察看; several government sanctions of the same kind
    together add up to the company's cap, 48 months by default); a shorter one
    needs a reason. Recorded by a discipline officer; revoked, never deleted."""

    _name = "liangze.sanction"
    _description = "Sanction"
    _inherit = ["liangze.record.guard", "liangze.logged.read.mixin", "liangze.confidential.thread"]
    # Reads logged, naming the cadre (liangze.logged.read.mixin).
    _confidential_cadre_field = "cadre_id"
    _order = "effective_date desc, id desc"
    _mail_post_access = "write"

    _guard_workflow_fields = frozenset({"state", "recorded_by_id", "recorded_on", "revoked_on", "revoke_reason"})
    _guard_fixed_fields = frozenset({"file_id"})
    # Decided and effective by today, within the product's window: not a date typed by mistake (1900).
    _guard_past_dates = frozenset({"decision_date", "effective_date"})
    _guard_past_dates_from = FIRST_DATE
    _guard_structural_fields = frozenset(
        {
            "type_id",
            "decision_date",
            "effective_date",
            "decision_number",
            "probation_months",
            "violation_count",
            "effect_months",
            "shorter_reason",
        }
    )

    file_id = fields.Many2one("liangze.integrity.file", required=True, index=True, ondelete="cascade")
    cadre_id = fields.Many2one(related="file_id.cadre_id", store=True, index=True)
    unit_id = fields.Many2one(related="file_id.unit_id", store=True, index=True)
    company_id = fields.Many2one(related="file_id.company_id", store=True, index=True)
    # Cascade only serves uninstall: a type in use is never deleted (liangze.sanction.type).
    type_id = fields.Many2one("liangze.sanction.type", string="Sanction", required=True, ondelete="cascade")
    category = fields.Selection(related="type_id.category", store=True)
    decided_by = fields.Char(help="The body that decided the sanction.")
    decision_number = fields.Char()
    decision_date = fields.Date(help="The day the decision was made.")
    effective_date = fields.Date(help="The effect period runs from this day; empty: the decision date.")
    facts = fields.Text(string="Facts and Grounds")
    probation_months = fields.Selection(
        [("12", "One year"), ("24", "Two years")],
        string="Probation",
        help="留党察看: the probation set by the decision; the effect period adds to it.",
    )
    violation_count = fields.Integer(
        string="Sanctions of This Kind Together",
        default=1,
        help="Several government sanctions of the same kind decided together: their periods add up, to the cap.",
    )
    rule_months = fields.Integer(string="Period by the Rules (months)", compute="_compute_rule_months", store=True)
    effect_months = fields.Integer(
        string="Effect Period (months)",
        compute="_compute_effect_months",
        store=True,
        readonly=False,
        help="Proposed by the rules; a shorter period needs its reason.",
    )
    shorter_reason = fields.Text(string="Reason for a Shorter Period")
    permanent = fields.Boolean(related="type_id.permanent", store=True)
    effect_until = fields.Date(string="Effect Period Ends", compute="_compute_effect_until", store=True, index=True)
    decision_attachment = fields.Binary(string="Decision Document", attachment=True)
    decision_attachment_name = fields.Char()
    state = fields.Selection(
        [("draft", "Draft"), ("recorded", "Recorded"), ("revoked", "Revoked")],
        default="draft",
        required=True,
        tracking=True,
        index=True,
    )
    recorded_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    recorded_on = fields.Date(readonly=True, copy=False)
    revoked_on = fields.Date(readonly=True, copy=False)
    revoke_reason = fields.Text(string="Why Revoked", readonly=True, copy=False)
    active = fields.Boolean(default=True)

    def _months_by_the_rules(self):
        """The rule's period: the type's, plus the probation of 留党察看; several
        government sanctions of the same kind together add up, to the company's cap."""
        self.ensure_one()
        kind = self.type_id
        if kind.permanent:
            return 0
        months = kind.effect_months + (int(self.probation_months or 0) if kind.probation else 0)
        if kind.category == "government" and self.violation_count > 1:
            cap = (self.file_id.company_id or self.env.company).liangze_government_sanction_cap_months
            months = min(months * self.violation_count, cap)
        return months

    @api.depends("type_id", "probation_months", "violation_count", "file_id")
    def _compute_rule_months(self):
        for sanction in self:
            sanction.rule_months = sanction._months_by_the_rules()

    @api.depends("type_id", "probation_months", "violation_count", "file_id")
    def _compute_effect_months(self):
        for sanction in self:
            sanction.effect_months = sanction._months_by_the_rules()

    @api.depends("effect_months", "effective_date", "decision_date", "permanent", "state")
    def _compute_effect_until(self):
        for sanction in self:
            start = sanction.effective_date or sanction.decision_date
            if sanction.state == "revoked" or sanction.permanent or not start or not sanction.effect_months:
                sanction.effect_until = False
            else:
                sanction.effect_until = start + relativedelta(months=sanction.effect_months)

    @api.constrains("effect_months", "shorter_reason", "rule_months", "violation_count", "probation_months", "type_id")
    def _check_period(self):
        for sanction in self:
            cap = sanction.company_id.liangze_government_sanction_cap_months
            if sanction.violation_count < 1:
                raise ValidationError(self.env._("At least one sanction of this kind."))
            if sanction.effect_months < 0 or sanction.effect_months > 120:
                raise ValidationError(self.env._("An effect period lies between 0 and 120 months."))
            if sanction.category == "government" and sanction.effect_months > cap:
                raise ValidationError(self.env._("Government sanctions together take at most %(cap)s months.", cap=cap))
            if sanction.effect_months < sanction.rule_months and not (sanction.shorter_reason or "").strip():
                raise ValidationError(
                    self.env._(
                        "The rules set %(months)s months for %(kind)s: give the reason for a shorter effect period.",
                        months=sanction.rule_months,
                        kind=sanction.type_id.name,
                    )
                )
            if sanction.type_id.probation and not sanction.probation_months:
                raise ValidationError(self.env._("Give the probation the decision sets: one or two years."))

    @api.constrains("decision_date", "effective_date")
    def _check_dates(self):
        for sanction in self:
            if not sanction.decision_date:
                raise ValidationError(self.env._("A sanction needs the date of its decision."))
            if sanction.effective_date and sanction.effective_date < sanction.decision_date:
                raise ValidationError(self.env._("A sanction takes effect on or after the day it was decided."))

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if not vals.get("decision_date"):
                raise ValidationError(self.env._("A sanction needs the date of its decision."))
        sanctions = super().create(vals_list)
        sanctions.file_id._touch()
        return sanctions

    def write(self, vals):
        if "decision_date" in vals and not vals["decision_date"]:
            raise ValidationError(self.env._("A sanction needs the date of its decision."))
        res = super().write(vals)
        self.file_id._touch()
        return res

    @api.depends("type_id", "cadre_id", "decision_number")
    def _compute_display_name(self):
        for sanction in self:
            parts = [sanction.cadre_id.name, sanction.type_id.name, sanction.decision_number]
            sanction.display_name = " ".join(filter(None, parts))

    def _check_officer(self, group=SUPERVISOR):
        self._liangze_check_role([group], self.env._("Only discipline officers record sanctions in integrity files."))

    def action_record(self):
        """Recorded in the file: from now on it counts for integrity opinions."""
        self._check_officer()
        for sanction in self:
            if sanction.state != "draft":
                raise UserError(self.env._("Only a draft sanction is recorded."))
        self._guard_sudo().write(
            {"state": "recorded", "recorded_by_id": self.env.uid, "recorded_on": self._bureau_today()}
        )
        return True

    def action_revoke(self, reason=None):
        """Revoked on appeal or review, by the head of the discipline body, with the reason."""
        self._check_officer(SUPERVISION_HEAD)
        reason = (reason or self.env.context.get("liangze_revoke_reason") or "").strip()
        if not reason:
            raise UserError(self.env._("Give the reason the sanction is revoked."))
        for sanction in self:
            if sanction.state != "recorded":
                raise UserError(self.env._("Only a recorded sanction is revoked."))
        self._guard_sudo().write({"state": "revoked", "revoked_on": self._bureau_today(), "revoke_reason": reason})
        return True

    def _runs_on(self, day):
        """Per record: the effect period runs on ``day`` (permanent ones always)."""
        self.ensure_one()
        start = self.effective_date or self.decision_date
        if self.state != "recorded" or not start or start > day:
            return False
        return self.permanent or bool(self.effect_until and self.effect_until >= day)
