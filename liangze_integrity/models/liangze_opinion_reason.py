# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.liangze_base.models.liangze_record_guard import THREAD_FIELDS, RecordGuardError

# The kind of record behind a reason, for the statistics ("their reasons").
SOURCE_KINDS = [
    ("sanction", "Sanction"),
    ("accountability_decision", "Accountability decision"),
    ("file_entry", "Integrity file"),
    ("accountability_case", "Accountability case"),
    ("other", "Other record"),
    ("manual", "Given by the officer"),
]
SOURCE_MODEL_KINDS = {
    "liangze.sanction": "sanction",
    "liangze.accountability.decision": "accountability_decision",
    "liangze.integrity.entry": "file_entry",
    "liangze.accountability.case": "accountability_case",
}


class LiangzeOpinionReason(models.Model):
    """Why an opinion is a veto or a deferral: a record the system found (linked to
    it, never changed nor removed by hand) or a reason an officer gives. The
    discipline body's alone: the requester reads the opinion, never its reasons."""

    _name = "liangze.opinion.reason"
    _description = "Integrity Opinion Reason"
    _inherit = ["liangze.record.guard", "liangze.source.link.mixin"]
    _order = "opinion_id, kind desc, id"
    _rec_name = "description"

    _guard_state_field = None
    _guard_workflow_fields = frozenset({"source_model", "source_id"})
    _guard_fixed_fields = frozenset({"opinion_id"})

    opinion_id = fields.Many2one("liangze.opinion", required=True, index=True, ondelete="cascade")
    cadre_id = fields.Many2one(related="opinion_id.cadre_id", store=True, index=True)
    request_id = fields.Many2one(related="opinion_id.request_id", store=True, index=True)
    company_id = fields.Many2one(related="opinion_id.company_id", store=True, index=True)
    kind = fields.Selection([("veto", "Veto"), ("defer", "Deferral")], required=True)
    description = fields.Text(required=True)
    source_kind = fields.Selection(
        SOURCE_KINDS, string="Found In", compute="_compute_source_kind", store=True, index=True
    )

    @api.depends("source_model")
    def _compute_source_kind(self):
        kinds = self._source_model_kinds()
        for reason in self:
            reason.source_kind = kinds.get(reason.source_model, "other") if reason.source_model else "manual"

    @api.model
    def _source_model_kinds(self):
        """{model: source kind} of the records behind the reasons, for the statistics: an addon
        adding findings of its own records adds its kind to ``source_kind`` (selection_add)
        and its model here; records of other models count as "other"."""
        return dict(SOURCE_MODEL_KINDS)

    @api.constrains("description")
    def _check_description(self):
        if any(not (reason.description or "").strip() for reason in self):
            raise ValidationError(self.env._("An opinion of veto or deferral gives its reason."))

    def _check_editable(self):
        """Reasons change with their opinion: while it is checked, before the signature."""
        self.opinion_id.request_id._check_body_officer()
        for reason in self.sudo():
            if reason.opinion_id.state != "draft" or reason.opinion_id.request_id.state != "drafted":
                raise RecordGuardError(self.env._("The reasons of a signed opinion are not changed."), model=self._name)

    @api.model_create_multi
    def create(self, vals_list):
        reasons = super().create(vals_list)
        if not self._guard_trusted():
            reasons._check_editable()
        return reasons

    def write(self, vals):
        if not self._guard_trusted() and set(vals) - THREAD_FIELDS:
            self._check_editable()
            if any(reason.source_model for reason in self.sudo()):
                raise UserError(self.env._("A reason found in the records stays as found."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_given_by_hand(self):
        if self._guard_trusted():
            return
        if any(reason.source_model for reason in self.sudo()):
            raise UserError(self.env._("A reason found in the records stays as found."))
        self._check_editable()

    def _source_missing_message(self):
        return self.env._("This reason was given by an officer; no record is behind it.")
