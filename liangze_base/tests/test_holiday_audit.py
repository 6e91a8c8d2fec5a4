# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime

from odoo.tests import TransactionCase, tagged

from odoo.addons.liangze_base.roles import ADMIN

from .common import bureau_user


@tagged("post_install", "-at_install")
class TestHolidayAudit(TransactionCase):
    """A holiday moves every deadline: adding, moving or removing one is in the audit log,
    with who did it and the values before and after (issue "Confidential means
    confidential", item 11)."""

    def test_a_holiday_added_moved_and_removed_is_logged(self):
        # Who edits global holidays by hand: Odoo's own rule gives it to the settings administrators.
        admin = bureau_user(self.env, "lz_holiday_admin", groups=f"base.group_user,base.group_system,{ADMIN}")
        Leaves = self.env["resource.calendar.leaves"].with_user(admin)
        Log = self.env["auditlog.log"].sudo()
        holiday = Leaves.create(
            {
                "name": "调休",
                "calendar_id": self.env.company.resource_calendar_id.id,
                "date_from": datetime(2026, 10, 9, 0, 0),
                "date_to": datetime(2026, 10, 9, 23, 59),
            }
        )
        holiday.write({"date_from": datetime(2026, 10, 10, 0, 0), "date_to": datetime(2026, 10, 10, 23, 59)})
        holiday_id = holiday.id
        holiday.unlink()
        logs = Log.search([("model_model", "=", "resource.calendar.leaves"), ("res_id", "=", holiday_id)])
        self.assertEqual(sorted(logs.mapped("method")), ["create", "unlink", "write"])
        self.assertEqual(set(logs.mapped("user_id")), {admin})
        moved = logs.filtered(lambda log: log.method == "write").line_ids.filtered(
            lambda line: line.field_name == "date_from"
        )
        self.assertIn("2026-10-09", moved.old_value_text)
        self.assertIn("2026-10-10", moved.new_value_text)
