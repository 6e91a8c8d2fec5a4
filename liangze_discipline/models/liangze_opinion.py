# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models

from .liangze_clue import OPEN_STATES as OPEN_CLUE_STATES
from .liangze_discipline_appeal import OPEN_APPEAL_STATES
from .liangze_discipline_case import OPEN_CASE_STATES

# The matters of discipline enforcement still open, per model: the states they are open in.
# A case carried out is no longer "open": its sanction (a veto) speaks from the integrity file.
OPEN_MATTERS = {
    "liangze.clue": OPEN_CLUE_STATES,
    "liangze.talk.inquiry": ("draft", "to_approve", "approved", "letter_sent", "answered"),
    "liangze.verification": ("draft", "to_approve", "approved", "reported"),
    "liangze.discipline.case": OPEN_CASE_STATES,
    "liangze.discipline.appeal": OPEN_APPEAL_STATES,
}


class LiangzeOpinion(models.Model):
    """Integrity opinions are deferred (暂缓) while a clue, an inquiry, a verification, a
    case or an appeal concerning the person is open: the reason names no record of the
    discipline body, so the requester reads 暂缓 and nothing more."""

    _inherit = "liangze.opinion"

    @api.model
    def _opinion_findings(self, cadres, day):
        findings = super()._opinion_findings(cadres, day)
        if not cadres:
            return findings
        env = self.env(su=True)
        description = env._("An open problem clue concerns the person.")
        wanted = set(cadres.ids)
        # One deferral per person and chain: the clue stands for its inquiries, verifications and case.
        seen = set()
        for model, states in OPEN_MATTERS.items():
            Model = env[model]
            names = ["concerned_cadre_ids"] + [name for name in ("clue_id", "case_id") if name in Model._fields]
            records = Model.search_fetch([("concerned_cadre_ids", "in", cadres.ids), ("state", "in", states)], names)
            for record in records:
                chain = record._name, record.id
                if "clue_id" in Model._fields and record.clue_id:
                    chain = "liangze.clue", record.clue_id.id
                elif "case_id" in Model._fields and record.case_id:
                    case = record.case_id
                    chain = (
                        ("liangze.clue", case.clue_id.id)
                        if "clue_id" in case._fields and case.clue_id
                        else (
                            case._name,
                            case.id,
                        )
                    )
                for cadre in record.concerned_cadre_ids:
                    if cadre.id not in wanted or (cadre.id, chain) in seen:
                        continue
                    seen.add((cadre.id, chain))
                    findings.setdefault(cadre.id, []).append(
                        {"kind": "defer", "description": description, "source": record}
                    )
        return findings
