# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import is_html_empty

from odoo.addons.liangze_base.models.liangze_record_guard import THREAD_FIELDS, RecordGuardError

# Campaign states in which the reporter still writes and submits.
WRITING_STATES = ("reporting", "evaluating")
# Yellow warning of the written reports: this many workdays before the deadline.
YELLOW_LEAD = 3


class LiangzeDutyReport(models.Model):
    """The written duty and integrity report (述责述廉报告) of one reporter of a
    campaign: drafted from the system (the tasks they own or lead and how they
    were done, the supervision letters and problems of their unit and their
    rectification, the assessment, accountability, talks), edited and submitted
    by the reporter or their unit before the deadline (shared deadline
    mechanism: submitted late is done late). Evaluators rate it, once each,
    through ``action_rate``; who voted is kept, what they voted is not linked to them.

    Its chatter is the reporter's: nobody else follows it."""

    _name = "liangze.duty.report"
    _description = "Duty and Integrity Report"
    _inherit = [
        "liangze.duty.report.drafting.mixin",
        "liangze.deadline.mixin",
        "liangze.record.guard",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _order = "campaign_id desc, unit_id, cadre_id, id"
    _rec_name = "display_title"
    _rec_names_search = ["reporter_name", "campaign_id.name"]

    _guard_workflow_fields = frozenset(
        {
            "state",
            "submitted_on",
            "submitted_by_id",
            "deadline",
            "yellow_date",
        }
    )
    _guard_fixed_fields = frozenset({"campaign_id", "cadre_id", "unit_id", "company_id"})
    # The text is written while the report is, and the campaign takes reports.
    _guard_state_fields = {"body": ("draft",)}
    _guard_parent_field = "campaign_id"
    _guard_parent_states = WRITING_STATES
    _deadline_done_states = ("submitted",)
    _deadline_done_date_field = "submitted_on"
    _deadline_yellow_states = ("draft",)

    campaign_id = fields.Many2one("liangze.duty.campaign", required=True, index=True, ondelete="cascade")
    campaign_state = fields.Selection(related="campaign_id.state", string="Campaign State")
    year = fields.Integer(related="campaign_id.year", store=True)
    cadre_id = fields.Many2one("liangze.cadre", string="Reporter", required=True, index=True, ondelete="cascade")
    # Stored: searched and displayed by those who may not read the cadres.
    reporter_name = fields.Char(related="cadre_id.name", string="Reporter Name", store=True)
    post = fields.Char(related="cadre_id.post")
    leader_role = fields.Selection(related="cadre_id.leader_role")
    reporter_user_id = fields.Many2one(related="cadre_id.user_id", string="Reporter Login", store=True, index=True)
    unit_id = fields.Many2one("liangze.unit", required=True, index=True, ondelete="cascade")
    company_id = fields.Many2one("res.company", required=True, index=True)
    display_title = fields.Char(string="Report", compute="_compute_display_title")
    body = fields.Html(string="Written Report", sanitize_style=True)
    state = fields.Selection(
        [("draft", "Being Written"), ("submitted", "Submitted")],
        default="draft",
        required=True,
        tracking=True,
        index=True,
    )
    deadline = fields.Date(string="Due", readonly=True, copy=False)
    yellow_date = fields.Date(readonly=True, copy=False)
    submitted_on = fields.Date(readonly=True, copy=False)
    submitted_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    to_rate_by_me = fields.Boolean(
        string="To Rate by Me", compute="_compute_to_rate_by_me", search="_search_to_rate_by_me"
    )
    vote_count = fields.Integer(
        string="Ballots", compute="_compute_vote_count", groups="liangze_base.group_liangze_supervisor"
    )

    _campaign_cadre_uniq = models.Constraint(
        "UNIQUE(campaign_id, cadre_id)", "A reporter writes one report per campaign."
    )

    @api.depends("cadre_id", "year")
    def _compute_display_title(self):
        for report in self:
            report.display_title = f"{report.year} · {report.sudo().cadre_id.name or ''}"

    def _reports_to_rate(self, user):
        """The reports ``user`` still has to rate: of the campaigns open for evaluation
        where they are an evaluator, not their own, not rated yet."""
        groups = (
            self.env["liangze.duty.evaluator.group"]
            .sudo()
            .search([("evaluator_ids", "in", user.ids), ("campaign_id.state", "=", "evaluating")])
        )
        if not groups:
            return self.browse()
        campaigns = groups.campaign_id
        voted = (
            self.env["liangze.duty.vote"]
            .sudo()
            .search([("evaluator_id", "=", user.id), ("campaign_id", "in", campaigns.ids)])
            .report_id
        )
        reports = self.sudo().search([("campaign_id", "in", campaigns.ids), ("id", "not in", voted.ids)])
        return reports.filtered(lambda r: r.cadre_id.user_id != user).with_env(self.env)

    def _compute_to_rate_by_me(self):
        to_rate = self._reports_to_rate(self.env.user)
        for report in self:
            report.to_rate_by_me = report in to_rate

    def _search_to_rate_by_me(self, operator, value):
        if operator not in ("in", "not in"):
            return NotImplemented
        ids = self._reports_to_rate(self.env.user).ids
        positive = (operator == "in") == (True in value)
        return [("id", "in" if positive else "not in", ids)]

    def _compute_vote_count(self):
        counts = dict(
            self.env["liangze.duty.vote"]
            .sudo()
            ._read_group([("report_id", "in", self.ids)], ["report_id"], ["__count"])
        )
        for report in self:
            report.vote_count = counts.get(report, 0)

    # -- opened by the campaign ------------------------------------------------------------
    @api.model
    def _open_for(self, campaign, cadres):
        """One report per reporter, drafted, followed by the reporter alone, announced."""
        existing = self.sudo().search([("campaign_id", "=", campaign.id)]).cadre_id
        cadres -= existing
        company = campaign.company_id
        deadline = campaign.report_deadline
        reports = (
            self._guard_sudo()
            .with_context(mail_create_nosubscribe=True, tracking_disable=True)
            .create(
                [
                    {
                        "campaign_id": campaign.id,
                        "cadre_id": cadre.id,
                        "unit_id": cadre.unit_id.id,
                        "company_id": (cadre.company_id or company).id,
                    }
                    for cadre in cadres
                ]
            )
        )
        reports._guard_sudo().write(
            {"deadline": deadline, "yellow_date": self._yellow_from(deadline, YELLOW_LEAD, company)}
        )
        for report in reports:
            report._guard_sudo().write({"body": report._draft_body()})
            partners = report.cadre_id._notified_partners()
            report._message_subscribe(partner_ids=partners.ids)
            report.message_post_with_source(
                "liangze_integrity.mail_template_liangze_duty_report_requested",
                partner_ids=(partners | report._unit_heads().partner_id).ids,
                subtype_xmlid="mail.mt_comment",
            )
        return reports

    def _set_deadline(self, deadline):
        for report in self.filtered(lambda r: r.state == "draft"):
            report._guard_sudo().write(
                {"deadline": deadline, "yellow_date": self._yellow_from(deadline, YELLOW_LEAD, report.company_id)}
            )

    def _unit_heads(self):
        return self.sudo().unit_id.head_id.filtered(lambda u: not u.share)

    # -- the followers: the reporter alone --------------------------------------------------
    def _message_subscribe(self, partner_ids=None, subtype_ids=None, customer_ids=None):
        for report in self:
            allowed = report.sudo().cadre_id._notified_partners()
            kept = [pid for pid in partner_ids or [] if pid in allowed.ids]
            if kept:
                super(LiangzeDutyReport, report)._message_subscribe(kept, subtype_ids, customer_ids=customer_ids)
        return True

    # -- written and submitted ----------------------------------------------------------------
    def _check_author(self):
        """The reporter, or a member or the head of the reporter's unit, on their behalf."""
        if self.env.su:
            return
        user = self.env.user
        units = user.liangze_unit_ids | user.liangze_managed_unit_ids
        for report in self.sudo():
            if report.cadre_id.user_id != user and report.unit_id not in units:
                raise RecordGuardError(
                    self.env._("Only %(reporter)s or their unit writes this report.", reporter=report.cadre_id.name),
                    model=self._name,
                )
        self.check_access("write")

    def write(self, vals):
        if not self._guard_trusted() and set(vals) - THREAD_FIELDS:
            self._check_author()
            if set(vals) - {"body"} - THREAD_FIELDS:
                self._guard_refuse(
                    sorted(set(vals) - {"body"} - THREAD_FIELDS)[0],
                    self.env._("Only the text of a report is written by hand."),
                )
        return super().write(vals)

    def action_redraft(self):
        """Draft the text again from the system's current figures (the edits are lost)."""
        self._check_author()
        for report in self:
            if report.state != "draft" or report.campaign_id.state not in WRITING_STATES:
                raise UserError(self.env._("A submitted report is no longer edited."))
            report._guard_sudo().write({"body": report._draft_body()})
        return True

    def action_submit(self):
        self._check_author()
        for report in self:
            if report.state != "draft":
                raise UserError(self.env._("This report was already submitted."))
            if report.campaign_id.state not in WRITING_STATES:
                raise UserError(self.env._("The campaign no longer takes reports."))
            if is_html_empty(report.body):
                raise UserError(self.env._("Write the report before submitting it."))
        self._guard_sudo().write(
            {
                "state": "submitted",
                "submitted_on": self._bureau_today(),
                "submitted_by_id": self.env.uid,
            }
        )
        return True

    def action_reopen(self):
        """The organisers give a submitted report back to be corrected, while reports are written."""
        self.campaign_id._check_organiser()
        for report in self:
            if report.state != "submitted" or report.campaign_id.state != "reporting":
                raise UserError(self.env._("A submitted report is given back while the reports are being written."))
        self._guard_sudo().write({"state": "draft", "submitted_on": False, "submitted_by_id": False})
        return True

    # -- the deadline ---------------------------------------------------------------------------
    @api.model
    def _deadline_reminder_domain(self):
        return [("state", "=", "draft"), ("campaign_id.state", "in", WRITING_STATES)]

    def _deadline_reminder(self, level):
        """Due soon or overdue: the reporter gets the activity (else the unit head), both the message."""
        reporter = self.cadre_id.user_id.filtered(lambda u: not u.share)
        heads = self._unit_heads()
        return {
            "activity_type": "mail.mail_activity_data_todo",
            "activity_user": reporter or heads[:1],
            "summary": self.env._("Submit the duty and integrity report"),
            "template": "liangze_integrity.mail_template_liangze_duty_report_due",
            "users": reporter | heads,
        }

    # -- evaluation -------------------------------------------------------------------------------
    def action_open_rating(self):
        self.ensure_one()
        return self._liangze_wizard(
            "liangze.duty.rating",
            self.env._("Rate %(reporter)s", reporter=self.sudo().cadre_id.name),
            {"default_report_id": self.id},
        )

    def action_rate(self, value):
        """The current user's ballot on this report: a grade of the campaign's scale
        ("good", "fairly_good", "average", "poor") or a score out of 100. Once per
        evaluator and report, while the evaluation is open; anonymous."""
        self.ensure_one()
        campaign = self.sudo().campaign_id
        campaign._check_open()
        self.check_access("read")
        user = self.env.user
        group = campaign._group_of(user)
        if not group:
            raise AccessError(self.env._("You are not an evaluator of this campaign."))
        if self.sudo().cadre_id.user_id == user:
            raise UserError(self.env._("Nobody rates their own report."))
        rating, score = campaign._check_value(value)
        self._cast(group, rating, score, user)
        return True

    def _cast(self, group, rating, score, evaluator=None):
        """Record that ``evaluator`` (none: a paper ballot) voted, and, apart, what was
        voted: two rows sharing no voter, no time, no author. Trusted: the caller checked."""
        self.ensure_one()
        # One ballot at a time per report: the checks below hold until the commit.
        self.env.cr.execute("SELECT id FROM liangze_duty_report WHERE id = %s FOR UPDATE", [self.id])
        Vote = self.env["liangze.duty.vote"].sudo()
        if evaluator and Vote.search_count([("report_id", "=", self.id), ("evaluator_id", "=", evaluator.id)]):
            raise UserError(self.env._("You have already rated this report: a ballot is cast once and never changed."))
        cast = Vote.search_count([("report_id", "=", self.id), ("group_id", "=", group.id)])
        if cast >= len(group.evaluator_ids) + group.paper_count:
            raise UserError(
                self.env._(
                    "The group %(group)s has cast all its ballots on %(reporter)s.",
                    group=group.name,
                    reporter=self.sudo().cadre_id.name,
                )
            )
        Vote._guard_sudo().create(
            {
                "campaign_id": self.campaign_id.id,
                "report_id": self.id,
                "group_id": group.id,
                "evaluator_id": evaluator.id if evaluator else False,
                "paper": not evaluator,
            }
        )
        self.env["liangze.duty.ballot"]._guard_sudo().create(
            {
                "campaign_id": self.campaign_id.id,
                "report_id": self.id,
                "group_id": group.id,
                "rating": rating,
                "score": score,
            }
        )
