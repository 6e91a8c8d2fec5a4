# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.liangze_base.roles import ASSESSOR

GRADES = [("good", "Good"), ("fairly_good", "Fairly good"), ("fair", "Fair"), ("poor", "Poor")]


class LiangzeAssessmentScheme(models.Model):
    """Assessment scheme (考核方案) of one year: the units assessed in peer
    groups, the deduction rules with their points and caps, the grade bands.
    Published at the start of the year, it scores every unit all year long:
    each deduction comes from a record of the product (a late task, a return,
    a reminder letter…) and opens it."""

    _name = "liangze.assessment.scheme"
    _description = "Assessment Scheme"
    _inherit = ["liangze.record.guard", "liangze.tier.validation", "tier.validation", "mail.thread"]
    _order = "year desc, name"

    _guard_workflow_fields = frozenset({"state", "scored_on", "results_date"})
    _guard_structural_fields = frozenset({"year", "company_id"})
    # Year end: the frozen results are approved in tiers (a leader by default), then published.
    _state_from = ["submitted"]
    _state_to = ["approved"]
    _cancel_state = "published"
    _tier_validation_manual_config = False

    name = fields.Char(required=True, tracking=True)
    year = fields.Integer(required=True, default=lambda self: self._bureau_today().year, tracking=True)
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company, index=True)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("published", "Scoring"),
            ("submitted", "Results Frozen"),
            ("approved", "Results Approved"),
            ("closed", "Results Published"),
        ],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    issuer_unit_id = fields.Many2one(
        "liangze.unit",
        string="Issued By",
        domain="[('unit_type', '=', 'party_committee')]",
        help="The party committee whose name heads the results notice.",
    )
    # A copy (next year's scheme) starts as a draft, never scored nor published.
    results_date = fields.Date(string="Results Published On", readonly=True, copy=False)
    base_score = fields.Float(default=100.0, help="Every unit starts the year with this score.")
    bonus_cap = fields.Float(default=5.0, help="Bonus points count up to this total.")
    threshold_good = fields.Float(string="Good From", default=90.0)
    threshold_fairly_good = fields.Float(string="Fairly Good From", default=80.0)
    threshold_fair = fields.Float(string="Fair From", default=60.0)
    grade_method = fields.Selection(
        [("thresholds", "By score thresholds"), ("quota", "By quota per peer group")],
        string="Grades",
        default="thresholds",
        required=True,
        help="By quota: at most the good share of each peer group (rounded down) is good, the next share fairly good, "
        "the rest fair; "
        "below the fair threshold a unit is poor either way.",
    )
    quota_good = fields.Float(string="Good Quota (%)", default=30.0)
    quota_fairly_good = fields.Float(string="Fairly Good Quota (%)", default=40.0)
    indicator_ids = fields.One2many(
        "liangze.assessment.indicator", "scheme_id", string="Qualitative Indicators and Bonus Items", copy=True
    )
    group_ids = fields.One2many("liangze.assessment.group", "scheme_id", string="Peer Groups", copy=True)
    rule_ids = fields.One2many("liangze.assessment.rule", "scheme_id", string="Deduction Rules", copy=True)
    score_ids = fields.One2many("liangze.assessment.score", "scheme_id", string="Scores")
    scored_on = fields.Datetime(readonly=True, copy=False)
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

    @api.constrains("quota_good", "quota_fairly_good")
    def _check_quotas(self):
        for scheme in self:
            if (
                min(scheme.quota_good, scheme.quota_fairly_good) < 0
                or scheme.quota_good + scheme.quota_fairly_good > 100
            ):
                raise ValidationError(self.env._("The grade quotas are shares of a peer group: 0 to 100% together."))

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
        self._liangze_check_role([ASSESSOR], self.env._("Only assessors publish and score assessment schemes."))

    def action_publish(self):
        self._check_assessor()
        for scheme in self:
            if scheme.state != "draft":
                raise UserError(self.env._("Only a draft scheme can be published."))
            if not scheme.group_ids.unit_ids or not scheme.rule_ids:
                raise UserError(self.env._("Give the scheme its peer groups and deduction rules before publishing."))
        self._guard_sudo().write({"state": "published"})
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
        self._guard_sudo().write({"scored_on": fields.Datetime.now()})

    @api.model
    def _cron_score(self):
        """Daily: score every published scheme, scheme by scheme under a savepoint: a
        scheme whose scoring fails keeps its last scores and is set aside in the job
        failures, the others are scored (rerunning changes nothing)."""
        jobs = self._bureau_context()
        return jobs.search([("state", "=", "published")])._bureau_each(
            "liangze.assessment.scheme score", lambda schemes: schemes._score()
        )

    def action_freeze(self):
        """Year end: the last scoring, then the results go to approval and change no more."""
        self._check_assessor()
        for scheme in self:
            if scheme.state != "published":
                raise UserError(self.env._("Only a scheme being scored can be frozen."))
        self._score()
        self._guard_sudo().write({"state": "submitted"})
        self._request_tier_approval(
            self.env._("No approval tier is configured for assessment results: an administrator sets them up.")
        )
        return True

    def _on_tiers_approved(self):
        self.message_post(body=self.env._("Results approved by every tier; ready to publish."))

    def action_reopen_scoring(self):
        """Back to scoring, after a rejection: the approvals start again."""
        self._check_assessor()
        if any(scheme.state not in ("submitted", "approved") for scheme in self):
            raise UserError(self.env._("Only frozen results go back to scoring."))
        self._guard_sudo().write({"state": "published"})
        return True

    def action_publish_results(self):
        """The final ranking and grades, published to the units."""
        self._check_assessor()
        if any(scheme.state != "approved" for scheme in self):
            raise UserError(self.env._("Only approved results can be published."))
        self._guard_sudo().write({"state": "closed", "results_date": self._bureau_today()})
        for scheme in self:
            self.env["liangze.cadre"].sudo()._on_assessment_results_published(scheme)
            heads = scheme.score_ids.unit_id.head_id.filtered(lambda u: not u.share)
            scheme.message_post(
                body=self.env._("The results of %(scheme)s are published.", scheme=scheme.name),
                partner_ids=heads.partner_id.ids,
            )
        return True

    def _results_title(self):
        return self.env._("Notice of the results of %(scheme)s", scheme=self.name)

    def _results_intro(self):
        return self.env._(
            "The assessment of %(year)s is concluded. Each unit started from %(base)s points; the deductions "
            "came from the records of the year and were open to appeal. The results, approved, are as follows.",
            year=self.year,
            base=self.base_score,
        )

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
