"""The working-day clock of the PPID's calendar: weekends, national holidays and the district's
local holidays stop it; the queue warns two working days before the limit and marks it overdue
at the limit."""

from __future__ import annotations

from datetime import date

import pytest

from balai.complaints import services
from balai.complaints.models import ComplaintRules
from balai.complaints.selectors import complaint_queue
from balai.complaints.tests.conftest import make_complaint
from balai.disclosure.models import LocalHoliday

pytestmark = pytest.mark.django_db
MONDAY = date(2026, 11, 2)


def test_the_limit_skips_weekends_and_local_holidays(dagan):
    assert make_complaint(dagan, received_on=MONDAY).due_on == date(2026, 11, 9)
    LocalHoliday.objects.create(date=date(2026, 11, 4), name="Hari Jadi Kabupaten")
    assert make_complaint(dagan, received_on=MONDAY).due_on == date(2026, 11, 10)


def test_the_limit_follows_the_district_rule(dagan):
    ComplaintRules.objects.create(escalate_after_days=10)
    assert make_complaint(dagan, received_on=MONDAY).due_on == date(2026, 11, 16)


def test_national_holidays_stop_the_clock(dagan):
    # 25 December 2026 (Friday) is Christmas; 24 December is cuti bersama.
    # Tuesday 22 → 23, 28, 29, 30, 31 December.
    assert make_complaint(dagan, received_on=date(2026, 12, 22)).due_on == date(2026, 12, 31)


@pytest.mark.parametrize(
    ("on", "warned", "overdue"),
    [
        (date(2026, 11, 4), False, False),  # 2 working days waited, 3 left
        (date(2026, 11, 5), True, False),  # 2 left: warn (N-2)
        (date(2026, 11, 6), True, False),  # 1 left
        (date(2026, 11, 9), False, True),  # the 5th working day: overdue
    ],
)
def test_the_queue_warns_at_n_minus_two_and_marks_overdue_at_n(dagan, on, warned, overdue):
    make_complaint(dagan, received_on=MONDAY)
    (row,) = complaint_queue(dagan, on=on)
    assert (row.is_warned, row.is_overdue) == (warned, overdue)


def test_the_dashboard_shows_the_warning(login, dagan, alice, monkeypatch):
    make_complaint(dagan, received_on=MONDAY)
    monkeypatch.setattr(services, "today", lambda: date(2026, 11, 5))
    html = login(alice).get("/dasbor/dagan/pengaduan/").content.decode()
    assert "2 hari kerja lagi" in html and "complaint-warn" in html


def test_the_queue_puts_the_longest_waiting_first(dagan):
    late = make_complaint(dagan, received_on=MONDAY)
    new = make_complaint(dagan, received_on=date(2026, 11, 5))
    assert [r.complaint for r in complaint_queue(dagan, on=date(2026, 11, 6))] == [late, new]


def test_the_answer_time_is_counted_in_working_days(dagan, alice, monkeypatch):
    complaint = make_complaint(dagan, received_on=date(2026, 11, 6))  # a Friday
    monkeypatch.setattr(services, "today", lambda: date(2026, 11, 10))  # the next Tuesday
    services.complaint_answer(
        complaint=complaint, reply="Ok", public_summary="", public_reply="", actor=alice
    )
    assert complaint.response_days == 2
