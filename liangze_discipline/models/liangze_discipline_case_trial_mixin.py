# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models
from odoo.exceptions import UserError
from odoo.tools import is_html_empty

from odoo.addons.liangze_base.roles import SUPERVISION_HEAD


class LiangzeDisciplineCaseTrialMixin(models.AbstractModel):
    """The trial (案件审理) of a ``liangze.discipline.case``: officers who never verified
    nor investigated it check the case file, write the trial report and the proposed
    decision; concluded, the case is decided person by person (a draft decision each).

    Kept apart from the case so that the trial, with its own officers and recusal,
    reads in one place."""

    _name = "liangze.discipline.case.trial.mixin"
    _description = "Trial"

    # -- trial ------------------------------------------------------------------------------------
    def _handlers(self):
        """Who handled the case so far: the clue's handlers, the verification and investigation teams."""
        self.ensure_one()
        return self.sudo().officer_ids - self.sudo().trial_officer_ids

    def _assign_trial_officers(self, users):
        """The trial officers never took part in the verification or investigation (recusal)."""
        self._check_body_manager()
        for case in self:
            if case.state != "trial":
                raise UserError(self.env._("Trial officers are assigned once the case is handed over for trial."))
            handled = users & case._handlers()
            if handled:
                raise UserError(
                    self.env._(
                        "%(users)s took part in verifying or investigating the case and may not try it.",
                        users="、".join(handled.mapped("name")),
                    )
                )
        self._assign(users)
        self._guard_sudo().write({"trial_officer_ids": [(4, user.id) for user in users]})
        for case in self:
            case.message_post(
                body=self.env._("Trial officers: %(users)s", users="、".join(users.mapped("name"))),
                partner_ids=users.partner_id.ids,
            )
        return True

    def _check_trial_officer(self):
        """A trial officer of the case (or the head of the body) acts on the trial."""
        self._check_discipline_group()
        for case in self.sudo():
            if case.state != "trial":
                raise UserError(self.env._("The trial is recorded while the case is under trial."))
            if self.env.user not in case.trial_officer_ids and not self.env.user.has_group(SUPERVISION_HEAD):
                raise UserError(self.env._("Only the trial officers of the case record its trial."))

    def action_check_file(self):
        """The case file is complete and in order (卷宗审核)."""
        self._check_trial_officer()
        self._guard_sudo().write(
            {
                "file_checked": True,
                "file_checked_on": self._bureau_today(),
                "file_checked_by_id": self.env.uid,
            }
        )
        return True

    def action_conclude_trial(self):
        """File checked, trial report and proposed decision written: the case is
        decided person by person (a draft decision each)."""
        self._check_trial_officer()
        for case in self:
            if not case.file_checked:
                raise UserError(self.env._("Check the case file first."))
            if is_html_empty(case.trial_report):
                raise UserError(self.env._("Write the trial report first."))
            if not (case.proposed_decision or "").strip():
                raise UserError(self.env._("Give the proposed decision."))
        self._guard_sudo().write({"state": "decided", "trial_concluded_on": self._bureau_today()})
        Decision = self.env["liangze.discipline.decision"]._guard_sudo()
        for case in self.sudo():
            missing = case.concerned_cadre_ids - case.decision_ids.cadre_id
            if missing:
                Decision.create(
                    [{"case_id": case.id, "cadre_id": cadre.id, "facts": case.proposed_decision} for cadre in missing]
                )
        return True

    def action_new_decision(self):
        """Another decision on a person of the case (during the trial or the decision)."""
        self.ensure_one()
        self._check_discipline_group()
        return self.env["liangze.discipline.decision"]._form_action(
            target="new", context={"default_case_id": self.id, "default_cadre_id": self.cadre_id.id}
        )
