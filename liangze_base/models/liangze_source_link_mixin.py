# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.exceptions import UserError


class LiangzeSourceLinkMixin(models.AbstractModel):
    """The record another record comes from (a deduction from a task, a case from a
    problem, a clue from a petition, a reason from a sanction): one link, opened as
    far as the user may read it."""

    _name = "liangze.source.link.mixin"
    _description = "Link to a Source Record"

    source_model = fields.Char(readonly=True)
    source_id = fields.Integer(string="Source ID", readonly=True)

    def _source(self):
        """The source record, or None when there is none (or no longer)."""
        self.ensure_one()
        if not self.source_model or self.source_model not in self.env:
            return None
        return self.env[self.source_model].browse(self.source_id).exists() or None

    def _source_to_open(self, source):
        """The record the "open source" button shows (e.g. a review's task)."""
        return source

    def _source_missing_message(self):
        return self.env._("No record is behind this one.")

    def action_open_source(self):
        """Open the source in its form, if the user may read it and this record (AccessError otherwise)."""
        self.ensure_one()
        self.check_access("read")
        source = self._source()
        if not source:
            raise UserError(self._source_missing_message())
        source = self._source_to_open(source)
        source.check_access("read")
        return {
            "type": "ir.actions.act_window",
            "res_model": source._name,
            "res_id": source.id,
            "view_mode": "form",
            "views": [(False, "form")],
        }
