# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import is_html_empty

from odoo.addons.liangze_base.roles import SUPERVISOR

from .liangze_supervision_document import THREAD_FIELDS

# Workdays before the due date from which an open problem shows yellow.
YELLOW_LEAD_WORKDAYS = 3
# What the addressed unit writes: how it rectifies, who does it, what it did.
UNIT_FIELDS = {"measure", "owner_user_id", "feedback", "evidence_attachment_ids"}
# What the discipline body found and demands; fixed once issued.
FINDING_FIELDS = {"rectification_id", "description", "recommendation", "sequence"}


class LiangzeRectificationProblem(models.Model):
    """One numbered problem to rectify, with the unit's measure, owner and
    feedback, and the discipline body's verification (销号)."""

    _name = "liangze.rectification.problem"
    _description = "Rectification Problem"
    _inherit = ["liangze.deadline.mixin", "liangze.record.guard", "mail.thread", "mail.activity.mixin"]
    _order = "rectification_id desc, sequence, id"
    _rec_name = "description"
    _mail_post_access = "read"

    _guard_initial_states = ("open",)
    _deadline_field = "due_date"
    _deadline_done_states = ("verified",)
    _deadline_done_date_field = "verified_date"
    _guard_workflow_fields = frozenset(
        {
            "state",
            "feedback_date",
            "verified_date",
            "verified_by_id",
            "failure_reason",
            "failed_count",
            "yellow_date",
            "on_time_percent",
        }
    )
    _guard_fixed_fields = frozenset({"rectification_id"})
    # What the discipline body found and demands, fixed once the letter is issued
    # (the due date may still be moved by the discipline body): see _guard_is_initial.
    _guard_structural_fields = frozenset(FINDING_FIELDS - {"rectification_id"})
    # Problems are added (and deleted) while the letter is a draft.
    _guard_parent_field = "rectification_id"
    _guard_parent_states = ("draft",)
    _guard_parent_locked_fields = frozenset()
    # The unit's part: the measure and owner until verified, the feedback while open
    # (it changes again only if verification fails).
    _guard_state_fields = {
        "measure": ("open", "feedback"),
        "owner_user_id": ("open", "feedback"),
        "feedback": ("open",),
        "evidence_attachment_ids": ("open",),
    }

    rectification_id = fields.Many2one("liangze.rectification", required=True, ondelete="cascade", index=True)
    sequence = fields.Integer(default=10)
    number = fields.Integer(string="No.", compute="_compute_number")
    source = fields.Selection(related="rectification_id.source", store=True)
    unit_id = fields.Many2one(related="rectification_id.unit_id", store=True, index=True)
    issuer_unit_id = fields.Many2one(related="rectification_id.issuer_unit_id", store=True)
    supervisor_id = fields.Many2one(related="rectification_id.author_id", string="Supervisor", store=True)
    company_id = fields.Many2one(related="rectification_id.company_id", store=True, index=True)
    description = fields.Text(string="Problem", required=True)
    recommendation = fields.Text(help="What the discipline body recommends to put it right.")
    measure = fields.Text(string="Rectification Measure")
    owner_user_id = fields.Many2one("res.users", string="Owner", domain="[('share', '=', False)]", tracking=True)
    due_date = fields.Date(required=True, tracking=True, index=True)
    yellow_date = fields.Date(string="Yellow Warning From", compute="_compute_yellow_date", store=True)
    feedback = fields.Html(string="Rectification Feedback")
    evidence_attachment_ids = fields.Many2many(
        "ir.attachment",
        "liangze_rectification_problem_attachment_rel",
        "problem_id",
        "attachment_id",
        string="Evidence",
    )
    feedback_date = fields.Date(string="Feedback On", readonly=True, copy=False)
    state = fields.Selection(
        [("open", "To Rectify"), ("feedback", "Feedback Submitted"), ("verified", "Verified")],
        default="open",
        required=True,
        tracking=True,
        index=True,
        copy=False,
    )
    verified_date = fields.Date(string="Verified On", readonly=True, copy=False)
    verified_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    failure_reason = fields.Text(
        string="Last Failed Verification", readonly=True, copy=False, help="Why the last feedback was not accepted."
    )
    failed_count = fields.Integer(string="Failed Verifications", readonly=True, copy=False)
    on_time_percent = fields.Float(
        string="Verified on Time (%)",
        compute="_compute_on_time_percent",
        store=True,
        aggregator="avg",
        help="100 for a problem verified by its due date, 0 otherwise: averaged, the share verified on time.",
    )

    def _guard_is_initial(self):
        """A problem's finding changes only while its letter is a draft."""
        return self.rectification_id.state == "draft"

    @api.depends("rectification_id.problem_ids.sequence")
    def _compute_number(self):
        """The problem's place in its letter. A compute assigns its own records only: the
        other problems of the letter may be ones the reader cannot write (a unit's user)."""
        order = {}
        for rectification in self.rectification_id.sudo():
            ranked = rectification.problem_ids.sorted(lambda p: (p.sequence, p.id))
            order.update({problem_id: index for index, problem_id in enumerate(ranked.ids, 1)})
        for problem in self:
            problem.number = order.get(problem.id, 0)

    @api.depends("due_date", "company_id")
    def _compute_yellow_date(self):
        for problem in self:
            if not problem.due_date:
                problem.yellow_date = False
                continue
            problem.yellow_date = self._yellow_from(problem.due_date, YELLOW_LEAD_WORKDAYS, problem.company_id)

    @api.depends("state", "verified_date", "due_date")
    def _compute_on_time_percent(self):
        for problem in self:
            on_time = problem.state == "verified" and problem.verified_date <= problem.due_date
            problem.on_time_percent = 100.0 if on_time else 0.0

    @api.constrains("due_date")
    def _check_due_date(self):
        for problem in self:
            issued = problem.rectification_id.issue_date
            if issued and problem.due_date < issued:
                raise ValidationError(problem._due_before_message(issued))

    def _due_before_message(self, day):
        return self.env._(
            "The due date of problem %(number)s (%(due)s) is before the issue date (%(issue)s).",
            number=self.number,
            due=self.due_date,
            issue=day,
        )

    def _check_due_after(self, day):
        for problem in self:
            if problem.due_date < day:
                raise UserError(problem._due_before_message(day))

    def write(self, vals):
        if not self._guard_trusted():
            self._check_unit_part(vals)
        return super().write(vals)

    def _check_unit_part(self, vals):
        """The access rights decide first; then the addressed unit writes its part only,
        the rest is the discipline body's."""
        self.check_access("write")
        if not self.env.user.has_group(SUPERVISOR) and set(vals) - UNIT_FIELDS - THREAD_FIELDS:
            self._guard_refuse(
                sorted(set(vals) - UNIT_FIELDS - THREAD_FIELDS)[0],
                self.env._("The addressed unit only fills in the rectification measure, the owner and the feedback."),
            )

    def action_open_form(self):
        self.check_access("read")  # a public method: for who reads the problem only
        return self._form_action()

    # -- workflow ---------------------------------------------------------------------
    def action_submit_feedback(self):
        """The unit reports what it did, with evidence, for verification."""
        self.rectification_id._check_addressed_user()
        for problem in self:
            if problem.rectification_id.state != "rectifying":
                raise UserError(self.env._("Submit the rectification plan before any feedback."))
            if problem.state != "open":
                raise UserError(self.env._("Problem %(number)s is not waiting for feedback.", number=problem.number))
            if not problem.feedback or is_html_empty(problem.feedback) or not problem.evidence_attachment_ids:
                raise UserError(
                    self.env._(
                        "Problem %(number)s needs the rectification feedback and at least one evidence attachment.",
                        number=problem.number,
                    )
                )
        self._guard_sudo().write({"state": "feedback", "feedback_date": self._bureau_today()})
        for problem in self:
            problem.message_post(
                body=self.env._("Rectification feedback submitted by %(user)s.", user=self.env.user.name),
                partner_ids=problem.supervisor_id.partner_id.ids,
            )
        return True

    def _check_can_verify(self):
        self.rectification_id._check_supervisor()
        for problem in self:
            if problem.state != "feedback":
                raise UserError(
                    self.env._(
                        "Problem %(number)s cannot be verified: the unit has not submitted its rectification feedback.",
                        number=problem.number,
                    )
                )

    def action_verify(self):
        """Verified (销号): the rectification closes once every problem is."""
        self._check_can_verify()
        self._guard_sudo().write(
            {"state": "verified", "verified_date": self._bureau_today(), "verified_by_id": self.env.uid}
        )
        for problem in self:
            problem.message_post(body=self.env._("Verified by %(user)s.", user=self.env.user.name))
        self.rectification_id._close_if_all_verified()
        return True

    def _fail_verification(self, reason):
        """The feedback does not show the problem put right: back to the unit, with the reason."""
        self._check_can_verify()
        if not (reason or "").strip():
            raise UserError(self.env._("Give the reason the verification failed."))
        for problem in self:
            problem._guard_sudo().write(
                {"state": "open", "failure_reason": reason, "failed_count": problem.failed_count + 1}
            )
            problem.message_post(
                body=self.env._("Verification failed: %(reason)s", reason=reason),
                partner_ids=(problem.owner_user_id | problem.unit_id.head_id).partner_id.ids,
            )
        return True

    def action_open_fail_wizard(self):
        self._check_can_verify()
        return self._liangze_wizard(
            "liangze.problem.verification.failure", self.env._("Verification Failed"), {"default_problem_ids": self.ids}
        )

    # -- warnings: the shared deadline mechanism says when, the problem says who ---------
    @api.model
    def _deadline_refresh_returns_ids(self):
        return True

    @api.model
    def _refresh_warning_levels(self):
        changed = super()._refresh_warning_levels()
        # The stored warning of each rectification follows its problems.
        letters = changed.rectification_id
        self.env.add_to_compute(letters._fields["warning_level"], letters)
        return changed

    @api.model
    def _deadline_reminder_domain(self):
        return [("rectification_id.state", "in", ("issued", "rectifying"))]

    def _deadline_reminder(self, level):
        """An activity for the problem's owner (or the unit head); a message to the
        unit head, and when overdue to the supervisor too."""
        head = self.unit_id.head_id
        red = level == "red"
        return {
            "activity_type": "mail.mail_activity_data_warning" if red else "mail.mail_activity_data_todo",
            "activity_user": self.owner_user_id or head,
            "summary": self.env._("Rectification overdue") if red else self.env._("Rectification due soon"),
            "template": "liangze_supervision.mail_template_liangze_problem_overdue"
            if red
            else "liangze_supervision.mail_template_liangze_problem_due_soon",
            "users": head | (self.supervisor_id if red else self.env["res.users"]),
        }
