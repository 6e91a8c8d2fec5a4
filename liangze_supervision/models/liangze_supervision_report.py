# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import is_html_empty

# The report's content, written by the discipline body while it is a draft.
CONTENT_FIELDS = {
    "name",
    "unit_id",
    "issuer_unit_id",
    "date_from",
    "date_to",
    "task_ids",
    "implementation",
    "problems_risks",
    "opinion",
    "evaluation",
}


class LiangzeSupervisionReport(models.Model):
    """Supervision report (监督报告) on a unit for a period: how the principal
    responsibility was carried out, problems and risks, the discipline body's
    opinion and evaluation. Approved in tiers (supervision head, then the
    leader; configurable), then published to the unit, which cannot read it before."""

    _name = "liangze.supervision.report"
    _description = "Supervision Report"
    _inherit = [
        "liangze.supervision.document",
        "liangze.tier.validation",
        "tier.validation",
        "mail.thread",
        "mail.activity.mixin",
    ]
    # The unit and the leaders only read, but comment and ask in the chatter.
    _mail_post_access = "read"
    _document_kind = "supervision_report"
    _order = "id desc"

    # The content is written while the report is a draft (its first state).
    _guard_structural_fields = frozenset(CONTENT_FIELDS | {"company_id"})

    _state_from = ["submitted"]
    _state_to = ["approved"]
    # Back to draft clears the approvals, so a revised report is approved afresh.
    _cancel_state = "draft"
    _tier_validation_manual_config = False

    name = fields.Char(string="Title", required=True, default=lambda self: self.env._("Supervision Report"))
    date_from = fields.Date(string="Period From")
    date_to = fields.Date(string="Period To")
    task_ids = fields.Many2many(
        "liangze.task",
        string="Tasks Reviewed",
        domain="[('owner_unit_id', 'child_of', unit_id)]",
    )
    task_count = fields.Integer(compute="_compute_task_count")
    implementation = fields.Html()
    problems_risks = fields.Html(string="Problems and Risks")
    opinion = fields.Html(string="Supervision Opinion")
    evaluation = fields.Selection(
        [("good", "Good"), ("fairly_good", "Fairly good"), ("fair", "Fair"), ("poor", "Poor")],
        tracking=True,
    )
    state = fields.Selection(
        [("draft", "Draft"), ("submitted", "Submitted"), ("approved", "Approved"), ("published", "Published")],
        default="draft",
        required=True,
        tracking=True,
        index=True,
        copy=False,
    )

    @api.constrains("date_from", "date_to")
    def _check_period(self):
        for report in self:
            if report.date_from and report.date_to and report.date_from > report.date_to:
                raise UserError(self.env._("The period of a supervision report must end after it starts."))

    @api.onchange("unit_id", "date_from", "date_to")
    def _onchange_propose_tasks(self):
        """Propose the tasks the report is about: the unit's (and its sub-units')
        tasks of periods inside the report's, which the supervisor may then trim."""
        if self.state == "draft" and self.unit_id and self.date_from and self.date_to:
            self.task_ids = self.env["liangze.task"].search(
                [
                    ("owner_unit_id", "child_of", self.unit_id.id),
                    ("period_start", ">=", self.date_from),
                    ("period_end", "<=", self.date_to),
                    ("state", "!=", "cancelled"),
                ]
            )

    def _compute_task_count(self):
        for report in self:
            report.task_count = len(report.task_ids)

    def write(self, vals):
        self._check_write_access(vals)
        # Whoever writes, even as superuser: no approval, no publication.
        if vals.get("state") == "published" and any(report.state != "approved" for report in self):
            raise UserError(self.env._("Only an approved supervision report can be published."))
        if vals.get("state") == "approved" and any(r.validation_status != "validated" for r in self):
            raise UserError(self.env._("The supervision report has not been approved by every tier yet."))
        return super().write(vals)

    # -- workflow -------------------------------------------------------------------
    def action_submit(self):
        """Submit for approval: the tiers configured for supervision reports review it in order."""
        self._check_supervisor()
        for report in self:
            if report.state != "draft":
                raise UserError(self.env._("Only a draft supervision report can be submitted."))
            missing = [
                report._fields[f]._description_string(self.env)
                for f in ("implementation", "opinion", "evaluation")
                if not report[f] or (f != "evaluation" and is_html_empty(report[f]))
            ]
            if missing:
                raise UserError(self.env._("Fill in before submitting: %(fields)s.", fields=", ".join(missing)))
        self._guard_sudo().write({"state": "submitted"})
        self._request_tier_approval(
            self.env._(
                "No approval tier is configured for supervision reports: "
                "an administrator sets them up under Configuration."
            )
        )
        return True

    def _on_tiers_approved(self):
        # Approved by every tier: ready to publish.
        self.message_post(
            body=self.env._("Approved by every tier; ready to publish."),
            partner_ids=self.author_id.partner_id.ids,
        )

    def action_draft(self):
        """Back to draft, to revise after a rejection; the approvals start again."""
        self._check_supervisor()
        if any(report.state not in ("submitted", "approved") for report in self):
            raise UserError(self.env._("Only a submitted or approved report goes back to draft."))
        self._guard_sudo().write({"state": "draft"})
        return True

    def action_publish(self):
        """Publish to the unit: numbered, readable by the unit's head and users, who are notified."""
        self._check_supervisor()
        if any(report.state != "approved" for report in self):
            raise UserError(self.env._("Only an approved supervision report can be published."))
        self._guard_sudo().write({"state": "published", "issue_date": self._bureau_today()})
        self._assign_document_number()
        for report in self:
            report._notify_by_template(
                "liangze_supervision.mail_template_liangze_supervision_report_published", report._recipients()
            )
        return True

    def action_open_tasks(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("liangze_responsibility.liangze_task_action")
        action["domain"] = [("id", "in", self.task_ids.ids)]
        return action
