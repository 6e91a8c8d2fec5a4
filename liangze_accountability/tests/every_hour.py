# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The bureau's clock as a person in China reads it, computed here without the
product's helpers, for the tests run at every instant of ``BUREAU_INSTANTS``."""

from datetime import datetime, time

import pytz

from odoo.addons.liangze_base.tests.common import BUREAU_INSTANTS, BUREAU_TZ

# Whoever computes a date: a user of the bureau, a user who never set a time zone
# (Odoo then reads UTC), a user whose preferences say Brussels (as the superuser's do).
ACTOR_TIME_ZONES = ("Asia/Shanghai", False, "Europe/Brussels")


def china_day(instant):
    """The date on the calendars of the bureau at the UTC ``instant``."""
    return pytz.utc.localize(instant).astimezone(pytz.timezone(BUREAU_TZ)).date()


def china_time(day, hour, minute=0):
    """The UTC instant (naive, as freeze_time takes it) of ``hour:minute`` in China on ``day``."""
    local = pytz.timezone(BUREAU_TZ).localize(datetime.combine(day, time(hour, minute)))
    return local.astimezone(pytz.utc).replace(tzinfo=None)


def actor_instants():
    """(time zone, name, instant): every instant for a user of the bureau, and for the
    others the instants where the UTC day is not the bureau's (where they would part)."""
    for tz in ACTOR_TIME_ZONES:
        for name, instant in BUREAU_INSTANTS.items():
            if tz == BUREAU_TZ or china_day(instant) != instant.date():
                yield tz, name, instant


def as_actor(record, user, tz):
    """``record`` as ``user`` whose preferences give ``tz``, with the context the web client sends."""
    user.sudo().tz = tz
    # No tz in the context (False) falls back to the user's, as for a user without one.
    return record.with_user(user).with_context(tz=tz or False)
