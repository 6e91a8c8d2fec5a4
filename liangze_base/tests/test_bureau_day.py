# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, datetime

from freezegun import freeze_time

from odoo.tests import TransactionCase, tagged

from .common import BUREAU_DAYS, BUREAU_INSTANTS, bureau_user


@tagged("post_install", "-at_install")
class TestBureauDay(TransactionCase):
    """One "today" for the bureau, whoever asks and whatever the server's zone."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.shanghai = bureau_user(cls.env, "bureau_day_shanghai")
        cls.brussels = bureau_user(cls.env, "bureau_day_brussels", tz="Europe/Brussels")
        cls.no_tz = bureau_user(cls.env, "bureau_day_no_tz", tz=False)

    def test_the_same_today_for_every_user_at_any_hour(self):
        for name, instant in BUREAU_INSTANTS.items():
            with self.subTest(name), freeze_time(instant):
                days = {
                    user.login: self.env["res.partner"].with_user(user)._bureau_today()
                    for user in (self.shanghai, self.brussels, self.no_tz)
                }
                days["superuser"] = self.env["res.partner"]._bureau_today()
                self.assertEqual(set(days.values()), {BUREAU_DAYS[name]}, days)

    def test_the_company_sets_the_zone(self):
        company = self.env.company
        with freeze_time(BUREAU_INSTANTS["20:30 UTC"]):
            self.assertEqual(self.env["res.partner"]._bureau_today(), date(2026, 3, 18))
            company.liangze_tz = "Europe/Brussels"
            self.assertEqual(self.env["res.partner"]._bureau_today(), date(2026, 3, 17))

    def test_a_stored_datetime_has_the_bureau_date(self):
        # A talk held at 07:00 in China is stored at 23:00 UTC the day before.
        partner = self.env["res.partner"].with_user(self.brussels)
        self.assertEqual(partner._bureau_date(datetime(2026, 3, 16, 23, 0)), date(2026, 3, 17))
        self.assertEqual(partner._bureau_date(date(2026, 3, 16)), date(2026, 3, 16))
        self.assertEqual(partner._bureau_utc(date(2026, 3, 17)), datetime(2026, 3, 16, 16, 0))
