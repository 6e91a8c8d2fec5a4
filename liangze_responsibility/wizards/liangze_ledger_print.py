# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.exceptions import UserError


class LiangzeLedgerPrint(models.TransientModel):
    """Prints the work ledgers (工作台账) of all tasks of a unit for a year."""

    _name = "liangze.ledger.print"
    _description = "Print Work Ledgers"

    unit_id = fields.Many2one("liangze.unit", required=True)
    year = fields.Integer(required=True, default=lambda self: self._bureau_today().year)
    format = fields.Selection([("pdf", "PDF"), ("xlsx", "Excel (XLSX)")], required=True, default="pdf")

    def action_print(self):
        self.ensure_one()
        # Searched with the user's rights: only the ledgers they may read are printed.
        tasks = self.env["liangze.task"].search(
            [("owner_unit_id", "=", self.unit_id.id), ("year", "=", self.year)],
            order="period_start, deadline, id",
        )
        if not tasks:
            raise UserError(
                self.env._(
                    "%(unit)s has no task you may read in %(year)s.", unit=self.unit_id.complete_name, year=self.year
                )
            )
        xmlid = "action_report_liangze_ledger" if self.format == "pdf" else "action_report_liangze_ledger_xlsx"
        # config=False: these reports use their own layout, not the company's.
        return self.env.ref(f"liangze_responsibility.{xmlid}").report_action(tasks, config=False)
