# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import re

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.liangze_base.roles import SUPERVISOR

# Resident identity card: 17 digits and a digit or X.
ID_NUMBER = re.compile(r"^\d{17}[\dX]$")


class LiangzeCadre(models.Model):
    """What the integrity file needs of a cadre: identity, career, close relatives.

    The ID number and the relatives are the discipline officers' alone (field groups);
    every cadre has one integrity file, opened with the cadre."""

    _inherit = "liangze.cadre"
    _guard_past_dates = frozenset({"birth_date", "in_office_since"})

    id_number = fields.Char(string="ID Number", groups=SUPERVISOR, copy=False)
    birth_date = fields.Date(string="Date of Birth")
    in_office_since = fields.Date(help="Since when the cadre holds the present post.")
    appointment_ids = fields.One2many("liangze.cadre.appointment", "cadre_id", string="Appointments")
    relative_ids = fields.One2many(
        "liangze.cadre.relative", "cadre_id", string="Declared Close Relatives", groups=SUPERVISOR
    )
    integrity_file_ids = fields.One2many(
        "liangze.integrity.file", "cadre_id", string="Integrity Files", groups=SUPERVISOR
    )

    _id_number_uniq = models.Constraint("UNIQUE(id_number)", "This ID number already belongs to another cadre.")

    @api.constrains("id_number")
    def _check_id_number(self):
        for cadre in self.sudo():
            if cadre.id_number and not ID_NUMBER.match(cadre.id_number):
                raise ValidationError(
                    self.env._(
                        "The ID number of %(name)s has 18 characters: 17 digits, then a digit or X.", name=cadre.name
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("id_number"):
                vals["id_number"] = vals["id_number"].strip().upper()
        cadres = super().create(vals_list)
        self.env["liangze.integrity.file"]._for_cadres(cadres)
        if any(vals.get("user_id") for vals in vals_list):
            self._refresh_recusals()
        return cadres

    def write(self, vals):
        if vals.get("id_number"):
            vals = dict(vals, id_number=vals["id_number"].strip().upper())
        res = super().write(vals)
        if {"user_id", "active"} & vals.keys():
            self._refresh_recusals()
        return res

    @api.model
    def _refresh_recusals(self):
        """Who may not read which file is cached in record rules and on the users."""
        self.env["res.users"].invalidate_model(["liangze_recused_cadre_ids"])
        self.env.registry.clear_cache()

    def _recused_for(self):
        """The cadres whose files the people behind these cadres may not read:
        themselves, the relatives they declared, and whoever declared them."""
        if not self:
            return self
        Relative = self.env["liangze.cadre.relative"].sudo()
        declared = Relative.search([("cadre_id", "in", self.ids), ("relative_cadre_id", "!=", False)])
        declaring = Relative.search([("relative_cadre_id", "in", self.ids)])
        return self | declared.relative_cadre_id | declaring.cadre_id

    @api.model
    def _on_assessment_results_published(self, scheme):
        """The unit's grade and score into the files of its leaders."""
        res = super()._on_assessment_results_published(scheme)
        Entry = self.env["liangze.integrity.entry"].sudo()
        scores = self.env["liangze.assessment.score"].sudo().search([("scheme_id", "=", scheme.id)])
        leaders = self.sudo().search([("unit_id", "in", scores.unit_id.ids), ("leader_role", "!=", "staff")])
        by_unit = {score.unit_id: score for score in scores}
        for cadre in leaders:
            score = by_unit[cadre.unit_id]
            Entry._record(
                cadre,
                "assessment",
                score,
                name=self.env._("%(year)s assessment: %(unit)s", year=score.year, unit=score.unit_id.name),
                year=score.year,
                entry_date=self._bureau_today(),
                result=self.env._(
                    "%(grade)s, %(score)s points, rank %(rank)s",
                    grade=dict(score._fields["grade"]._description_selection(self.env)).get(score.grade, ""),
                    score=round(score.score, 2),
                    rank=score.rank,
                ),
            )
        return res

    def action_open_integrity_file(self):
        """The cadre's file, for the officers who may read it (record rules decide)."""
        self.ensure_one()
        file = self.env["liangze.integrity.file"].search([("cadre_id", "=", self.id)], limit=1)
        if not file:
            raise UserError(self.env._("You may not open the integrity file of %(name)s.", name=self.name))
        return file._form_action()
