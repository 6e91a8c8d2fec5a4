# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime

from odoo import models


class BaseOfficialDate(models.AbstractModel):
    """A date as official documents write it, on every model (reports call it on
    whatever record they print)."""

    _inherit = "base"

    def _official_date(self, value):
        """In Chinese 2026年11月23日 (GB/T 9704), whatever the date format of the
        language; a stored datetime gives the bureau's date."""
        if not value:
            return ""
        if isinstance(value, datetime):
            value = self._bureau_date(value)
        return self.env._("%(month)s/%(day)s/%(year)s", year=value.year, month=value.month, day=value.day)
