# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.exceptions import UserError

from ..roles import SUPERVISOR


class LiangzeReceiptMixin(models.AbstractModel):
    """The receipt (回执) of a letter the discipline body issues to a unit: the
    unit's head (or the nearest head above) acknowledges it with a reply within the
    issuer's workdays (``liangze.unit.receipt_workdays``); an activity waits on the
    head meanwhile. The letter has ``unit_id``, ``issuer_unit_id``, ``company_id``,
    ``author_id`` and the states draft, issued, acknowledged, cancelled; its issue
    writes ``_receipt_values(today)`` and calls ``_ask_receipt(summary)``."""

    _name = "liangze.receipt.mixin"
    _description = "Letter with a Receipt"

    receipt_note = fields.Text(string="Receipt", help="The unit's reply.")
    receipt_user_id = fields.Many2one("res.users", string="Acknowledged By", readonly=True, copy=False)
    receipt_date = fields.Datetime(string="Acknowledged On", readonly=True, copy=False)
    escalation_date = fields.Date(
        string="Acknowledge By",
        readonly=True,
        copy=False,
        help="Without receipt by this day, the unit's leaders are told.",
    )

    def _receipt_head(self):
        """Who acknowledges: the unit's head, or for a unit without one the nearest head above."""
        self.ensure_one()
        unit = self.unit_id
        while unit and not unit.head_id:
            unit = unit.parent_id
        return unit.head_id

    def _check_receipt_head(self):
        for letter in self:
            if not letter._receipt_head():
                raise UserError(
                    self.env._(
                        "Neither %(unit)s nor any unit above it has a head to acknowledge the letter.",
                        unit=letter.unit_id.name,
                    )
                )

    def _receipt_values(self, today):
        """Written with the issue: when the receipt is due."""
        self.ensure_one()
        workdays = self.company_id._liangze_workdays()
        return {"escalation_date": workdays.add_workdays(today, self.issuer_unit_id.receipt_workdays)}

    def _ask_receipt(self, summary):
        for letter in self:
            letter.activity_schedule(
                "mail.mail_activity_data_todo",
                date_deadline=letter.escalation_date,
                summary=summary,
                user_id=letter._receipt_head().id,
            )

    def action_cancel(self):
        """Drop a draft not worth sending: the issuing body's officers."""
        self._liangze_check_role([SUPERVISOR], self.env._("Only supervisors write supervision documents."))
        if any(letter.state != "draft" for letter in self):
            raise UserError(self.env._("Only a draft letter can be cancelled."))
        self._guard_sudo().write({"state": "cancelled"})
        return True

    def action_acknowledge(self):
        """The unit head's receipt (回执)."""
        user = self.env.user
        for letter in self:
            if letter.unit_id not in user.liangze_managed_unit_ids:
                raise UserError(
                    self.env._("Only the head of %(unit)s acknowledges this letter.", unit=letter.unit_id.name)
                )
            if letter.state != "issued":
                raise UserError(self.env._("Only an issued letter can be acknowledged."))
        self._guard_sudo().write(
            {"state": "acknowledged", "receipt_user_id": user.id, "receipt_date": fields.Datetime.now()}
        )
        for letter in self:
            letter.activity_feedback(["mail.mail_activity_data_todo"])
            letter.message_post(
                body=self.env._("Receipt acknowledged by %(user)s.", user=user.name),
                partner_ids=letter.author_id.partner_id.ids,
            )
        return True
