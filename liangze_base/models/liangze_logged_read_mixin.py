# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


def read_write(method):
    """Served on a read-write cursor: the read writes its access log (OCA auditlog)."""
    method._readonly = False
    return method


class LiangzeLoggedReadMixin(models.AbstractModel):
    """Records whose every read is logged: the web client's reads of them run in
    a read-write transaction (Odoo sends reads to read-only ones, where the log
    could not be written), so that the log is written at once, without a retry."""

    _name = "liangze.logged.read.mixin"
    _description = "Logged Reads"

    # The field naming the cadres a record is about: its access log names them too, so
    # that a log stays out of the sight of those it concerns (record rules of the log).
    _confidential_cadre_field = None

    @read_write
    def read(self, fields=None, load="_classic_read"):
        return super().read(fields=fields, load=load)

    @api.model
    @read_write
    def search_read(self, domain=None, fields=None, offset=0, limit=None, order=None, **read_kwargs):
        # Through read(), so that this channel is logged too.
        records = self.search(domain or [], offset=offset, limit=limit, order=order)
        return records.read(fields, **read_kwargs) if records else []

    @read_write
    def web_read(self, specification):
        return super().web_read(specification)

    @api.model
    @read_write
    def web_search_read(self, domain, specification, offset=0, limit=None, order=None, count_limit=None):
        return super().web_search_read(
            domain, specification, offset=offset, limit=limit, order=order, count_limit=count_limit
        )
