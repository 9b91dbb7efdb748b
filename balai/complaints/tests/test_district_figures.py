"""The district's figures: per village, complaints received, open, overdue, escalated and
answered, with the average answer time in working days, by month; a bounded number of queries
whatever the number of villages; and the counts on the landing pages."""

from __future__ import annotations

from datetime import date

import pytest

from balai.complaints import services
from balai.complaints.escalation import complaints_escalate
from balai.complaints.models import ComplaintRules
from balai.complaints.selectors import district_figures, district_totals
from balai.complaints.tests.conftest import make_complaint
from balai.complaints.worklist import complaints_work
from balai.conftest import make_village
from balai.villages.worklist import DISTRICT, KECAMATAN, WorkScope

pytestmark = pytest.mark.django_db
NOV = date(2026, 11, 2)


def _answer(complaint, on, alice, monkeypatch):
    monkeypatch.setattr(services, "today", lambda: on)
    services.complaint_answer(
        complaint=complaint, reply="Ok", public_summary="", public_reply="", actor=alice
    )


def test_counts_and_average_per_village(dagan, bojongsari, alice, monkeypatch):
    a = make_complaint(dagan, received_on=NOV)
    b = make_complaint(dagan, received_on=NOV)
    make_complaint(dagan, received_on=NOV)  # stays open, escalated
    make_complaint(bojongsari, received_on=date(2026, 10, 1))
    make_complaint(dagan, received_on=NOV, text="slot gacor")  # held: not counted
    _answer(a, date(2026, 11, 4), alice, monkeypatch)  # 2 working days
    _answer(b, date(2026, 11, 9), alice, monkeypatch)  # 5 working days
    complaints_escalate(on=date(2026, 11, 9))
    figures = district_figures(month=None, on=date(2026, 11, 10))
    by_slug = {f.village.slug: f for f in figures}
    d = by_slug["dagan"]
    assert (d.received, d.open, d.overdue, d.escalated, d.answered) == (3, 1, 1, 1, 2)
    assert d.average_days == 3.5
    assert by_slug["bojongsari"].received == 1
    november = district_figures(month=date(2026, 11, 1), on=date(2026, 11, 10))
    assert [f.village.slug for f in november] == ["dagan"]
    totals = district_totals(figures)
    assert totals["received"] == 4 and totals["average_days"] == 3.5


def test_the_district_page_costs_the_same_queries_for_many_villages(login, dina, dagan):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    make_complaint(dagan, escalated=True)
    client = login(dina)
    client.get("/dasbor/kabupaten/pengaduan/")  # the session, the menus
    with CaptureQueriesContext(connection) as one:
        client.get("/dasbor/kabupaten/pengaduan/")
    for n, code in enumerate(["33.03.14.2006", "33.03.14.2001", "33.03.14.2002"]):
        make_complaint(make_village(code, f"desa-{n}"), escalated=True)
    client.get("/dasbor/kabupaten/pengaduan/")  # new villages moved the routes token
    with CaptureQueriesContext(connection) as four:
        response = client.get("/dasbor/kabupaten/pengaduan/")
    assert response.content.decode().count("/dasbor/kabupaten/pengaduan/") >= 5
    assert len(four) == len(one) <= 20


def test_the_district_admin_sets_the_rule(login, dina):
    client = login(dina)
    client.post("/dasbor/kabupaten/pengaduan/aturan/", {"escalate_after_days": "7"})
    assert ComplaintRules.objects.get().escalate_after_days == 7
    client.post("/dasbor/kabupaten/pengaduan/aturan/", {"escalate_after_days": "99"})
    assert ComplaintRules.objects.get().escalate_after_days == 7


def test_a_kecamatan_viewer_cannot_set_the_rule(login, kiki):
    response = login(kiki).post("/dasbor/kabupaten/pengaduan/aturan/", {"escalate_after_days": "7"})
    assert response.status_code == 404 and not ComplaintRules.objects.exists()


def test_the_landing_pages_count_open_and_overdue(dagan, bojongsari):
    make_complaint(dagan, received_on=NOV)  # long overdue
    make_complaint(dagan)
    make_complaint(bojongsari)
    (district,) = complaints_work(WorkScope(DISTRICT))
    assert (district.count, district.overdue) == (3, 1)
    (kecamatan,) = complaints_work(WorkScope(KECAMATAN, village_ids=(dagan.pk,)))
    assert (kecamatan.count, kecamatan.overdue) == (2, 1)
