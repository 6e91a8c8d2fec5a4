# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What every liangze test shares: users who live in the bureau's day, and the
instants at which date-sensitive tests are run."""

from datetime import date, datetime

from odoo.tests import new_test_user

BUREAU_TZ = "Asia/Shanghai"

# UTC instants the date-sensitive tests run at (freezegun's freeze_time takes them):
# each is a moment where the bureau's day and the UTC day, or the workday and the
# calendar day, part ways.
BUREAU_INSTANTS = {
    # An ordinary Tuesday, early and late in UTC (11:30, and 04:30 the next day in China).
    "03:30 UTC": datetime(2026, 3, 17, 3, 30),
    "20:30 UTC": datetime(2026, 3, 17, 20, 30),
    # 31 December 23:30 and 1 January 00:10 in China.
    "new year's eve 23:30 in China": datetime(2026, 12, 31, 15, 30),
    "new year's day 00:10 in China": datetime(2026, 12, 31, 16, 10),
    # The eve of the Spring Festival (除夕, 16 February 2026, a holiday), 10:00 in China.
    "spring festival eve": datetime(2026, 2, 16, 2, 0),
    # 10 October 2026: a Saturday that is a workday (调休 of National Day), 09:00 in China.
    "adjusted workday saturday": datetime(2026, 10, 10, 1, 0),
    # 29 February 2028, 09:00 in China.
    "leap day": datetime(2028, 2, 29, 1, 0),
    # 30 September 2026, the last workday before National Day, 17:00 in China.
    "eve of national day": datetime(2026, 9, 30, 9, 0),
}


# The bureau's day (Asia/Shanghai) at each of those instants.
BUREAU_DAYS = {
    "03:30 UTC": date(2026, 3, 17),
    "20:30 UTC": date(2026, 3, 18),
    "new year's eve 23:30 in China": date(2026, 12, 31),
    "new year's day 00:10 in China": date(2027, 1, 1),
    "spring festival eve": date(2026, 2, 16),
    "adjusted workday saturday": date(2026, 10, 10),
    "leap day": date(2028, 2, 29),
    "eve of national day": date(2026, 9, 30),
}
# The first workday after the bureau's day, where the statutory calendar decides it.
NEXT_WORKDAY = {
    "03:30 UTC": date(2026, 3, 18),
    "20:30 UTC": date(2026, 3, 19),
    # The Spring Festival holiday runs from 15 to 23 February 2026.
    "spring festival eve": date(2026, 2, 24),
    # Saturday 10 October is worked; Sunday 11 is not.
    "adjusted workday saturday": date(2026, 10, 12),
    "leap day": date(2028, 3, 1),
    # National Day: 1 to 7 October 2026 off.
    "eve of national day": date(2026, 10, 8),
}


def bureau_user(env, login, groups="base.group_user", **values):
    """``new_test_user`` with the bureau's time zone, as real users have it."""
    values.setdefault("tz", BUREAU_TZ)
    return new_test_user(env, login=login, groups=groups, **values)
