# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import io

from odoo import fields, models
from odoo.exceptions import UserError

# Column headers understood, in Chinese and in English (case and spaces ignored).
HEADERS = {
    "name": {"姓名", "name"},
    "id_number": {"身份证号", "身份证号码", "公民身份号码", "idnumber", "id"},
    "unit": {"单位", "工作单位", "部门", "unit", "department"},
}


class LiangzeOpinionImport(models.TransientModel):
    """The persons of a request, from a spreadsheet: one row per person, with the
    name and, to tell namesakes apart, the ID number or the unit. Every row must
    match one cadre; otherwise nothing is imported and the rows are listed."""

    _name = "liangze.opinion.import"
    _description = "Import the Persons of an Integrity Opinion Request"

    request_id = fields.Many2one("liangze.opinion.request", required=True, ondelete="cascade")
    file = fields.Binary(string="Spreadsheet (XLSX)", required=True)
    file_name = fields.Char()

    def _rows(self):
        """[(row number, name, id number, unit)] of the sheet's filled rows."""
        import openpyxl

        try:
            book = openpyxl.load_workbook(io.BytesIO(base64.b64decode(self.file)), read_only=True, data_only=True)
        except Exception as error:
            raise UserError(self.env._("This file is not an XLSX spreadsheet.")) from error
        rows = book.worksheets[0].iter_rows(values_only=True)
        columns = None
        result = []
        for number, row in enumerate(rows, start=1):
            cells = ["" if value is None else str(value).strip() for value in row]
            if not any(cells):
                continue
            if columns is None:
                keys = ["".join(cell.split()).lower() for cell in cells]
                columns = {
                    field: next((i for i, key in enumerate(keys) if key in names), None)
                    for field, names in HEADERS.items()
                }
                if columns["name"] is None:
                    raise UserError(self.env._("The first row names the columns: 姓名 (Name), 身份证号, 单位."))
                continue

            values = [
                cells[columns[field]] if columns[field] is not None and columns[field] < len(cells) else ""
                for field in ("name", "id_number", "unit")
            ]
            result.append((number, values[0], values[1].upper(), values[2]))
        book.close()
        return result

    def action_import(self):
        self.ensure_one()
        request = self.request_id
        request._check_requester()
        if request.state != "draft":
            raise UserError(self.env._("The persons of a request are changed while it is a draft."))
        rows = self._rows()
        if not rows:
            raise UserError(self.env._("The spreadsheet lists nobody."))
        # Matched as the system: ID numbers are the discipline officers' to read, not to match against.
        Cadre = self.env["liangze.cadre"].sudo()
        company = [("company_id", "child_of", request.company_id.id)]
        by_number = {
            cadre.id_number: cadre
            for cadre in Cadre.search(company + [("id_number", "in", [r[2] for r in rows if r[2]])])
        }
        namesakes = {}
        for cadre in Cadre.search(company + [("name", "in", [r[1] for r in rows if r[1]])]):
            namesakes.setdefault(cadre.name, Cadre)
            namesakes[cadre.name] |= cadre
        listed = request.sudo().opinion_ids.cadre_id
        errors, found = [], {}
        for number, name, id_number, unit in rows:
            if id_number:
                cadre = by_number.get(id_number, Cadre)
                if not cadre or cadre.name != name:
                    errors.append(
                        self.env._("Row %(row)s: %(name)s, no cadre with this ID number.", row=number, name=name)
                    )
                    continue
            else:
                cadre = namesakes.get(name, Cadre)
                if unit:
                    cadre = cadre.filtered(
                        lambda c, u=unit: u in (c.unit_id.name, c.unit_id.complete_name, c.unit_id.code)
                    )
                if not cadre:
                    errors.append(self.env._("Row %(row)s: %(name)s, no such cadre.", row=number, name=name or "?"))
                    continue
                if len(cadre) > 1:
                    errors.append(
                        self.env._(
                            "Row %(row)s: %(name)s, several cadres of this name: give the ID number or the unit.",
                            row=number,
                            name=name,
                        )
                    )
                    continue
            if cadre in listed or cadre.id in found:
                errors.append(self.env._("Row %(row)s: %(name)s is listed twice.", row=number, name=name))
                continue
            found[cadre.id] = number
        if errors:
            raise UserError(self.env._("Nothing was imported; correct these rows:\n%(rows)s", rows="\n".join(errors)))
        sequence = max(request.sudo().opinion_ids.mapped("sequence") or [0])
        self.env["liangze.opinion"].create(
            [
                {"request_id": request.id, "cadre_id": cadre_id, "sequence": sequence + index}
                for index, cadre_id in enumerate(found, start=1)
            ]
        )
        return request._form_action()
