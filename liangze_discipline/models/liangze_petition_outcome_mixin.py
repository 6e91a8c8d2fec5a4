# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models
from odoo.exceptions import UserError

# Still to be handled here: the persons' files say so (integrity opinions are deferred).
OPEN_STATES = ("accepted",)


class LiangzePetitionOutcomeMixin(models.AbstractModel):
    """The outcome of a ``liangze.petition``: closed with its result (a named reporter
    is then owed a notice of it), and the report in each reported person's integrity
    file, open while handled here, then with what came of it.

    Kept apart from the register of letters and reports so that the decisions of
    intake (accept, refuse, forward) read on their own, and what the persons' files
    learn of a report is found in one place."""

    _name = "liangze.petition.outcome.mixin"
    _description = "Outcome"

    def action_close(self, result):
        """Closed with its result (the clue concluded, the appeal or suggestion answered):
        the named reporter is to be told of the result in time."""
        self._check_intake()
        result = (result or "").strip()
        if not result:
            raise UserError(self.env._("Write the result the reporter is told."))
        for petition in self:
            if petition.state not in OPEN_STATES:
                raise UserError(
                    self.env._("Only an accepted report is closed: %(petition)s.", petition=petition.display_name)
                )
        self._close(result)
        return True

    def _close(self, result):
        """Close the accepted reports with ``result`` (as the system: the clue's conclusion calls it too)."""
        petitions = self.sudo().filtered(lambda p: p.state in OPEN_STATES)
        if not petitions:
            return
        petitions._guard_sudo().write({"state": "closed", "closed_on": self._bureau_today(), "result": result})
        Notice = self.env["liangze.petition.notice"]._guard_sudo()
        for petition in petitions:
            petition.message_post(body=self.env._("Closed: %(result)s", result=result))
            if petition.named:
                Notice.create({"petition_id": petition.id, "kind": "result"})._schedule()
        petitions._record_file_entries()

    def _record_file_entries(self):
        """The report in each reported person's integrity file: open while handled here,
        then with its outcome. Neither the reporter nor the content goes into the file."""
        Entry = self.env["liangze.integrity.entry"]
        for petition in self.sudo():
            outcome = petition._file_outcome()
            kind = dict(self._fields["kind"]._description_selection(self.env))[petition.kind]
            for cadre in petition.concerned_cadre_ids:
                Entry._record(
                    cadre,
                    "letter_report",
                    petition,
                    name=f"{petition.name} {kind}",
                    year=petition.received_on.year,
                    entry_date=petition.received_on,
                    result=outcome,
                    open_matter=petition.state in OPEN_STATES,
                )

    def _file_outcome(self):
        self.ensure_one()
        if self.state == "accepted":
            return (
                self.env._("Accepted; problem clue %(clue)s", clue=self.clue_id.name)
                if self.clue_id
                else self.env._("Accepted")
            )
        if self.state == "not_accepted":
            reasons = dict(self._fields["refusal_reason"]._description_selection(self.env))
            return self.env._("Not accepted: %(reason)s", reason=reasons.get(self.refusal_reason, ""))
        if self.state == "forwarded":
            return self.env._("Forwarded to %(body)s", body=self.forwarded_to)
        if self.state == "repeat":
            return self.env._("Repeat of %(first)s", first=self.first_id.name)
        if self.state == "closed":
            return (self.result or "")[:300]
        return False
