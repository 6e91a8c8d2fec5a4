# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models
from odoo.exceptions import AccessError, UserError
from odoo.tools import html2plaintext

from odoo.addons.liangze_base.roles import CASE_MANAGEMENT, SUPERVISION_HEAD, SUPERVISOR


class LiangzeClueSource(models.AbstractModel):
    """A record of the product that can be handed over to case management as a problem
    clue, in one click: a supervision finding, a failed rectification, an accountability
    case. The clue is prefilled from it; the one handing it over need not read clues."""

    _name = "liangze.clue.source"
    _description = "Problem Clue Source"

    _clue_source_kind = "found_here"

    def _clue_handover_values(self):
        """What the clue takes from the record: body_unit_id, unit_id, summary, concerned_cadre_ids."""
        return {}

    def _check_clue_handover(self):
        if not any(self.env.user.has_group(group) for group in (SUPERVISOR, CASE_MANAGEMENT, SUPERVISION_HEAD)):
            raise AccessError(self.env._("Only the discipline body hands a matter over as a problem clue."))
        self.check_access("read")
        clue = (
            self.env["liangze.clue"]
            .sudo()
            .search([("source_model", "=", self._name), ("source_id", "=", self.id)], limit=1)
        )
        if clue:
            raise UserError(self.env._("This record was already handed over as problem clue %(clue)s.", clue=clue.name))

    def action_hand_over_clue(self):
        """Open the hand-over, prefilled from the record."""
        self.ensure_one()
        self._check_clue_handover()
        values = self.sudo()._clue_handover_values()
        context = {
            "default_source_model": self._name,
            "default_source_id": self.id,
            "default_source": self._clue_source_kind,
            "default_body_unit_id": values.get("body_unit_id"),
            "default_unit_id": values.get("unit_id"),
            "default_summary": values.get("summary"),
            "default_concerned_cadre_ids": [(6, 0, values.get("concerned_cadre_ids") or [])],
        }
        return self._liangze_wizard("liangze.clue.handover", self.env._("Hand Over as a Problem Clue"), context)


class LiangzeSupervisionReport(models.Model):
    _name = "liangze.supervision.report"
    _inherit = ["liangze.supervision.report", "liangze.clue.source"]

    _clue_source_kind = "supervision_finding"

    def _clue_handover_values(self):
        return {
            "body_unit_id": self.issuer_unit_id.id,
            "unit_id": self.unit_id.id,
            "summary": html2plaintext(self.problems_risks or "").strip() or self.name,
        }


class LiangzeRectificationProblem(models.Model):
    _name = "liangze.rectification.problem"
    _inherit = ["liangze.rectification.problem", "liangze.clue.source"]

    _clue_source_kind = "failed_rectification"

    def _clue_handover_values(self):
        summary = "\n".join(filter(None, [self.description, self.failure_reason]))
        return {"body_unit_id": self.issuer_unit_id.id, "unit_id": self.unit_id.id, "summary": summary}


class LiangzeAccountabilityCase(models.Model):
    _name = "liangze.accountability.case"
    _inherit = ["liangze.accountability.case", "liangze.clue.source"]

    _clue_source_kind = "accountability_case"

    def _clue_handover_values(self):
        summary = "\n".join(filter(None, [self.title, self.grounds, html2plaintext(self.findings or "").strip()]))
        return {
            "body_unit_id": self.body_unit_id.id,
            "unit_id": self.unit_id.id,
            "summary": summary,
            "concerned_cadre_ids": self.decision_ids.cadre_id.ids,
        }
