"""The statutory clock counts working days: no weekends, national holidays or cuti bersama
(python-holidays, Indonesia, public + government categories), nor the district's own holidays.
Expected deadlines below were counted by hand on the 2026 and 2027 SKB 3 Menteri calendars."""

from __future__ import annotations

from datetime import date

import pytest

from balai.disclosure.calendar import (
    add_working_days,
    holiday_names,
    is_working_day,
    working_days_between,
)
from balai.disclosure.models import LocalHoliday

pytestmark = pytest.mark.django_db

CASES = [
    # received, n, due, what it crosses
    (date(2026, 3, 16), 10, date(2026, 4, 7), "Nyepi, Idul Fitri + cuti bersama, Wafat Isa"),
    (date(2026, 2, 13), 10, date(2026, 3, 3), "Tahun Baru Imlek + cuti bersama"),
    (date(2026, 12, 21), 10, date(2027, 1, 8), "Natal + cuti, Tahun Baru, Isra Mikraj 2027"),
    (date(2027, 5, 14), 10, date(2027, 6, 4), "Idul Adha, Waisak + cuti, Hari Lahir Pancasila"),
    (date(2027, 3, 5), 10, date(2027, 3, 31), "Nyepi, Idul Fitri 2027 + cuti, Wafat Isa"),
    (date(2026, 8, 14), 10, date(2026, 9, 1), "Hari Kemerdekaan, Maulid Nabi"),
    (date(2026, 10, 7), 10, date(2026, 10, 21), "two weekends only"),
    (date(2026, 10, 10), 10, date(2026, 10, 23), "received on a Saturday"),
    (date(2026, 4, 7), 7, date(2026, 4, 16), "the 7-day extension"),
]


@pytest.mark.parametrize(("received", "n", "due", "crosses"), CASES)
def test_deadline_skips_weekends_and_holidays(received, n, due, crosses):
    assert add_working_days(received, n) == due, crosses


@pytest.mark.parametrize(("received", "n", "due", "crosses"), CASES)
def test_working_days_between_counts_back_the_same_days(received, n, due, crosses):
    assert working_days_between(received, due) == n
    assert working_days_between(due, received) == -n


@pytest.mark.parametrize(
    ("day", "name_part"),
    [
        (date(2026, 3, 21), "Idul Fitri"),
        (date(2026, 3, 23), "Cuti Bersama"),
        (date(2026, 2, 17), "Imlek"),
        (date(2026, 3, 19), "Nyepi"),
        (date(2026, 5, 31), "Waisak"),
        (date(2026, 12, 24), "Cuti Bersama"),
        (date(2027, 3, 10), "Idul Fitri"),
        (date(2027, 5, 19), "Cuti Bersama"),
    ],
)
def test_the_library_knows_the_holidays_the_cases_rely_on(day, name_part):
    names = dict(holiday_names(day.year))
    assert name_part.lower() in names[day].lower()
    assert not is_working_day(day)


def test_a_district_holiday_moves_the_deadline():
    assert add_working_days(date(2026, 10, 7), 10) == date(2026, 10, 21)
    LocalHoliday.objects.create(date=date(2026, 10, 12), name="Hari Jadi Kabupaten")
    assert add_working_days(date(2026, 10, 7), 10) == date(2026, 10, 22)


def test_an_ordinary_weekday_is_a_working_day_and_a_weekend_is_not():
    assert is_working_day(date(2026, 10, 7))
    assert not is_working_day(date(2026, 10, 10))
    assert not is_working_day(date(2026, 10, 11))


def test_counting_back_skips_the_weekend():
    monday = date(2026, 11, 30)
    assert add_working_days(monday, -1) == date(2026, 11, 27)  # Friday
    assert add_working_days(date(2026, 11, 27), 1) == monday
