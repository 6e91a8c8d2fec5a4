# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

ASSESSOR = "liangze_accountability.group_liangze_assessor"
GRADES = [("good", "Good"), ("fairly_good", "Fairly good"), ("fair", "Fair"), ("poor", "Poor")]


class LiangzeAssessmentScheme(models.Model):
    """Assessment scheme (考核方案) of one year: the units assessed in peer
    groups, the deduction rules with their points and caps, the grade bands.
    Published at the start of the year, it scores every unit all year long:
    each deduction comes from a record of the product (a late task, a return,
    a reminder letter…) and opens it."""

    _name = "liangze.assessment.scheme"
    _description = "Assessment Scheme"
    _inherit = ["liangze.integrity.mixin", "mail.thread"]
    _order = "year desc, name"

    _integrity_workflow_fields = frozenset({"state", "scored_on"})
    _integrity_structural_fields = frozenset({"year", "company_id"})

    name = fields.Char(required=True, tracking=True)
    year = fields.Integer(required=True, default=lambda self: fields.Date.context_today(self).year, tracking=True)
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company, index=True)
    state = fields.Selection(
        [("draft", "Draft"), ("published", "Published")], default="draft", required=True, tracking=True
    )
    base_score = fields.Float(default=100.0, help="Every unit starts the year with this score.")
    bonus_cap = fields.Float(default=5.0, help="Bonus points count up to this total.")
    threshold_good = fields.Float(string="Good From", default=90.0)
    threshold_fairly_good = fields.Float(string="Fairly Good From", default=80.0)
    threshold_fair = fields.Float(string="Fair From", default=60.0)
    group_ids = fields.One2many("liangze.assessment.group", "scheme_id", string="Peer Groups", copy=True)
    rule_ids = fields.One2many("liangze.assessment.rule", "scheme_id", string="Deduction Rules", copy=True)
    score_ids = fields.One2many("liangze.assessment.score", "scheme_id", string="Scores")
    scored_on = fields.Datetime(readonly=True)
    appeal_workdays = fields.Integer(
        string="Appeal Within (workdays)", default=5, help="Workdays a unit has to appeal a deduction."
    )
    appeal_decision_workdays = fields.Integer(
        string="Decide Appeals Within (workdays)", default=10, help="Workdays the assessment office has to decide."
    )

    @api.constrains("threshold_good", "threshold_fairly_good", "threshold_fair", "base_score", "bonus_cap")
    def _check_thresholds(self):
        for scheme in self:
            if not 0 <= scheme.threshold_fair <= scheme.threshold_fairly_good <= scheme.threshold_good:
                raise ValidationError(self.env._("The grade bands must rise from fair to fairly good to good."))
            if not 0 < scheme.base_score <= 1000 or not 0 <= scheme.bonus_cap <= scheme.base_score:
                raise ValidationError(self.env._("The base score lies between 0 and 1000, the bonus cap below it."))

    @api.constrains("appeal_workdays", "appeal_decision_workdays")
    def _check_appeal_workdays(self):
        for scheme in self:
            if not (1 <= scheme.appeal_workdays <= 60 and 1 <= scheme.appeal_decision_workdays <= 60):
                raise ValidationError(self.env._("Appeal periods lie between 1 and 60 workdays."))

    def _assessors(self):
        """The assessment office: assessors of the scheme's company."""
        self.ensure_one()
        group = self.env.ref(ASSESSOR)
        return group.sudo().user_ids.filtered(lambda u: not u.share and self.company_id in u.company_ids)

    @api.constrains("year")
    def _check_year(self):
        if any(not 2000 <= scheme.year <= 2100 for scheme in self):
            raise ValidationError(self.env._("The year must be between 2000 and 2100."))

    def _check_assessor(self):
        if not self.env.su and not self.env.user.has_group(ASSESSOR):
            raise AccessError(self.env._("Only assessors publish and score assessment schemes."))
        self.check_access("write")

    def action_publish(self):
        self._check_assessor()
        for scheme in self:
            if scheme.state != "draft":
                raise UserError(self.env._("Only a draft scheme can be published."))
            if not scheme.group_ids.unit_ids or not scheme.rule_ids:
                raise UserError(self.env._("Give the scheme its peer groups and deduction rules before publishing."))
        self._integrity_sudo().write({"state": "published"})
        self._score()
        return True

    def action_score(self):
        """Score now (the daily job does it too)."""
        self._check_assessor()
        self.filtered(lambda s: s.state == "published")._score()
        return True

    def _score(self):
        """Deductions from every rule, then the scores and ranks: set-based, so
        rerunning changes nothing and costs the same whatever the tasks."""
        for scheme in self:
            scheme.rule_ids._collect_deductions()
        self.env["liangze.assessment.score"]._rebuild(self)
        self._integrity_sudo().write({"scored_on": fields.Datetime.now()})

    @api.model
    def _cron_score(self):
        self.search([("state", "=", "published")])._score()

    def action_open_scores(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("liangze_accountability.liangze_assessment_score_action")
        action["domain"] = [("scheme_id", "=", self.id)]
        return action

    def _assessed_units(self):
        self.ensure_one()
        return self.group_ids.unit_ids

    def _grade_of(self, score):
        self.ensure_one()
        if score >= self.threshold_good:
            return "good"
        if score >= self.threshold_fairly_good:
            return "fairly_good"
        return "fair" if score >= self.threshold_fair else "poor"
