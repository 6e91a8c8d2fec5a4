# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

# Kinds of numbered documents: each addon adds its own (``document_kinds``) with the
# character added to the body's prefix when each kind has its own series
# (X税纪建 → X税纪建提〔2026〕1号), in ``_kind_suffixes``.
KINDS = [("all", "Every document")]


def document_kinds(*kinds):
    """The ``kind`` field an addon declares on ``liangze.document.series`` to add the
    kinds of its documents, ``(value, label)`` pairs; their series go with the addon."""
    return fields.Selection(
        selection_add=list(kinds), ondelete=dict.fromkeys((value for value, _label in kinds), "cascade")
    )


class LiangzeDocumentSeries(models.Model):
    """A discipline body's number series (发文字号): one for every document, or
    one per kind of document, each with its own prefix; yearly and gapless."""

    _name = "liangze.document.series"
    _description = "Document Number Series"
    _inherit = ["liangze.record.guard"]
    _order = "issuer_unit_id, kind"

    _guard_state_field = None
    _guard_workflow_fields = frozenset({"sequence_id"})
    _guard_fixed_fields = frozenset({"issuer_unit_id", "kind"})

    issuer_unit_id = fields.Many2one(
        "liangze.unit",
        string="Discipline Body",
        required=True,
        ondelete="cascade",
        index=True,
        domain="[('unit_type', '=', 'discipline_body')]",
    )
    kind = fields.Selection(KINDS, required=True, default="all")
    prefix = fields.Char(help="Printed before the year, e.g. X税纪建 gives X税纪建〔2026〕3号.")
    sequence_id = fields.Many2one("ir.sequence", readonly=True, copy=False)
    next_number = fields.Integer(related="sequence_id.number_next_actual", string="Next Number")

    _issuer_kind_uniq = models.Constraint(
        "UNIQUE(issuer_unit_id, kind)", "This discipline body already has a number series for this kind."
    )

    def _full_prefix(self):
        self.ensure_one()
        unit = self.issuer_unit_id
        base = self.prefix or unit.document_prefix or unit.code or unit.name
        if not self.prefix and self.kind != "all":
            base += self._kind_suffix()
        return f"{base}〔%(range_year)s〕"

    def _kind_suffix(self):
        """The character of the series' kind added to the body's prefix."""
        return self._kind_suffixes().get(self.kind, "")

    def _kind_suffixes(self):
        """``{kind: character}``: each addon adds its kinds' (``{**super()._kind_suffixes(), ...}``)."""
        return {}

    def write(self, vals):
        res = super().write(vals)
        if "prefix" in vals:
            for series in self.filtered("sequence_id"):
                series.sequence_id.sudo().prefix = series._full_prefix()
        return res

    def _sequence(self):
        """The series' ir.sequence, created on first use."""
        self.ensure_one()
        series = self._guard_sudo()
        if not series.sequence_id:
            series.sequence_id = (
                self.env["ir.sequence"]
                .sudo()
                .create(
                    {
                        "name": self.env._(
                            "Document numbers of %(unit)s: %(kind)s",
                            unit=series.issuer_unit_id.complete_name,
                            kind=dict(self._fields["kind"]._description_selection(self.env))[series.kind],
                        ),
                        "code": "liangze.document.number",
                        "prefix": series._full_prefix(),
                        "suffix": "号",
                        "padding": 1,
                        "number_increment": 1,
                        "implementation": "no_gap",
                        "use_date_range": True,
                        "company_id": series.issuer_unit_id.company_id.id,
                    }
                )
            )
        return series.sequence_id

    @api.model
    def _for(self, issuer, kind):
        """The series numbering a document of ``kind`` issued by ``issuer``."""
        kind = kind if issuer.document_numbering == "per_kind" else "all"
        Series = self._guard_sudo()
        series = Series.search([("issuer_unit_id", "=", issuer.id), ("kind", "=", kind)], limit=1)
        return series or Series.create({"issuer_unit_id": issuer.id, "kind": kind})
