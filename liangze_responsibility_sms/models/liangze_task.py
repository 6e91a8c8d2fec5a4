# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class LiangzeTask(models.Model):
    _inherit = "liangze.task"

    def _deadline_remind(self, level):
        """The responsible user also gets the yellow reminder by SMS, when
        their contact has a mobile number."""
        res = super()._deadline_remind(level)
        if level != "yellow":
            return res
        for task in self:
            partner = task.responsible_user_id.partner_id
            if partner.phone_sanitized:
                task._message_sms_with_template(
                    template_xmlid="liangze_responsibility_sms.sms_template_liangze_task_yellow",
                    partner_ids=partner.ids,
                )
        return res
