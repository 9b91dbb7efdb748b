"""The review queue: submitted applications waiting longest first, flagged past the promised
wait (REVIEW_WORKING_DAYS working days), each with a one-line summary."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from django.urls import reverse
from django.utils import timezone

from balai.registrations.models import ApplicationEvent
from balai.registrations.selectors import application_queue, review_cutoff
from balai.registrations.services import application_request_revision, application_resubmit
from balai.registrations.tests.conftest import BOKOL, KARANGSARI, file_application


def sent_days_ago(application, days: int) -> None:
    when = timezone.now() - timedelta(days=days)
    application.events.update(created_at=when)
    type(application).objects.filter(pk=application.pk).update(created_at=when)


def test_five_working_days_skip_the_weekend_and_holidays(db):
    # Friday 11 December 2026: five working days back is Friday 4 December.
    assert review_cutoff(date(2026, 12, 11)).date() == date(2026, 12, 4)
    # Monday 14 December: the weekend does not count, so Monday 7 December.
    assert review_cutoff(date(2026, 12, 14)).date() == date(2026, 12, 7)
    # Christmas (Friday 25 December 2026) is no working day either.
    assert review_cutoff(date(2026, 12, 28)).date() < date(2026, 12, 21)


def test_the_longest_waiting_come_first_and_the_late_ones_are_flagged(login, dina, db):
    late = file_application(BOKOL)
    sent_days_ago(late, 12)
    fresh = file_application(KARANGSARI)
    response = login(dina).get(reverse("review:queue"))
    rows = list(response.context["applications"])
    assert rows == [late, fresh]
    assert [a.is_overdue for a in rows] == [True, False]
    html = response.content.decode()
    assert "Slamet Riyadi, sekretaris desa / kelurahan · /desa/bokol/" in html
    assert html.count("Lewat batas</span>") == 1
    only_late = login(dina).get(reverse("review:queue"), {"terlambat": "1"})
    assert list(only_late.context["applications"]) == [late]


def test_a_resubmitted_application_waits_from_its_resubmission(dina, db):
    application = file_application(BOKOL)
    sent_days_ago(application, 30)
    application_request_revision(application=application, admin=dina, message="Cap kurang.")
    application.refresh_from_db()
    application_resubmit(
        application=application,
        applicant_name=application.applicant_name,
        applicant_position=application.applicant_position,
        whatsapp=application.whatsapp,
        email=application.email,
        wanted_slug=application.wanted_slug,
        existing_domain="",
        letter=None,
    )
    (row,) = application_queue()
    assert row.waiting_since > timezone.now() - timedelta(minutes=5)
    assert not row.is_overdue
    assert application.events.filter(kind=ApplicationEvent.Kind.RESUBMITTED).exists()


def test_a_request_for_revision_is_not_the_districts_delay(dina, db):
    application = file_application(BOKOL)
    sent_days_ago(application, 30)
    application_request_revision(application=application, admin=dina, message="Cap kurang.")
    (row,) = application_queue()
    assert not row.is_overdue


def test_the_queue_costs_the_same_queries_for_2_or_8_applications(
    login, dina, db, django_assert_max_num_queries
):
    assert isinstance(review_cutoff(date.today()), datetime)
    file_application(BOKOL)
    client = login(dina)
    client.get(reverse("review:queue"))
    with django_assert_max_num_queries(8):
        client.get(reverse("review:queue"))
    for code in ("33.03.01.2003", "33.03.01.2004", "33.03.01.2005", "33.03.01.2006"):
        file_application(code)
    with django_assert_max_num_queries(8):
        assert client.get(reverse("review:queue")).content.decode().count("Slamet Riyadi") == 5
