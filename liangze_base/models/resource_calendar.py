# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, datetime, time, timedelta

import pytz

from odoo import api, fields, models
from odoo.exceptions import UserError

# Where a request keeps its WorkdayCalendar objects (Odoo's per-cursor cache).
WORKDAY_CACHE_KEY = "liangze_workday_calendars"


class ResourceCalendar(models.Model):
    """Working days of a company calendar, with China's statutory holidays
    (as global leaves) and adjusted workdays (调休, weekend days worked)."""

    _inherit = "resource.calendar"

    liangze_adjusted_workday_ids = fields.One2many(
        "liangze.adjusted.workday", "calendar_id", string="Adjusted Workdays"
    )

    # -- the request's workday calendars ------------------------------------------------
    def _liangze_workdays(self):
        """This calendar's WorkdayCalendar, one per request (cursor) and calendar."""
        # An empty recordset (a company without calendar) works Monday to Friday.
        calendar = self[:1]
        cache = self.env.cr.cache.setdefault(WORKDAY_CACHE_KEY, {})
        if calendar.id not in cache:
            cache[calendar.id] = WorkdayCalendar(calendar)
        return cache[calendar.id]

    @api.model
    def _liangze_forget_workdays(self):
        """Holidays, adjusted workdays or working hours changed: read them again."""
        self.env.cr.cache.pop(WORKDAY_CACHE_KEY, None)

    def write(self, vals):
        res = super().write(vals)
        self._liangze_forget_workdays()
        return res

    # -- loading the statutory calendar ------------------------------------------
    @api.model
    def _cron_liangze_load_holidays(self):
        """Monthly, and at install: load last, this and next year for every company's calendar, as
        soon as the package knows them; already loaded days are skipped. A
        calendar that cannot be loaded (the package does not know this year
        yet) is set aside in the job failures, the others are loaded."""
        companies = self.env["res.company"].search([("resource_calendar_id", "!=", False)])
        return companies.resource_calendar_id._bureau_context()._bureau_each(
            "resource.calendar load holidays", lambda calendars: calendars.action_liangze_load_holidays()
        )

    def action_liangze_load_holidays(self):
        # Last year too: deadlines of last year's lists and clues still fall due in January.
        year = self._bureau_today().year
        for calendar in self:
            calendar._liangze_load_chinese_year(year - 1, missing_ok=True)
            calendar._liangze_load_chinese_year(year)
            calendar._liangze_load_chinese_year(year + 1, missing_ok=True)
        return True

    def _liangze_load_chinese_year(self, year, missing_ok=False):
        """Load one year from the chinese-calendar package. Idempotent: days
        already loaded are skipped, so a crashed or repeated run is harmless."""
        self.ensure_one()
        try:
            import chinese_calendar
        except ImportError as error:
            raise UserError(self.env._("The Python package chinese-calendar is not installed.")) from error
        start, end = date(year, 1, 1), date(year, 12, 31)
        try:
            holidays = chinese_calendar.get_holidays(start, end, include_weekends=False)
            workdays = chinese_calendar.get_workdays(start, end, include_weekends=True)
        except NotImplementedError as error:
            if missing_ok:
                return False
            raise UserError(
                self.env._("The chinese-calendar package does not know the holidays of %(year)s yet.", year=year)
            ) from error
        known = self._liangze_non_workdays(start, end)
        tz = pytz.timezone(self.tz or "Asia/Shanghai")
        leaves = []
        for day in holidays:
            if day in known:
                continue
            name = chinese_calendar.get_holiday_detail(day)[1] or self.env._("Statutory holiday")
            begin = tz.localize(datetime.combine(day, time.min)).astimezone(pytz.utc).replace(tzinfo=None)
            leaves.append(
                {
                    "name": self.env._("Statutory holiday: %(name)s", name=name),
                    "calendar_id": self.id,
                    "company_id": self.company_id.id or self.env.company.id,
                    "date_from": begin,
                    "date_to": begin + timedelta(hours=23, minutes=59, seconds=59),
                    "time_type": "leave",
                }
            )
        self.env["resource.calendar.leaves"].create(leaves)
        self._liangze_forget_workdays()
        existing = set(self.liangze_adjusted_workday_ids.mapped("date"))
        self.env["liangze.adjusted.workday"].create(
            [
                {"calendar_id": self.id, "date": day, "name": self.env._("Adjusted workday")}
                for day in workdays
                if day.weekday() >= 5 and day not in existing
            ]
        )
        return True

    # -- working-day arithmetic -----------------------------------------------------
    def _liangze_non_workdays(self, start, end):
        """Set of dates between start and end (inclusive) that are not worked."""
        self.ensure_one()
        worked_weekdays = {int(a.dayofweek) for a in self.attendance_ids} or {0, 1, 2, 3, 4}
        adjusted = set(
            self.env["liangze.adjusted.workday"]
            .search([("calendar_id", "=", self.id), ("date", ">=", start), ("date", "<=", end)])
            .mapped("date")
        )
        tz = pytz.timezone(self.tz or "Asia/Shanghai")
        off = set()
        leaves = self.env["resource.calendar.leaves"].search(
            [
                ("calendar_id", "=", self.id),
                ("resource_id", "=", False),
                ("date_from", "<=", datetime.combine(end, time.max)),
                ("date_to", ">=", datetime.combine(start, time.min) - timedelta(days=1)),
            ]
        )
        for leave in leaves:
            day = pytz.utc.localize(leave.date_from).astimezone(tz).date()
            last = pytz.utc.localize(leave.date_to).astimezone(tz).date()
            while day <= last:
                off.add(day)
                day += timedelta(days=1)
        day = start
        while day <= end:
            if day.weekday() not in worked_weekdays:
                off.add(day)
            day += timedelta(days=1)
        return {d for d in off if start <= d <= end and d not in adjusted}


class WorkdayCalendar:
    """Working-day arithmetic over one calendar, for any date and any span.

    The non-workdays are read a year at a time, when a day of that year is
    first asked about (two queries a year): days outside the statutory
    holidays loaded follow the calendar's working weekdays, and adjusted
    workdays (调休) count. Get it from ``company._liangze_workdays()``: one
    object per company and request, shared by every record. Without a
    calendar, Monday to Friday are the workdays."""

    def __init__(self, calendar):
        self.calendar = calendar
        self._off_by_year = {}

    def _off(self, year):
        if year not in self._off_by_year:
            start, end = date(year, 1, 1), date(year, 12, 31)
            if self.calendar:
                self._off_by_year[year] = self.calendar._liangze_non_workdays(start, end)
            else:
                days = (start + timedelta(days=n) for n in range((end - start).days + 1))
                self._off_by_year[year] = {day for day in days if day.weekday() >= 5}
        return self._off_by_year[year]

    def is_workday(self, day):
        return day not in self._off(day.year)

    def next_workday(self, day):
        while not self.is_workday(day):
            day += timedelta(days=1)
        return day

    def previous_workday(self, day):
        while not self.is_workday(day):
            day -= timedelta(days=1)
        return day

    def add_workdays(self, day, count):
        while count > 0:
            day += timedelta(days=1)
            if self.is_workday(day):
                count -= 1
        return day

    def subtract_workdays(self, day, count):
        while count > 0:
            day -= timedelta(days=1)
            if self.is_workday(day):
                count -= 1
        return day

    def workdays_between(self, start, end):
        """Workdays after ``start`` up to and including ``end`` (negative when end is before start)."""
        sign, (low, high) = (1, (start, end)) if start <= end else (-1, (end, start))
        days = (low + timedelta(days=n) for n in range(1, (high - low).days + 1))
        return sign * sum(1 for day in days if self.is_workday(day))
