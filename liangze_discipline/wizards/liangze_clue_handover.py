# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.exceptions import UserError

from odoo.addons.liangze_base.roles import CASE_MANAGEMENT

from ..models.liangze_clue import SOURCES


class LiangzeClueHandover(models.TransientModel):
    """Hand a record of the product (a supervision finding, a failed rectification, an
    accountability case) over to case management as a problem clue, prefilled from it."""

    _name = "liangze.clue.handover"
    _description = "Hand Over as a Problem Clue"

    source_model = fields.Char(readonly=True)
    source_id = fields.Integer(string="Source ID", readonly=True)
    source = fields.Selection(SOURCES, readonly=True)
    body_unit_id = fields.Many2one(
        "liangze.unit", string="Discipline Body", required=True, domain="[('unit_type', '=', 'discipline_body')]"
    )
    unit_id = fields.Many2one("liangze.unit", string="Unit Concerned")
    concerned_cadre_ids = fields.Many2many("liangze.cadre", string="Persons Concerned")
    summary = fields.Text(required=True)

    def action_confirm(self):
        """The clue is registered in the body's register; case management is told."""
        self.ensure_one()
        if not self.source_model or self.source_model not in self.env:
            raise UserError(self.env._("Hand over a clue from the record it comes from."))
        source = self.env[self.source_model].browse(self.source_id).exists()
        if not source or not hasattr(source, "_check_clue_handover"):
            raise UserError(self.env._("Hand over a clue from the record it comes from."))
        source._check_clue_handover()
        if not (self.summary or "").strip():
            raise UserError(self.env._("Give the summary of the clue."))
        clue = (
            self.env["liangze.clue"]
            ._guard_sudo()
            .create(
                {
                    "source": source._clue_source_kind,
                    "source_model": source._name,
                    "source_id": source.id,
                    "body_unit_id": self.body_unit_id.id,
                    "company_id": self.body_unit_id.company_id.id,
                    "unit_id": self.unit_id.id,
                    "concerned_cadre_ids": [(6, 0, self.concerned_cadre_ids.ids)],
                    "summary": self.summary,
                }
            )
        )
        managers = self.body_unit_id._users().filtered(lambda user: user.has_group(CASE_MANAGEMENT))
        clue.message_post(
            body=self.env._(
                "Handed over by %(user)s from %(origin)s.", user=self.env.user.name, origin=source.display_name
            ),
            partner_ids=managers.partner_id.ids,
        )
        # Nothing is posted on the source: its readers (the unit concerned) learn nothing of the clue.
        number = clue.name
        clue = clue.with_env(self.env)
        if clue.has_access("read"):
            return clue._form_action()
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self.env._("Handed over to case management as problem clue %(clue)s.", clue=number),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }
