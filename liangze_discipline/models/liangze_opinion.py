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
            link = next((name for name in ("clue_id", "case_id") if name in Model._fields), None)
            # One grouped query per model, whatever the batch: (person, chain link, the records).
            groups = Model._read_group(
                [("concerned_cadre_ids", "in", cadres.ids), ("state", "in", states)],
                ["concerned_cadre_ids"] + ([link] if link else []),
                ["id:array_agg"],
            )
            cases = env["liangze.discipline.case"]
            if link == "case_id":
                cases = env["liangze.discipline.case"].browse({group[1].id for group in groups if group[1]})
                cases.fetch(["clue_id"])
            for group in groups:
                cadre, ids = group[0], group[-1]
                target = group[1] if link else None
                if link == "case_id" and target and target.clue_id:
                    target = target.clue_id
                record = Model.browse(min(ids))
                chain = (target._name, target.id) if target else (record._name, record.id)
                if cadre.id not in wanted or (cadre.id, chain) in seen:
                    continue
                seen.add((cadre.id, chain))
                findings.setdefault(cadre.id, []).append(
                    {"kind": "defer", "description": description, "source": record}
                )
        return findings
