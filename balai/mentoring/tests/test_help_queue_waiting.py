"""The help queue puts what waits first: open requests oldest first above answered and resolved
ones, each flagged when unanswered past the escalation time, with a one-line excerpt."""

from __future__ import annotations

from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from balai.mentoring.models import HelpReply, HelpRequest
from balai.mentoring.selectors import help_waiting_counts
from balai.mentoring.services import ESCALATE_AFTER

QUEUE = reverse("mentoring_district_dashboard:queue")


def ask(village, author, message: str, *, hours_ago: float, **fields) -> HelpRequest:
    row = HelpRequest.objects.create(
        village=village, author=author, topic=HelpRequest.Topic.NEWS, message=message, **fields
    )
    HelpRequest.objects.filter(pk=row.pk).update(
        created_at=timezone.now() - timedelta(hours=hours_ago)
    )
    row.refresh_from_db()
    return row


def test_waiting_requests_come_first_oldest_first_and_late_ones_are_flagged(
    login, maya, dagan, alice
):
    answered = ask(dagan, alice, "Sudah dijawab", hours_ago=200, status="answered")
    recent = ask(dagan, alice, "Baru saja bertanya", hours_ago=1)
    late = ask(dagan, alice, "Foto berita\ntidak muncul di beranda", hours_ago=72)
    resolved = ask(dagan, alice, "Selesai", hours_ago=300, status="resolved")
    response = login(maya).get(QUEUE)
    rows = [r for r, _hours in response.context["rows"]]
    assert rows == [late, recent, answered, resolved]
    assert [r.is_overdue for r in rows] == [True, False, False, False]
    html = response.content.decode()
    assert "Foto berita tidak muncul di beranda" in html  # one line
    assert html.count("Lewat batas</span>") == 1


def test_the_overdue_filter_lists_only_late_requests_of_ones_own_villages(
    login, maya, dagan, alice, bojongsari, charlie
):
    late = ask(dagan, alice, "Lama menunggu", hours_ago=60)
    ask(dagan, alice, "Baru", hours_ago=2)
    ask(bojongsari, charlie, "Desa lain, lama", hours_ago=90)
    response = login(maya).get(QUEUE, {"terlambat": "1"})
    assert [r for r, _h in response.context["rows"]] == [late]
    assert response.context["late"] == 1
    assert "Desa lain" not in response.content.decode()


def test_an_askers_reply_after_an_answer_restarts_the_wait(dagan, alice, maya):
    row = ask(dagan, alice, "Tanya", hours_ago=100, status="open")
    row.first_answer_at = timezone.now() - timedelta(hours=90)
    row.save(update_fields=["first_answer_at"])
    reply = HelpReply.objects.create(request=row, author=alice, message="Masih gagal")
    HelpReply.objects.filter(pk=reply.pk).update(created_at=timezone.now() - timedelta(hours=3))
    assert help_waiting_counts(village_ids=[dagan.pk]) == {"waiting": 1, "overdue": 0}
    HelpReply.objects.filter(pk=reply.pk).update(
        created_at=timezone.now() - ESCALATE_AFTER - timedelta(hours=1)
    )
    assert help_waiting_counts(village_ids=[dagan.pk]) == {"waiting": 1, "overdue": 1}


def test_the_village_list_is_ordered_the_same_way(login, alice, dagan):
    answered = ask(dagan, alice, "Dijawab", hours_ago=5, status="answered")
    waiting = ask(dagan, alice, "Menunggu", hours_ago=50)
    url = reverse("mentoring_dashboard:help_list", kwargs={"slug": "dagan"})
    response = login(alice).get(url)
    assert list(response.context["page"]) == [waiting, answered]
    assert "Lewat batas" in response.content.decode()


def test_the_queue_costs_the_same_queries_for_5_or_40_requests(
    login, dina, dagan, alice, django_assert_num_queries
):
    for n in range(5):
        ask(dagan, alice, f"Permintaan {n}", hours_ago=n * 20)
    client = login(dina)
    client.get(QUEUE)
    with CaptureQueriesContext(connection) as few:
        client.get(QUEUE)
    for n in range(35):
        ask(dagan, alice, f"Lagi {n}", hours_ago=n)
    with django_assert_num_queries(len(few.captured_queries)):
        client.get(QUEUE)
