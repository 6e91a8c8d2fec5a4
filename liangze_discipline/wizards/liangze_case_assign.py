# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

ROLES = [
    ("investigation", "Investigation team"),
    ("trial", "Trial officers"),
    ("review", "Appeal reviewers"),
]
RECORDS = [
    ("liangze.discipline.case", "Discipline Case"),
    ("liangze.discipline.appeal", "Discipline Appeal"),
]


class LiangzeCaseAssign(models.TransientModel):
    """Assign officers to a case (its investigation team, its trial officers) or to an
    appeal (its reviewers): the recusal checks of the record run on confirmation."""

    _name = "liangze.case.assign"
    _description = "Assign Case Officers"

    record_ref = fields.Reference(RECORDS, string="Record", required=True)
    role = fields.Selection(ROLES, required=True)
    user_ids = fields.Many2many(
        "res.users",
        "liangze_case_assign_user_rel",
        "wizard_id",
        "user_id",
        string="Officers",
        required=True,
        domain=lambda self: [
            ("share", "=", False),
            ("all_group_ids", "in", self.env.ref("liangze_discipline.group_liangze_case_officer").ids),
        ],
    )

    @api.model
    def _open(self, record, role):
        """The window of the wizard on ``record`` for ``role`` (opened from the record: for who reads it)."""
        return record._liangze_wizard(
            self._name, dict(ROLES)[role], {"default_record_ref": f"{record._name},{record.id}", "default_role": role}
        )

    def action_confirm(self):
        self.ensure_one()
        record = self.record_ref
        method = {
            "investigation": "_assign_investigators",
            "trial": "_assign_trial_officers",
            "review": "_assign_reviewers",
        }[self.role]
        getattr(record, method)(self.user_ids)
        return {"type": "ir.actions.act_window_close"}
