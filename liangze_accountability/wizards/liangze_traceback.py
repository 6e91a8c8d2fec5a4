# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.liangze_base.roles import SUPERVISOR

from ..models.liangze_accountability_case import SOURCE_MODEL_KINDS
from ..models.liangze_accountability_decision import RESPONSIBILITY_KINDS

ROLES = [
    ("responsible", "Responsible person"),
    ("signoff", "Signed off the ledger"),
    ("reviewer", "Accepted it in review"),
    ("owner", "Owner of the rectification"),
    ("verifier", "Verified the rectification"),
    ("lead_leader", "Lead leader"),
    ("unit_head", "Unit head"),
]
# The responsibility each link of the chain answers with, as first proposed.
ROLE_RESPONSIBILITY = {
    "responsible": "direct",
    "signoff": "direct",
    "reviewer": "direct",
    "owner": "direct",
    "verifier": "direct",
    "lead_leader": "important_leadership",
    "unit_head": "main_leadership",
}


class LiangzeTraceback(models.TransientModel):
    """Trace-back by sign-off (签字背书倒查): from a problem, the chain of people
    who answer for it — who signed off the ledger, who accepted it in review,
    the lead leader, the unit head — and a proposed accountability case for
    the people chosen, with the problem as its source."""

    _name = "liangze.traceback"
    _description = "Trace Back by Sign-off"

    source_model = fields.Char(required=True)
    source_id = fields.Integer(required=True)
    source_name = fields.Char(string="Problem", compute="_compute_source_name")
    unit_id = fields.Many2one("liangze.unit", string="Unit Concerned", readonly=True)
    line_ids = fields.One2many("liangze.traceback.line", "traceback_id", string="Who Answers for It")
    title = fields.Char(string="Case Title")
    grounds = fields.Text()

    @api.depends("source_model", "source_id")
    def _compute_source_name(self):
        for wizard in self:
            wizard.source_name = wizard._source().display_name

    def _source(self):
        self.ensure_one()
        if self.source_model not in SOURCE_MODEL_KINDS:
            raise UserError(self.env._("Trace-back starts from a task, a rectification problem or a finding."))
        return self.env[self.source_model].browse(self.source_id)

    @api.model
    def _chain(self, source):
        """[(role, user)] answering for the source, in the order of the chain."""
        chain = []
        if source._name == "liangze.task":
            accepted = source.review_ids.filtered(lambda r: r.decision in ("accepted", "confirmed")).sorted("id")
            chain = [
                ("responsible", source.responsible_user_id),
                ("signoff", source.signoff_user_id),
                ("reviewer", accepted[-1:].reviewer_id),
                ("lead_leader", source.lead_leader_id),
                ("unit_head", source.owner_unit_id.head_id),
            ]
        elif source._name == "liangze.rectification.problem":
            chain = [
                ("owner", source.owner_user_id),
                ("verifier", source.verified_by_id),
                ("unit_head", source.unit_id.head_id),
            ]
        elif source._name == "liangze.rectification":
            chain = [("owner", user) for user in source.problem_ids.owner_user_id]
            chain.append(("unit_head", source.unit_id.head_id))
        return [(role, user) for role, user in chain if user]

    @api.model
    def _unit_of(self, source):
        return source.owner_unit_id if source._name == "liangze.task" else source.unit_id

    @api.model
    def action_open(self, source):
        """The trace-back screen of one source record."""
        if not self.env.user.has_group(SUPERVISOR):
            raise AccessError(self.env._("Only the discipline body traces back who answers for a problem."))
        source.check_access("read")
        source = source.sudo()
        lines = []
        seen = set()
        for role, user in self._chain(source):
            key = (role, user.id)
            if key in seen:
                continue
            seen.add(key)
            lines.append(
                (
                    0,
                    0,
                    {
                        "role": role,
                        "user_id": user.id,
                        "responsibility_kind": ROLE_RESPONSIBILITY[role],
                        "selected": role == "signoff",
                    },
                )
            )
        wizard = self.create(
            {
                "source_model": source._name,
                "source_id": source.id,
                "unit_id": self._unit_of(source).id,
                "title": self.env._("Accountability for %(problem)s", problem=source.display_name),
                "line_ids": lines,
            }
        )
        return dict(self._liangze_wizard(self._name, self.env._("Trace Back by Sign-off")), res_id=wizard.id)

    def action_propose_case(self):
        """A proposed case, pre-filled with the people chosen and the source."""
        self.ensure_one()
        chosen = self.line_ids.filtered("selected")
        if not chosen:
            raise UserError(self.env._("Choose at least one person to hold to account."))
        Cadre = self.env["liangze.cadre"]
        decisions = []
        for line in chosen:
            cadre = Cadre._for_users(line.user_id, self.unit_id)
            if not cadre:
                raise UserError(
                    self.env._("%(user)s belongs to no unit: record them as a cadre first.", user=line.user_id.name)
                )
            if any(cmd[2]["cadre_id"] == cadre.id for cmd in decisions):
                continue
            decisions.append(
                (
                    0,
                    0,
                    {
                        "cadre_id": cadre.id,
                        "unit_id": cadre.unit_id.id,
                        "responsibility_kind": line.responsibility_kind,
                    },
                )
            )
        source = self._source()
        case = self.env["liangze.accountability.case"].create(
            {
                "title": self.title or self.source_name,
                "company_id": self.unit_id.company_id.id,
                "unit_id": self.unit_id.id,
                "target_type": "person",
                "source_kind": SOURCE_MODEL_KINDS[source._name],
                "source_model": source._name,
                "source_id": source.id,
                "grounds": self.grounds,
                "decision_ids": decisions,
            }
        )
        return case._form_action()


class LiangzeTracebackLine(models.TransientModel):
    _name = "liangze.traceback.line"
    _description = "Trace-back Link"

    traceback_id = fields.Many2one("liangze.traceback", required=True, ondelete="cascade")
    role = fields.Selection(ROLES, required=True, readonly=True)
    user_id = fields.Many2one("res.users", string="Person", required=True, readonly=True)
    responsibility_kind = fields.Selection(RESPONSIBILITY_KINDS, string="Responsibility")
    selected = fields.Boolean(string="Hold to Account")
