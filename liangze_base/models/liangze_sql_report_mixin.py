# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models, tools
from odoo.tools import SQL


class LiangzeSqlReportMixin(models.AbstractModel):
    """A statistics model read from a SQL view (the counts of accountability, of clues,
    of integrity opinions, the four forms, the cascade of a guidance list): read only,
    under the record guard like every liangze model. The model declares ``_auto =
    False`` (Odoo takes it from the model's own class), its fields, the ``_depends``
    flushed before the view is read, and its SELECT in ``_report_query()``; the view is
    dropped and created again at each install or update, here."""

    _name = "liangze.sql.report.mixin"
    _description = "Statistics from a SQL View"
    _inherit = ["liangze.record.guard"]
    _auto = False

    _guard_state_field = None

    def _report_query(self):
        """The view's SELECT (an ``odoo.tools.SQL``; a literal ``%`` is written ``%%``), one
        row per record of the model, with an ``id`` column."""
        raise NotImplementedError

    def init(self):
        if self._abstract:
            return
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(SQL("CREATE VIEW %s AS (%s)", SQL.identifier(self._table), self._report_query()))
