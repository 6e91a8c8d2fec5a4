# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class LiangzeSummonsTalk(models.Model):
    """A summons talk held goes into the files of the cadres summoned."""

    _inherit = "liangze.summons.talk"

    def action_held(self):
        res = super().action_held()
        self._record_in_files()
        return res

    def action_close(self):
        res = super().action_close()
        self._record_in_files()
        return res

    def _record_in_files(self):
        Entry = self.env["liangze.integrity.entry"]
        for talk in self.sudo():
            for cadre in talk.cadre_ids:
                Entry._record(
                    cadre,
                    "talk",
                    talk,
                    name=talk.name,
                    talk_kind="summons",
                    # The bureau's date of the talk: one held at 07:00 in China is not the day before.
                    entry_date=talk._bureau_date(talk.talk_date) or talk.held_on,
                    year=(talk._bureau_date(talk.talk_date) or talk.held_on).year,
                    summary=talk.reason,
                    minutes=talk.minutes,
                    result=talk.follow_up,
                )
