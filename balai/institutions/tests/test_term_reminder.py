"""A term that ends within 90 days, or has ended, is on the village dashboard's checklist with
a link to renew it; other terms are not."""

from __future__ import annotations

import datetime

from django.utils import timezone

from balai.institutions.selectors import term_checklist
from balai.institutions.tests.conftest import make_institution


def days(n: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=n)


def test_terms_ending_within_ninety_days_or_ended_are_reminded(dagan):
    ending = make_institution(dagan, "Karang Taruna", kind="karang_taruna", period_end=days(90))
    ended = make_institution(dagan, "Posyandu", kind="posyandu", period_end=days(-3))
    make_institution(dagan, "BPD", period_end=days(91))
    make_institution(dagan, "LPM", kind="lpm")  # no end date: nothing to remind
    items = term_checklist(dagan)
    assert [item.key for item in items] == [
        f"institution-term-{ended.pk}",
        f"institution-term-{ending.pk}",
    ]
    assert items[0].label.startswith("Masa bakti Posyandu sudah berakhir")
    assert items[1].label.startswith("Masa bakti Karang Taruna berakhir")
    assert not any(item.done for item in items)
    assert items[1].fix_url == f"/dasbor/dagan/lembaga/{ending.pk}/ubah/"


def test_the_dashboard_checklist_shows_the_reminder_and_renewing_clears_it(
    client, alice, dagan, bojongsari
):
    inst = make_institution(
        dagan,
        "Karang Taruna Tunas Muda",
        kind="karang_taruna",
        period_start=days(-1800),
        period_end=days(20),
    )
    make_institution(bojongsari, "BPD Bojongsari", period_end=days(5))
    client.force_login(alice)
    html = client.get("/dasbor/dagan/").content.decode()
    assert "Masa bakti Karang Taruna Tunas Muda berakhir" in html
    assert f'href="/dasbor/dagan/lembaga/{inst.pk}/ubah/"' in html
    assert "BPD Bojongsari" not in html
    assert '<progress max="12"' in html
    client.post(
        f"/dasbor/dagan/lembaga/{inst.pk}/ubah/",
        {
            "kind": "karang_taruna",
            "name": inst.name,
            "period_start": days(21).isoformat(),
            "period_end": days(21 + 5 * 365).isoformat(),
        },
    )
    html = client.get("/dasbor/dagan/").content.decode()
    assert "Masa bakti Karang Taruna" not in html
    assert '<progress max="11"' in html


def test_the_reminder_costs_one_query(dagan, django_assert_num_queries):
    for i in range(5):
        make_institution(dagan, f"RT {i}", kind="rt", period_end=days(i))
    with django_assert_num_queries(1):
        assert len(term_checklist(dagan)) == 5


def test_a_mentor_sees_the_ending_terms_of_the_villages_assigned_to_them(
    client, maya, dagan, bojongsari, django_assert_max_num_queries
):
    from balai.institutions.worklist import term_work
    from balai.villages.worklist import DISTRICT, MENTOR, WorkScope

    make_institution(dagan, "Karang Taruna", kind="karang_taruna", period_end=days(30))
    make_institution(dagan, "Posyandu", kind="posyandu", period_end=days(-10))
    make_institution(dagan, "BPD", period_end=days(400))
    make_institution(bojongsari, "BPD Bojongsari", period_end=days(3))  # not maya's village
    with django_assert_max_num_queries(2):
        (item,) = term_work(WorkScope(MENTOR, village_ids=(dagan.pk,)))
    assert (item.count, item.overdue) == (2, 1)
    assert item.href == "/dasbor/dagan/lembaga/"
    assert term_work(WorkScope(DISTRICT)) == []
    client.force_login(maya)
    html = client.get("/dasbor/").content.decode()
    assert "<strong>2</strong> masa bakti lembaga berakhir" in html
    assert 'href="/dasbor/dagan/lembaga/"' in html
