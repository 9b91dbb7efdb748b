"""Working days for the statutory clock of public-information requests (UU 14/2008,
Perki 1/2018): weekends, Indonesian national holidays and cuti bersama, and the local holidays
the district adds (LocalHoliday).

National holidays and cuti bersama come from python-holidays: its Indonesian calendar carries
the cuti bersama of each SKB 3 Menteri in the "government" category (2026 and 2027 included),
so no data file of our own is needed. "Working days" are Monday–Friday, as in village offices.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

import holidays


@lru_cache(maxsize=32)
def _national(year: int) -> frozenset[date]:
    days = holidays.country_holidays(
        "ID", years=year, categories=(holidays.PUBLIC, holidays.GOVERNMENT)
    )
    return frozenset(days.keys())


def _local() -> frozenset[date]:
    from balai.disclosure.models import LocalHoliday

    return frozenset(LocalHoliday.objects.values_list("date", flat=True))


def holiday_names(year: int) -> list[tuple[date, str]]:
    """National holidays and cuti bersama of a year with their Indonesian names."""
    days = holidays.country_holidays(
        "ID", years=year, categories=(holidays.PUBLIC, holidays.GOVERNMENT), language="id"
    )
    return sorted(days.items())


class WorkingCalendar:
    """A calendar with the local holidays read once (a page computes many deadlines)."""

    def __init__(self, local: frozenset[date] | None = None) -> None:
        self.local = _local() if local is None else local

    def is_working_day(self, day: date) -> bool:
        return day.weekday() < 5 and day not in _national(day.year) and day not in self.local

    def add_working_days(self, start: date, n: int) -> date:
        """The n-th working day after `start` (the day of receipt does not count); before it
        when n is negative."""
        step = timedelta(days=1 if n >= 0 else -1)
        day = start
        counted = 0
        while counted < abs(n):
            day += step
            if self.is_working_day(day):
                counted += 1
        return day

    def working_days_between(self, a: date, b: date) -> int:
        """Working days after `a` up to and including `b`; negative when b is before a."""
        if b < a:
            return -self.working_days_between(b, a)
        count = 0
        day = a
        while day < b:
            day += timedelta(days=1)
            if self.is_working_day(day):
                count += 1
        return count


def add_working_days(start: date, n: int) -> date:
    return WorkingCalendar().add_working_days(start, n)


def working_days_between(a: date, b: date) -> int:
    return WorkingCalendar().working_days_between(a, b)


def is_working_day(day: date) -> bool:
    return WorkingCalendar().is_working_day(day)
