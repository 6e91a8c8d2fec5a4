# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import is_html_empty

SOURCES = [
    ("recommendation_letter", "Recommendation letter"),
    ("inspection_tour", "Inspection tour"),
    ("audit", "Audit"),
    ("assigned", "Assigned by superior"),
    ("political_supervision", "Political supervision"),
]
# Set once issued: what the unit was told to rectify.
LETTER_FIELDS = {"name", "source", "unit_id", "issuer_unit_id", "background", "external_reference", "external_body"}


class LiangzeRectification(models.Model):
    """A rectification (整改): the problems a unit must put right, from a
    recommendation letter (监督建议书) the discipline body issues, or from an
    external finding (inspection tour, audit, assigned by a superior)
    registered by it. Either way the same chain follows: the unit's plan,
    feedback with evidence per problem, verification (销号) per problem,
    closure when every problem is verified."""

    _name = "liangze.rectification"
    _description = "Rectification"
    _inherit = ["liangze.supervision.document", "mail.thread", "mail.activity.mixin"]
    # The unit and the leaders only read, but comment and ask in the chatter.
    _mail_post_access = "read"
    _document_kind = "recommendation_letter"
    _order = "id desc"
    # The plan, and through the problems list their measure and owner (checked per problem).
    _unit_writable_fields = frozenset({"plan", "problem_ids"})

    _guard_workflow_fields = frozenset(
        {
            "state",
            "document_number",
            "issue_date",
            "plan_date",
            "closed_date",
            "warning_level",
            "problem_count",
            "verified_count",
        }
    )
    _guard_structural_fields = frozenset(LETTER_FIELDS | {"company_id"})
    # The unit's plan: written once the letter is issued, until it is submitted.
    _guard_state_fields = {"plan": ("issued",)}

    name = fields.Char(string="Title", required=True, tracking=True)
    source = fields.Selection(SOURCES, required=True, default="recommendation_letter", tracking=True, index=True)
    external_reference = fields.Char(
        string="Source Document No.", help="The number of the inspection, audit or superior's document."
    )
    external_body = fields.Char(string="Found By", help="The inspection team, audit office or superior.")
    background = fields.Html(help="What the supervision found, as the letter opens.")
    problem_ids = fields.One2many("liangze.rectification.problem", "rectification_id", string="Problems")
    problem_count = fields.Integer(compute="_compute_problem_figures", store=True)
    verified_count = fields.Integer(string="Verified", compute="_compute_problem_figures", store=True)
    warning_level = fields.Selection(
        [("normal", "Normal"), ("yellow", "Yellow warning"), ("red", "Red warning")],
        compute="_compute_problem_figures",
        store=True,
        help="The most urgent warning among the problems not verified yet.",
    )
    plan = fields.Html(string="Rectification Plan", help="Written by the addressed unit.")
    plan_date = fields.Date(string="Plan Submitted On", readonly=True, copy=False)
    closed_date = fields.Date(readonly=True, copy=False)
    state = fields.Selection(
        [("draft", "Draft"), ("issued", "Issued"), ("rectifying", "Rectifying"), ("closed", "Closed")],
        default="draft",
        required=True,
        tracking=True,
        index=True,
        copy=False,
    )

    @api.depends("problem_ids.state", "problem_ids.warning_level")
    def _compute_problem_figures(self):
        for rectification in self:
            problems = rectification.problem_ids
            rectification.problem_count = len(problems)
            rectification.verified_count = len(problems.filtered(lambda p: p.state == "verified"))
            levels = set(problems.filtered(lambda p: p.state != "verified").mapped("warning_level"))
            rectification.warning_level = "red" if "red" in levels else ("yellow" if "yellow" in levels else "normal")

    def write(self, vals):
        self._check_write_access(vals)
        if LETTER_FIELDS & vals.keys() and not self.env.su and any(r.state != "draft" for r in self):
            self._guard_refuse(
                sorted(LETTER_FIELDS & vals.keys())[0],
                self.env._("What was issued cannot be changed; only a draft can be edited."),
            )
        return super().write(vals)

    # -- workflow ---------------------------------------------------------------------
    def action_issue(self):
        """Issue the letter (or register the external finding) to the unit:
        numbered, mailed with its PDF, and open for the unit's plan."""
        self._check_supervisor()
        today = self._bureau_today()
        for rectification in self:
            if rectification.state != "draft":
                raise UserError(self.env._("Only a draft can be issued."))
            if not rectification.problem_ids:
                raise UserError(self.env._("List at least one problem before issuing."))
            rectification.problem_ids._check_due_after(today)
        self._guard_sudo().write({"state": "issued", "issue_date": today})
        letters = self.filtered(lambda r: r.source == "recommendation_letter")
        letters._assign_document_number()
        for rectification in self:
            rectification._notify_by_template(
                "liangze_supervision.mail_template_liangze_rectification_issued", rectification._recipients()
            )
            if rectification.unit_id.head_id:
                rectification.activity_schedule(
                    "mail.mail_activity_data_todo",
                    date_deadline=min(rectification.problem_ids.mapped("due_date")),
                    summary=self.env._("Submit the rectification plan"),
                    user_id=rectification.unit_id.head_id.id,
                )
        return True

    def action_submit_plan(self):
        """The unit submits its plan: every problem has a measure and an owner."""
        self._check_addressed_user()
        for rectification in self:
            if rectification.state != "issued":
                raise UserError(self.env._("The rectification plan was already submitted."))
            if not rectification.plan or is_html_empty(rectification.plan):
                raise UserError(self.env._("Write the rectification plan before submitting it."))
            incomplete = rectification.problem_ids.filtered(lambda p: not p.measure or not p.owner_user_id)
            if incomplete:
                raise UserError(
                    self.env._(
                        "Give every problem a rectification measure and an owner; missing for problem %(numbers)s.",
                        numbers=", ".join(str(p.number) for p in incomplete),
                    )
                )
        self._guard_sudo().write({"state": "rectifying", "plan_date": self._bureau_today()})
        for rectification in self:
            rectification.activity_feedback(["mail.mail_activity_data_todo"])
            rectification.message_post(
                body=self.env._("Rectification plan submitted by %(user)s.", user=self.env.user.name),
                partner_ids=rectification.author_id.partner_id.ids,
            )
        return True

    def _close_if_all_verified(self):
        for rectification in self.filtered(lambda r: r.state == "rectifying"):
            if all(p.state == "verified" for p in rectification.problem_ids):
                rectification._guard_sudo().write({"state": "closed", "closed_date": self._bureau_today()})
                rectification.message_post(
                    body=self.env._("Every problem is verified: the rectification is closed."),
                    partner_ids=rectification._recipients().partner_id.ids,
                )

    def action_open_problems(self):
        self.ensure_one()
        self.check_access("read")  # a public method: for who reads the rectification only
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "liangze_supervision.liangze_rectification_problem_action"
        )
        action["domain"] = [("rectification_id", "=", self.id)]
        action["context"] = {}
        return action
