# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.liangze_base.models.liangze_record_guard import THREAD_FIELDS
from odoo.addons.liangze_base.roles import CASE_MANAGEMENT, SUPERVISION_HEAD

# The investigation measures of the supervision and discipline enforcement rules (2019) and the supervision law.
MEASURE_KINDS = [
    ("talk", "Talk"),
    ("questioning", "Questioning"),
    ("interrogation", "Interrogation"),
    ("query", "Query"),
    ("retrieval", "Retrieval of evidence"),
    ("freeze", "Freezing"),
    ("seal", "Sealing up"),
    ("seizure", "Seizure"),
    ("search", "Search"),
    ("inspection", "Inspection and examination"),
    ("appraisal", "Expert appraisal"),
    ("exit_restriction", "Exit restriction"),
    ("detention", "Detention (留置)"),
    ("technical", "Technical investigation"),
    ("other", "Other"),
]


class LiangzeCaseMeasure(models.Model):
    """One line of a case's measures ledger (措施台账): the day, the kind of measure,
    what was done, who approved it; filed with case management (案管), which keeps
    every measure used. Recorded by the case's officers while it is investigated;
    read like the case (record rules through it)."""

    _name = "liangze.case.measure"
    _description = "Case Measure"
    _inherit = ["liangze.record.guard"]
    _order = "date desc, id desc"

    _guard_workflow_fields = frozenset({"state", "approved_by_id", "approved_on", "filed_by_id", "filed_on"})
    _guard_provenance_fields = {"recorded_by_id": "user"}
    _guard_fixed_fields = frozenset({"case_id"})
    _guard_structural_fields = frozenset({"date", "kind", "description"})
    # Measures are recorded while the case is investigated.
    _guard_parent_field = "case_id"
    _guard_parent_states = ("investigation",)
    _guard_parent_locked_fields = frozenset()

    case_id = fields.Many2one("liangze.discipline.case", required=True, index=True, ondelete="cascade")
    company_id = fields.Many2one(related="case_id.company_id", store=True, index=True)
    body_unit_id = fields.Many2one(related="case_id.body_unit_id", store=True, index=True)
    date = fields.Date(required=True, default=lambda self: self._bureau_today())
    kind = fields.Selection(MEASURE_KINDS, string="Measure", required=True)
    description = fields.Text(required=True, help="What was done, where, with whom or what.")
    recorded_by_id = fields.Many2one("res.users", readonly=True)
    approved_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    approved_on = fields.Date(readonly=True, copy=False)
    filed_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    filed_on = fields.Date(string="Filed with Case Management On", readonly=True, copy=False)
    state = fields.Selection(
        [("draft", "Recorded"), ("approved", "Approved"), ("filed", "Filed")],
        default="draft",
        required=True,
        index=True,
    )

    @api.depends("kind", "date")
    def _compute_display_name(self):
        labels = dict(self._fields["kind"]._description_selection(self.env))
        for measure in self:
            measure.display_name = " ".join(filter(None, [str(measure.date or ""), labels.get(measure.kind)]))

    @api.model_create_multi
    def create(self, vals_list):
        measures = super().create(vals_list)
        if not self._guard_trusted():
            measures.case_id._check_discipline_group()
            today = self._bureau_today()
            if any(measure.date > today for measure in measures):
                raise UserError(self.env._("A measure is recorded once it was taken."))
        return measures

    def write(self, vals):
        if not self._guard_trusted() and set(vals) - THREAD_FIELDS:
            self.case_id._check_discipline_group()
        return super().write(vals)

    def action_approve(self):
        """The head of the body approves the measure (as the ledger records it)."""
        self.case_id._check_discipline_group(SUPERVISION_HEAD)
        if any(measure.state != "draft" for measure in self):
            raise UserError(self.env._("Only a measure just recorded is approved."))
        self._guard_sudo().write(
            {"state": "approved", "approved_by_id": self.env.uid, "approved_on": self._bureau_today()}
        )
        return True

    def action_file(self):
        """Case management files the approved measure (归档)."""
        self.case_id._check_discipline_group(CASE_MANAGEMENT)
        if any(measure.state != "approved" for measure in self):
            raise UserError(self.env._("Only an approved measure is filed."))
        self._guard_sudo().write({"state": "filed", "filed_by_id": self.env.uid, "filed_on": self._bureau_today()})
        return True
