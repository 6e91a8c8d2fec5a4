# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class LiangzeAccountabilityDecision(models.Model):
    """A decision issued on a person goes into their file; a revocation follows it there."""

    _inherit = "liangze.accountability.decision"

    def action_issue(self):
        res = super().action_issue()
        self._record_in_files()
        return res

    def _revoke(self):
        res = super()._revoke()
        self._record_in_files()
        return res

    def _record_in_files(self):
        Entry = self.env["liangze.integrity.entry"]
        for decision in self.sudo().filtered("cadre_id"):
            if decision.no_accountability:
                result = self.env._("Not held to account")
            else:
                result = "、".join(decision.measure_ids.mapped("name"))
            if decision.state == "revoked":
                result = self.env._("%(measures)s (revoked on appeal)", measures=result)
            until = decision.effect_until
            Entry._record(
                decision.cadre_id,
                "accountability",
                decision,
                name=decision.document_number or decision.display_title,
                entry_date=decision.decision_date,
                year=decision.decision_date.year,
                summary=decision.reason,
                result=result,
                bars_until=until,
            )
