# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models
from odoo.exceptions import UserError


class LiangzeOfficialDocument(models.AbstractModel):
    """An official document (公文) numbered in its issuer's series (发文字号): one
    yearly, gapless series per discipline body, or one per kind of document
    (``liangze.document.series``). A model declares where the issuer and the number
    are and its kind; its issuing action takes the number from here, never from a
    sequence of its own. Its print uses ``liangze_base.official_head`` and
    ``official_signoff`` (report/liangze_official_document.xml), its dates
    ``_official_date``."""

    _name = "liangze.official.document"
    _description = "Official Document"

    # The kind of document in the issuer's series (a value of liangze.document.series.kind).
    _document_kind = "all"
    # The discipline body issuing it (a liangze.unit) and the field holding its number;
    # the number is a workflow field of the record guard (written by the issuing action only).
    _document_issuer_field = "issuer_unit_id"
    _document_number_field = "document_number"

    def _next_document_number(self, day):
        """The next number of this document's series for the year of ``day`` (given for good)."""
        self.ensure_one()
        issuer = self.sudo()[self._document_issuer_field]
        if not issuer:
            raise UserError(self.env._("Choose the discipline body issuing %(doc)s first.", doc=self.display_name))
        return issuer._document_sequence(self._document_kind).next_by_id(sequence_date=day)
