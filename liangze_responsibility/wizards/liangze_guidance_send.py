# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class LiangzeGuidanceSend(models.TransientModel):
    """Send a published list down as guidance (指导清单) to subordinate party committees."""

    _name = "liangze.guidance.send"
    _description = "Send a List as Guidance"

    list_id = fields.Many2one("liangze.list", required=True)
    committee_ids = fields.Many2many(
        "liangze.unit",
        string="Party Committees",
        required=True,
        domain="[('unit_type', '=', 'party_committee')]",
        help="The subordinate party committees: each gets a draft list of its own derived from this one.",
    )
    reason = fields.Text(string="What Changed and Why", help="For a revision of guidance already sent.")
    adoption_deadline = fields.Date(
        string="Publish By", help="The derived lists not published by then are warned (yellow, then red)."
    )

    def action_send(self):
        self.ensure_one()
        derived = self.list_id._send_guidance(self.committee_ids, self.adoption_deadline)
        return self.list_id.action_open_derived() if derived else {"type": "ir.actions.act_window_close"}

    def action_notify_revision(self):
        """The guidance was revised: each derived list's keepers review the differences."""
        self.ensure_one()
        self.list_id._notify_revision(self.reason)
        return {"type": "ir.actions.act_window_close"}
