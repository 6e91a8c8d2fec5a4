# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.liangze_base.models.liangze_record_guard import THREAD_FIELDS
from odoo.addons.liangze_base.roles import LEADER, SUPERVISOR

SCALES = [("grade", "Good / Fairly good / Average / Poor"), ("score", "Score out of 100")]
GRADES = [("good", "Good"), ("fairly_good", "Fairly good"), ("average", "Average"), ("poor", "Poor")]
# The rules of the evaluation: known to all when the ballots open, never changed after.
RULE_FIELDS = frozenset(
    {
        "scale",
        "points_good",
        "points_fairly_good",
        "points_average",
        "points_poor",
        "flag_score_below",
        "flag_poor_share_above",
        "flag_text",
    }
)


class LiangzeDutyCampaign(models.Model):
    """The yearly 述责述廉 of a body: its leaders (principal leaders, team members,
    discipline heads of the units in scope) write a report on how they carried
    their two responsibilities, drafted for them from the system; at the
    evaluation meeting groups of evaluators rate each of them, anonymously; the
    discipline body closes the ballots, computes and publishes the results,
    which go into the reporters' integrity files.

    Organised by the supervisors of the discipline body (``body_unit_id``)."""

    _name = "liangze.duty.campaign"
    _description = "Duty and Integrity Report Campaign"
    _inherit = ["liangze.record.guard", "liangze.body.owned.mixin", "mail.thread"]
    _order = "year desc, id desc"

    _guard_workflow_fields = frozenset({"state", "closed_on", "published_on"})
    _guard_structural_fields = frozenset(
        {"year", "company_id", "body_unit_id", "scope_unit_ids", "reporter_ids", "scale"}
    )
    # The rules and the reports' deadline: fixed once the evaluation opens.
    _guard_state_fields = dict.fromkeys(RULE_FIELDS | {"report_deadline"}, ("draft", "reporting"))

    name = fields.Char(required=True, tracking=True)
    year = fields.Integer(required=True, default=lambda self: self._bureau_today().year, tracking=True)
    company_id = fields.Many2one("res.company", required=True, index=True, default=lambda self: self.env.company)
    scope_unit_ids = fields.Many2many(
        "liangze.unit",
        "liangze_duty_campaign_scope_rel",
        "campaign_id",
        "unit_id",
        string="Units in Scope",
        default=lambda self: self.env.user._liangze_discipline_body()._supervision_roots(),
        help="These units and all their sub-units: their leaders report.",
    )
    reporter_ids = fields.Many2many(
        "liangze.cadre",
        "liangze_duty_campaign_reporter_rel",
        "campaign_id",
        "cadre_id",
        string="Reporters",
        groups=SUPERVISOR,
    )
    report_deadline = fields.Date(string="Written Reports Due", tracking=True)
    meeting_date = fields.Datetime(string="Evaluation Meeting", tracking=True)
    meeting_place = fields.Char(string="Place of the Meeting")
    scale = fields.Selection(SCALES, string="Rating Scale", required=True, default="grade")
    points_good = fields.Float(string="Points for Good", default=100.0)
    points_fairly_good = fields.Float(string="Points for Fairly Good", default=85.0)
    points_average = fields.Float(string="Points for Average", default=70.0)
    points_poor = fields.Float(string="Points for Poor", default=50.0)
    flag_score_below = fields.Float(string="Flag a Weighted Score Below", default=70.0)
    flag_poor_share_above = fields.Float(
        string="Flag a Share of Poor Above (%)", default=33.33, help="Of all ballots on the reporter."
    )
    flag_text = fields.Char(
        string="Consequence of a Flag",
        default=lambda self: self.env._("Reminder talk or admonishment; no excellent rating this year"),
    )
    group_ids = fields.One2many(
        "liangze.duty.evaluator.group", "campaign_id", string="Evaluator Groups", groups=SUPERVISOR
    )
    report_ids = fields.One2many("liangze.duty.report", "campaign_id", string="Reports")
    result_ids = fields.One2many("liangze.duty.result", "campaign_id", string="Results", groups=SUPERVISOR)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("reporting", "Reports Being Written"),
            ("evaluating", "Evaluation Open"),
            ("closed", "Evaluation Closed"),
            ("published", "Results Published"),
        ],
        default="draft",
        required=True,
        tracking=True,
        index=True,
        copy=False,
    )
    closed_on = fields.Date(readonly=True, copy=False)
    published_on = fields.Date(readonly=True, copy=False)
    report_count = fields.Integer(compute="_compute_report_figures")
    submitted_count = fields.Integer(string="Reports Submitted", compute="_compute_report_figures")
    weight_total = fields.Float(string="Total Weight (%)", compute="_compute_weight_total", groups=SUPERVISOR)
    vote_count = fields.Integer(string="Ballots Cast", compute="_compute_vote_count", groups=SUPERVISOR)

    @api.depends("report_ids.state")
    def _compute_report_figures(self):
        for campaign in self:
            reports = campaign.sudo().report_ids
            campaign.report_count = len(reports)
            campaign.submitted_count = len(reports.filtered(lambda r: r.state == "submitted"))

    @api.depends("group_ids.weight")
    def _compute_weight_total(self):
        for campaign in self:
            campaign.weight_total = sum(campaign.group_ids.mapped("weight"))

    def _compute_vote_count(self):
        counts = dict(
            self.env["liangze.duty.vote"]
            .sudo()
            ._read_group([("campaign_id", "in", self.ids)], ["campaign_id"], ["__count"])
        )
        for campaign in self:
            campaign.vote_count = counts.get(campaign, 0)

    @api.constrains("points_good", "points_fairly_good", "points_average", "points_poor", "flag_score_below")
    def _check_points(self):
        for campaign in self:
            points = [campaign.points_good, campaign.points_fairly_good, campaign.points_average, campaign.points_poor]
            if any(not 0 <= p <= 100 for p in points + [campaign.flag_score_below]):
                raise ValidationError(self.env._("Points and thresholds lie between 0 and 100."))
            if points != sorted(points, reverse=True):
                raise ValidationError(self.env._("A better grade never gives fewer points."))

    @api.constrains("flag_poor_share_above")
    def _check_poor_share(self):
        for campaign in self:
            if not 0 <= campaign.flag_poor_share_above <= 100:
                raise ValidationError(self.env._("The share of Poor is a percentage between 0 and 100."))

    @api.constrains("year")
    def _check_year(self):
        for campaign in self:
            if not 2000 <= campaign.year <= self._bureau_today().year + 1:
                raise ValidationError(self.env._("The year of a campaign lies between 2000 and next year."))

    # -- who organises -------------------------------------------------------------------
    def _check_organiser(self):
        """The supervisors of the discipline body organise its campaigns."""
        if self.env.su:
            return
        user = self.env.user
        if not user.has_group(SUPERVISOR) or self.body_unit_id - user.liangze_unit_ids:
            raise AccessError(self.env._("Only the supervisors of the discipline body organise this campaign."))
        self.check_access("write")

    @api.model_create_multi
    def create(self, vals_list):
        campaigns = super().create(vals_list)
        if not self._guard_trusted():
            campaigns._check_organiser()
        return campaigns

    def write(self, vals):
        if not self._guard_trusted() and set(vals) - THREAD_FIELDS:
            self._check_organiser()
        res = super().write(vals)
        if "report_deadline" in vals:
            self.report_ids._set_deadline(vals["report_deadline"])
        return res

    # -- reporters -------------------------------------------------------------------------
    def _scope_units(self):
        self.ensure_one()
        if not self.scope_unit_ids:
            return self.env["liangze.unit"]
        return self.env["liangze.unit"].sudo().search([("id", "child_of", self.scope_unit_ids.ids)])

    def action_fill_reporters(self):
        """The leaders of the units in scope: principal leaders, team members, discipline heads."""
        self._check_organiser()
        for campaign in self:
            if campaign.state != "draft":
                raise UserError(self.env._("The reporters are chosen while the campaign is a draft."))
            cadres = (
                self.env["liangze.cadre"]
                .sudo()
                .search([("unit_id", "in", campaign._scope_units().ids), ("leader_role", "!=", "staff")])
            )
            campaign._guard_sudo().write({"reporter_ids": [(4, cadre.id) for cadre in cadres]})
        return True

    # -- the procedure ---------------------------------------------------------------------
    def action_start_reporting(self):
        """Draft → reporting: one report per reporter, drafted from the system."""
        self._check_organiser()
        today = self._bureau_today()
        for campaign in self:
            if campaign.state != "draft":
                raise UserError(self.env._("The reports are requested once, from a draft campaign."))
            if not campaign.reporter_ids:
                raise UserError(self.env._("Choose the reporters first."))
            if not campaign.report_deadline or campaign.report_deadline < today:
                raise UserError(self.env._("Give the deadline of the written reports, today or later."))
        self._guard_sudo().write({"state": "reporting"})
        Report = self.env["liangze.duty.report"]
        for campaign in self:
            Report._open_for(campaign, campaign.sudo().reporter_ids)
        return True

    def action_open_evaluation(self):
        """Reporting → evaluating: the ballots open; the weights total 100."""
        self._check_organiser()
        for campaign in self:
            if campaign.state != "reporting":
                raise UserError(self.env._("The evaluation opens once the reports were requested."))
            groups = campaign.sudo().group_ids
            if not groups:
                raise UserError(self.env._("Set up the evaluator groups first."))
            if abs(sum(groups.mapped("weight")) - 100) > 0.01:
                raise UserError(self.env._("The weights of the evaluator groups total 100."))
            empty = groups.filtered(lambda g: not g.evaluator_ids and not g.paper_count)
            if empty:
                raise UserError(
                    self.env._(
                        "The evaluator group %(group)s has neither evaluators nor paper ballots.", group=empty[0].name
                    )
                )
        self._guard_sudo().write({"state": "evaluating"})
        for campaign in self:
            evaluators = campaign.sudo().group_ids.evaluator_ids
            campaign.message_post(
                body=self.env._("The evaluation is open: rate each reporter under My Evaluations."),
                partner_ids=evaluators.partner_id.ids,
                subtype_xmlid="mail.mt_comment",
            )
        return True

    def action_close(self):
        """Evaluating → closed: no more ballots, ever; the results are computed."""
        self._check_organiser()
        for campaign in self:
            if campaign.state != "evaluating":
                raise UserError(self.env._("Only an open evaluation is closed."))
        self._guard_sudo().write({"state": "closed", "closed_on": self._bureau_today()})
        self.env["liangze.duty.result"]._compute_for(self)
        return True

    def action_publish(self):
        """Closed → published: the reporters and the leaders in scope read the results;
        the results go into the integrity files."""
        self._check_organiser()
        for campaign in self:
            if campaign.state != "closed":
                raise UserError(self.env._("The results are published once the evaluation is closed."))
        self._guard_sudo().write({"state": "published", "published_on": self._bureau_today()})
        for campaign in self:
            results = campaign.sudo().result_ids
            results._record_in_files()
            for report in results.report_id:
                # The message says where to look, never the result itself: the report's
                # readers (unit, evaluators) are not all the result's.
                report.message_post_with_source(
                    "liangze_integrity.mail_template_liangze_duty_results_published",
                    partner_ids=report.cadre_id.user_id.partner_id.ids,
                    subtype_xmlid="mail.mt_comment",
                )
            leaders = campaign._scope_units().head_id.filtered(lambda u: u.has_group(LEADER))
            campaign.message_post(
                body=self.env._("The results of the evaluation are published."),
                partner_ids=leaders.partner_id.ids,
                subtype_xmlid="mail.mt_comment",
            )
        return True

    # -- screens and print -------------------------------------------------------------------
    def action_paper_ballot(self):
        self.ensure_one()
        self._check_organiser()
        return self._liangze_wizard(
            "liangze.duty.paper.ballot", self.env._("Enter a Paper Ballot"), {"default_campaign_id": self.id}
        )

    def action_open_reports(self):
        self.ensure_one()
        return self._liangze_list(
            "liangze.duty.report", self.env._("Reports"), [("campaign_id", "=", self.id)], {"create": False}
        )

    def action_open_results(self):
        self.ensure_one()
        return self._liangze_list(
            "liangze.duty.result", self.env._("Results"), [("campaign_id", "=", self.id)], {"create": False}
        )

    def _print_rows(self):
        """The results as the summary table prints them: the organisers' once closed,
        everybody's in scope once published; refused to anyone else."""
        self.ensure_one()
        if self.state not in ("closed", "published"):
            raise UserError(self.env._("The results are printed once the evaluation is closed."))
        results = self.env["liangze.duty.result"].search([("campaign_id", "=", self.id)], order="rank, id")
        if len(results) != len(self.sudo().result_ids):
            raise AccessError(self.env._("Only those who may read every result print the summary table."))
        return results

    def _grade_points(self):
        self.ensure_one()
        return {
            "good": self.points_good,
            "fairly_good": self.points_fairly_good,
            "average": self.points_average,
            "poor": self.points_poor,
        }

    def _check_open(self):
        """Ballots are cast while the evaluation is open, never after it closed."""
        self.ensure_one()
        if self.state in ("closed", "published"):
            raise UserError(self.env._("The evaluation is closed: no more ballots."))
        if self.state != "evaluating":
            raise UserError(self.env._("The evaluation is not open yet."))

    def _check_value(self, value):
        """(rating, score) of a ballot, refused when it is not on the campaign's scale."""
        self.ensure_one()
        if self.scale == "grade":
            if isinstance(value, str) and value in dict(GRADES):
                return value, 0.0
        elif isinstance(value, (int, float)) and not isinstance(value, bool) and 0 <= value <= 100:
            return False, float(value)
        raise UserError(self.env._("This rating is not on the campaign's scale."))

    def _group_of(self, user):
        """The evaluator group of ``user`` in this campaign (empty if none)."""
        self.ensure_one()
        return self.sudo().group_ids.filtered(lambda g: user in g.evaluator_ids)[:1]
