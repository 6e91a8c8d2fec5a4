# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from ..models.liangze_petition import REFUSAL_REASONS

MODES = [
    ("not_accept", "Not accepted"),
    ("forward", "Forward to the level above"),
    ("repeat", "File as a repeat"),
    ("close", "Close with the result"),
]


class LiangzePetitionDecision(models.TransientModel):
    """What intake decides on a letter or report, with what the decision needs: the
    reason it is not accepted, the body it is forwarded to, the report it repeats,
    or the result it is closed with."""

    _name = "liangze.petition.decision"
    _description = "Decision on a Letter or Report"

    petition_id = fields.Many2one("liangze.petition", string="Letter or Report", required=True, ondelete="cascade")
    mode = fields.Selection(MODES, string="Decision", required=True)
    refusal_reason = fields.Selection(REFUSAL_REASONS, string="Reason Not Accepted")
    forwarded_to = fields.Char(help="The body of the level above, e.g. 市纪委监委.")
    first_id = fields.Many2one(
        "liangze.petition",
        string="First Report",
        domain="[('id', '!=', petition_id), ('body_unit_id', '=', body_unit_id), ('state', '!=', 'repeat')]",
    )
    body_unit_id = fields.Many2one(related="petition_id.body_unit_id")
    result = fields.Text(help="What came of it: the named reporter is told.")
    note = fields.Text()

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        petition = self.env["liangze.petition"].browse(values.get("petition_id"))
        if "first_id" in fields_list and petition.exists() and not values.get("first_id"):
            values["first_id"] = petition.repeat_candidate_id.id
        return values

    def action_confirm(self):
        self.ensure_one()
        petition = self.petition_id
        if self.mode == "not_accept":
            petition.action_not_accept(self.refusal_reason, self.note)
        elif self.mode == "forward":
            petition.action_forward(self.forwarded_to, self.note)
        elif self.mode == "repeat":
            petition.action_mark_repeat(self.first_id, self.note)
        else:
            petition.action_close(self.result)
        return {"type": "ir.actions.act_window_close"}
