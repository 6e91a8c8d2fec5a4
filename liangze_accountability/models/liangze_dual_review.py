# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

CONCLUSIONS = [("accountable", "Held to account"), ("not_accountable", "Not held to account")]


class LiangzeDualReview(models.Model):
    """The dual investigation (一案双查) of a case: when a unit or person is held
    to account for a problem, the leadership responsibility over that unit is
    reviewed too — the party committee's principal responsibility and the
    discipline body's supervisory responsibility — and concluded, with reasons,
    before the case closes."""

    _name = "liangze.dual.review"
    _description = "Dual Investigation"
    _inherit = ["liangze.record.guard", "mail.thread"]
    _order = "id desc"

    _guard_initial_states = ("open",)
    _guard_workflow_fields = frozenset({"state", "concluded_by_id", "concluded_on", "follow_up_case_ids"})
    _guard_fixed_fields = frozenset({"case_id", "unit_id", "committee_unit_id", "discipline_unit_id"})
    _guard_structural_fields = frozenset(
        {"principal_conclusion", "principal_reason", "supervisory_conclusion", "supervisory_reason"}
    )

    case_id = fields.Many2one("liangze.accountability.case", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="case_id.company_id", store=True, index=True)
    unit_id = fields.Many2one("liangze.unit", string="Unit Concerned", required=True, ondelete="cascade")
    committee_unit_id = fields.Many2one(
        "liangze.unit", string="Party Committee", help="Whose principal responsibility over the unit is reviewed."
    )
    discipline_unit_id = fields.Many2one(
        "liangze.unit", string="Discipline Body", help="Whose supervisory responsibility over the unit is reviewed."
    )
    principal_conclusion = fields.Selection(CONCLUSIONS, string="Principal Responsibility")
    principal_reason = fields.Text(string="Reasons (principal responsibility)")
    supervisory_conclusion = fields.Selection(CONCLUSIONS, string="Supervisory Responsibility")
    supervisory_reason = fields.Text(string="Reasons (supervisory responsibility)")
    state = fields.Selection(
        [("open", "Under Review"), ("concluded", "Concluded")], default="open", required=True, tracking=True
    )
    concluded_by_id = fields.Many2one("res.users", readonly=True)
    concluded_on = fields.Date(readonly=True)
    follow_up_case_ids = fields.Many2many(
        "liangze.accountability.case",
        "liangze_dual_review_follow_up_rel",
        "review_id",
        "case_id",
        string="Follow-up Cases",
        readonly=True,
    )

    def write(self, vals):
        if not self._guard_trusted() and set(vals) & self._guard_structural_fields:
            self.case_id._check_supervisor()
        return super().write(vals)

    @api.model
    def _open_for(self, case):
        """The review of the leadership over the case's unit: the nearest party
        committee leading it, and the discipline body supervising that committee."""
        unit = case.unit_id
        # A committee held to account answers to the committee above it.
        committee = (unit.parent_id if unit.unit_type == "party_committee" else unit)._party_committee()
        body = committee._supervising_body()
        review = self._guard_sudo().create(
            {
                "case_id": case.id,
                "unit_id": unit.id,
                "committee_unit_id": committee.id,
                "discipline_unit_id": body.id,
            }
        )
        case.message_post(
            body=self.env._(
                "Dual investigation opened: the principal responsibility of %(committee)s and the supervisory "
                "responsibility of %(body)s over %(unit)s.",
                committee=committee.name or "-",
                body=body.name or "-",
                unit=unit.name,
            )
        )
        return review

    def action_conclude(self):
        self.case_id._check_supervisor()
        for review in self:
            if review.state != "open":
                raise UserError(self.env._("This dual investigation is already concluded."))
            for conclusion, reason in (
                (review.principal_conclusion, review.principal_reason),
                (review.supervisory_conclusion, review.supervisory_reason),
            ):
                if not conclusion or not (reason or "").strip():
                    raise UserError(
                        self.env._(
                            "Conclude both the principal and the supervisory responsibility, each with its reasons."
                        )
                    )
        self._guard_sudo().write(
            {"state": "concluded", "concluded_by_id": self.env.uid, "concluded_on": self._bureau_today()}
        )
        for review in self:
            review._open_follow_up_cases()
        return True

    def _open_follow_up_cases(self):
        """A responsibility found: a proposed case against that organisation, to go its own way."""
        self.ensure_one()
        cases = self.env["liangze.accountability.case"]
        for conclusion, unit, label in (
            (self.principal_conclusion, self.committee_unit_id, self.env._("principal responsibility")),
            (self.supervisory_conclusion, self.discipline_unit_id, self.env._("supervisory responsibility")),
        ):
            if conclusion != "accountable" or not unit:
                continue
            cases |= cases._guard_sudo().create(
                {
                    "title": self.env._(
                        "Dual investigation of %(case)s: %(responsibility)s of %(unit)s",
                        case=self.case_id.name,
                        responsibility=label,
                        unit=unit.name,
                    ),
                    "company_id": self.case_id.company_id.id,
                    "body_unit_id": self.case_id.body_unit_id.id,
                    "unit_id": unit.id,
                    "target_type": "organisation",
                    "source_kind": self.case_id.source_kind,
                    "source_model": self.case_id.source_model,
                    "source_id": self.case_id.source_id,
                    "grounds": self.principal_reason if unit == self.committee_unit_id else self.supervisory_reason,
                    "author_id": self.env.uid,
                    "proposed_on": self._bureau_today(),
                    "decision_ids": [(0, 0, {"unit_id": unit.id})],
                }
            )
        if cases:
            self._guard_sudo().write({"follow_up_case_ids": [(4, c.id) for c in cases]})
