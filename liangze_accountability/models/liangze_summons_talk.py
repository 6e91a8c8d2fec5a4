# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.exceptions import UserError
from odoo.tools import is_html_empty

from odoo.addons.liangze_base.roles import SUPERVISOR


class LiangzeSummonsTalk(models.Model):
    """A summons talk (约谈) of a unit's party secretary or discipline head, for
    formalism (搞形式、走过场): a measure that needs no decision number. Held
    on a date with its attendees, minuted, followed up."""

    _name = "liangze.summons.talk"
    _description = "Summons Talk"
    _inherit = ["liangze.record.guard", "liangze.body.owned.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "talk_date desc, id desc"

    _guard_initial_states = ("planned",)
    _guard_workflow_fields = frozenset({"state", "held_on", "closed_on"})
    _guard_provenance_fields = {"author_id": "user"}
    _guard_structural_fields = frozenset({"company_id", "body_unit_id", "unit_id"})

    name = fields.Char(string="Subject", required=True, tracking=True)
    company_id = fields.Many2one("res.company", required=True, index=True, default=lambda self: self.env.company)
    unit_id = fields.Many2one("liangze.unit", required=True, index=True, ondelete="cascade")
    cadre_ids = fields.Many2many(
        "liangze.cadre",
        string="Summoned",
        domain="[('unit_id', '=', unit_id), ('leader_role', 'in', ('principal_leader', 'discipline_head'))]",
        help="The unit's party secretary and/or discipline head.",
    )
    reason = fields.Text(string="Formalism Found", help="What was done as a formality, and where it was found.")
    case_id = fields.Many2one("liangze.accountability.case", index=True)
    talk_date = fields.Datetime(string="Date of the Talk")
    talker_ids = fields.Many2many("res.users", string="Talked By", domain="[('share', '=', False)]")
    attendees = fields.Text(string="Other Attendees")
    minutes = fields.Html()
    follow_up = fields.Text(string="Follow-up", help="What the unit undertook, and how it was checked.")
    author_id = fields.Many2one("res.users", string="Recorded By", readonly=True)
    state = fields.Selection(
        [("planned", "Planned"), ("held", "Held"), ("closed", "Followed Up")],
        default="planned",
        required=True,
        tracking=True,
    )
    held_on = fields.Date(readonly=True)
    closed_on = fields.Date(readonly=True)

    def _check_supervisor(self):
        self._liangze_check_role([SUPERVISOR], self.env._("Only the discipline body records summons talks."))

    def action_held(self):
        self._check_supervisor()
        for talk in self:
            if talk.state != "planned":
                raise UserError(self.env._("Only a planned talk is recorded as held."))
            if not talk.cadre_ids or not talk.talk_date or not talk.talker_ids:
                raise UserError(self.env._("Give who was summoned, who talked and when."))
            if is_html_empty(talk.minutes):
                raise UserError(self.env._("Record the minutes of the talk."))
        self._guard_sudo().write({"state": "held", "held_on": self._bureau_today()})
        return True

    def action_close(self):
        self._check_supervisor()
        for talk in self:
            if talk.state != "held":
                raise UserError(self.env._("Only a talk held is followed up."))
            if not (talk.follow_up or "").strip():
                raise UserError(self.env._("Record the follow-up of the talk."))
        self._guard_sudo().write({"state": "closed", "closed_on": self._bureau_today()})
        return True
