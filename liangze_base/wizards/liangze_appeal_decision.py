# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class LiangzeAppealDecision(models.TransientModel):
    """The decision on an appeal (``liangze.appeal.mixin``), with its reason: every
    appeal can be upheld; each addon adds the other outcomes of its appeals (a
    deduction withdrawn, a decision revoked or changed) as a method and a button."""

    _name = "liangze.appeal.decision"
    _description = "Decide on an Appeal"

    appeal_ref = fields.Reference(selection="_selection_appeal_models", string="Appeal", required=True)
    appeal_model = fields.Char(compute="_compute_appeal")
    appeal_reason = fields.Text(compute="_compute_appeal")
    reason = fields.Text(string="Reason of the Decision", required=True)

    @api.model
    def _selection_appeal_models(self):
        """Every model of the appeal mechanism, named as the user reads models (translated)."""
        return [
            (name, self.env["ir.model"]._get(name).name) for name in self._liangze_models_using("liangze.appeal.mixin")
        ]

    @api.depends("appeal_ref")
    def _compute_appeal(self):
        for wizard in self:
            wizard.appeal_model = wizard.appeal_ref._name if wizard.appeal_ref else False
            wizard.appeal_reason = wizard.appeal_ref.reason if wizard.appeal_ref else False

    def _decide(self, method):
        self.ensure_one()
        getattr(self.appeal_ref, method)(self.reason)
        return {"type": "ir.actions.act_window_close"}

    def action_uphold(self):
        return self._decide("action_uphold")
