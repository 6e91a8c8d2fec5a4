# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.liangze_base.roles import INTAKE, SUPERVISION_HEAD

KINDS = [("acceptance", "Whether accepted"), ("result", "Result")]
METHODS = [("letter", "In writing"), ("phone", "By phone"), ("in_person", "In person"), ("online", "Online")]
STATES = [("to_do", "To Do"), ("done", "Told"), ("void", "Not Needed")]
# Workdays before the deadline from which a notice shows yellow.
YELLOW_LEAD_WORKDAYS = 3


class LiangzePetitionNotice(models.Model):
    """What a named reporter is owed: being told whether the report is accepted
    (within 15 workdays of its receipt) and the result (within 15 workdays of its
    closing), on the body's workday calendar; yellow, then red, and the intake
    officers reminded once per threshold. Read by intake and the head only."""

    _name = "liangze.petition.notice"
    _description = "Notice to a Named Reporter"
    _inherit = [
        "liangze.deadline.mixin",
        "liangze.record.guard",
        "liangze.confidential.thread",
        "mail.activity.mixin",
    ]
    _order = "deadline, id"
    _mail_post_access = "write"

    _guard_initial_states = ("to_do",)
    _guard_workflow_fields = frozenset(
        {
            "state",
            "deadline",
            "yellow_date",
            "done_on",
            "done_by_id",
        }
    )
    _guard_fixed_fields = frozenset({"petition_id", "kind"})
    _guard_structural_fields = frozenset({"method", "note"})
    _deadline_field = "deadline"
    _deadline_done_states = ("done",)
    _deadline_done_date_field = "done_on"
    _deadline_void_states = ("void",)

    petition_id = fields.Many2one("liangze.petition", string="Letter or Report", required=True, ondelete="cascade")
    kind = fields.Selection(KINDS, string="Tell the Reporter", required=True)
    company_id = fields.Many2one(related="petition_id.company_id", store=True, index=True)
    body_unit_id = fields.Many2one(related="petition_id.body_unit_id", store=True, index=True)
    petition_state = fields.Selection(related="petition_id.state", string="State of the Report")
    deadline = fields.Date(string="Tell By", readonly=True, copy=False, index=True)
    yellow_date = fields.Date(readonly=True, copy=False)
    state = fields.Selection(STATES, default="to_do", required=True, tracking=True, index=True, copy=False)
    method = fields.Selection(METHODS, string="Told By")
    note = fields.Text(help="What the reporter was told, and how they took it.")
    done_on = fields.Date(string="Told On", readonly=True, copy=False)
    done_by_id = fields.Many2one("res.users", string="Told By Officer", readonly=True, copy=False)

    @api.depends("petition_id.name", "kind")
    def _compute_display_name(self):
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        for notice in self:
            notice.display_name = f"{notice.petition_id.name or ''} · {kinds.get(notice.kind, '')}"

    # -- the deadline ------------------------------------------------------------------
    def _schedule(self):
        """The deadline from the company's period: from the receipt (acceptance) or the closing (result)."""
        for notice in self.sudo():
            petition = notice.petition_id
            company = petition.company_id
            if notice.kind == "acceptance":
                start, workdays = petition.received_on, company.liangze_petition_acceptance_workdays
            else:
                start, workdays = petition.closed_on, company.liangze_petition_result_workdays
            deadline = company._liangze_workdays().add_workdays(start, workdays)
            if deadline != notice.deadline:
                notice._guard_sudo().write(
                    {
                        "deadline": deadline,
                        "yellow_date": self._yellow_from(deadline, min(YELLOW_LEAD_WORKDAYS, workdays - 1), company),
                    }
                )

    def _void(self):
        self._guard_sudo().write({"state": "void"})

    def _deadline_reminder(self, level):
        """Due soon or overdue: the officer who registered the report gets the activity, every
        intake officer of the body the message."""
        officers = self._intake_officers()
        petition = self.petition_id.sudo()
        owner = petition.registered_by_id if petition.registered_by_id in officers else officers[:1]
        return {
            "activity_type": "mail.mail_activity_data_todo",
            "activity_user": owner,
            "summary": self.env._("Tell the reporter"),
            "template": "liangze_discipline.mail_template_liangze_petition_notice_due",
            "users": officers,
        }

    @api.model
    def _deadline_reminder_domain(self):
        return [("state", "=", "to_do")]

    def _intake_officers(self):
        """The intake officers of the body, who may read the notice (members of the body in the group)."""
        self.ensure_one()
        body = self.body_unit_id.sudo()
        users = (body.member_ids | body.head_id).filtered(lambda u: not u.share and u.has_group(INTAKE))
        return users.filtered(lambda u: self.with_user(u).has_access("read"))

    # -- the procedure --------------------------------------------------------------------
    def action_done(self):
        """The reporter was told, as the method and note say."""
        self._liangze_check_role(
            [INTAKE, SUPERVISION_HEAD], self.env._("Only the intake officers of the discipline body tell reporters.")
        )
        for notice in self:
            if notice.state != "to_do":
                raise UserError(self.env._("This reporter was already told, or need not be."))
            if not notice.method:
                raise UserError(self.env._("Say how the reporter was told."))
            if notice.kind == "acceptance" and notice.petition_id.state == "registered":
                raise UserError(self.env._("Decide on the report first: the reporter is told what was decided."))
        self._guard_sudo().write({"state": "done", "done_on": self._bureau_today(), "done_by_id": self.env.uid})
        for notice in self:
            notice.activity_feedback(["mail.mail_activity_data_todo"])
        return True

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(self.env._("A notice owed to a reporter stays on record."))
