# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import api, models


class LiangzeSupervisionDemo(models.AbstractModel):
    """Demo: the political supervision ledgers, worked through the product's own
    actions by the demo supervisor, with dates from the install day."""

    _name = "liangze.supervision.demo"
    _description = "Demo: Political Supervision"

    @api.model
    def _political_round(self, ledger_id):
        """The follow-up round held three weeks before the install day: one task behind,
        its problem handed over to rectification."""
        ledger = self.env["liangze.political.ledger"].browse(ledger_id)
        round_ = self.env["liangze.political.round"].browse(ledger.action_new_round()["res_id"])
        today = self._bureau_today()
        round_.write({"date": today - relativedelta(days=21), "note": "两项按计划推进，一项进度滞后。"})
        behind = round_.line_ids.sorted("id")[:1]
        behind.write(
            {
                "status": "behind",
                "progress": "任务分工方案尚未印发。",
                "problem": "改革任务分工方案未按时间表印发，任务未分解到岗。",
                "problem_due": today + relativedelta(days=14),
            }
        )
        (round_.line_ids - behind).write({"progress": "按路线图推进。"})
        round_.action_record()
        return True

    @api.model
    def _political_ledger_closed(self, ledger_id):
        """A ledger whose tasks were all reported done at its last round, then closed."""
        ledger = self.env["liangze.political.ledger"].browse(ledger_id)
        ledger.action_start()
        round_ = self.env["liangze.political.round"].browse(ledger.action_new_round()["res_id"])
        round_.write({"date": self._bureau_today() - relativedelta(days=7), "note": "各项任务均已完成。"})
        round_.line_ids.write({"status": "done", "progress": "已按要求完成并报送落实情况。"})
        round_.action_record()
        ledger.action_close()
        return True
