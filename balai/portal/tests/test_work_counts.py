"""The landing pages count what waits for each person, each count a link to its queue:
the district operator, a mentor (even with one village) and a kecamatan viewer."""

from __future__ import annotations

import re
from datetime import date, timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from balai.conftest import make_user, make_village
from balai.disclosure.tests.conftest import make_request
from balai.mentoring.models import HelpRequest
from balai.news.models import Comment, Submission
from balai.news.tests.conftest import publish
from balai.portal.tests.conftest import make_application
from balai.registrations.models import Application
from balai.villages.models import Membership


def counts(html: str) -> dict[str, tuple[int, str]]:
    """label (and village) → (count, href) of each work count on the page."""
    found = {}
    pattern = (
        r'<a href="([^"]+)"><strong>(\d+)</strong> ([^<]+)'
        r'(?:<span class="muted">· ([^<]+)</span>)?'
    )
    for href, n, label, village in re.findall(pattern, html):
        key = f"{label.strip()} · {village}" if village else label.strip()
        found[key] = (int(n), href.replace("&amp;", "&"))
    return found


def late(html: str) -> list[tuple[str, str]]:
    return [
        (href.replace("&amp;", "&"), text)
        for href, text in re.findall(r'<a class="work-late" href="([^"]+)">([^<]+)</a>', html)
    ]


def ask(village, author, *, hours_ago: float) -> HelpRequest:
    row = HelpRequest.objects.create(village=village, author=author, topic="news", message="?")
    HelpRequest.objects.filter(pk=row.pk).update(
        created_at=timezone.now() - timedelta(hours=hours_ago)
    )
    return row


def test_the_district_operator_sees_what_waits_with_links_to_the_queues(login, dina, dagan, alice):
    old = make_application("33.03.09.2003")
    Application.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=20))
    make_application("33.03.09.2004")
    make_application("33.03.09.2005", status=Application.Status.REVISION)
    ask(dagan, alice, hours_ago=100)
    ask(dagan, alice, hours_ago=1)
    make_request(dagan, received_on=date.today() - timedelta(days=40))
    html = login(dina).get(reverse("district:home")).content.decode()
    found = counts(html)
    assert found["permohonan situs menunggu tinjauan"] == (
        2,
        "/dasbor/kabupaten/pendaftaran/?status=submitted",
    )
    assert found["permintaan bantuan menunggu jawaban"] == (
        2,
        "/dasbor/kabupaten/bantuan/?status=open",
    )
    assert found["permohonan informasi belum dijawab"][0] == 1
    assert ("/dasbor/kabupaten/pendaftaran/?terlambat=1", "1 lewat batas") in late(html)
    assert ("/dasbor/kabupaten/bantuan/?terlambat=1", "1 lewat batas") in late(html)
    assert ("/dasbor/kabupaten/ppid/", "1 lewat batas") in late(html)
    # The heading comes before the counts, the counts before everything else.
    assert html.index("Yang menunggu Anda") < html.index("Permohonan yang menunggu")
    # The linked queue shows the overdue application only.
    queue = login(dina).get("/dasbor/kabupaten/pendaftaran/?terlambat=1")
    assert list(queue.context["applications"]) == [old]


def test_a_mentor_with_one_village_lands_on_their_work_not_in_another_villages(
    login, maya, dagan, alice, bojongsari, charlie
):
    article = publish(dagan, title="Panen raya")
    Comment.objects.create(village=dagan, article=article, name="Budi", body="Mantap")
    Submission.objects.create(
        village=dagan, name="Sari", whatsapp="+6281200000000", title="Kerja bakti", body="…"
    )
    other = publish(bojongsari, title="Lain")
    for _ in range(3):
        Comment.objects.create(village=bojongsari, article=other, name="X", body="y")
    ask(bojongsari, charlie, hours_ago=100)
    response = login(maya).get(reverse("dashboard:home"))
    assert response.status_code == 200  # not redirected into the one village
    found = counts(response.content.decode())
    assert found["permintaan bantuan menunggu jawaban"][0] == 0
    assert found["komentar menunggu moderasi · Desa Dagan"] == (
        1,
        "/dasbor/dagan/berita/komentar/",
    )
    assert found["kiriman warga menunggu · Desa Dagan"] == (1, "/dasbor/dagan/berita/kiriman/")
    assert "Bojongsari" not in response.content.decode()


def test_an_admin_with_one_village_still_goes_straight_to_it(login, alice):
    assert login(alice).get(reverse("dashboard:home")).url == "/dasbor/dagan/"


def test_the_kecamatan_viewer_counts_their_kecamatan_only(login, kiki, dagan, bojongsari):
    make_request(dagan, received_on=date.today() - timedelta(days=40))
    make_request(bojongsari, received_on=date.today() - timedelta(days=40))
    html = login(kiki).get(reverse("district:kecamatan")).content.decode()
    found = counts(html)
    assert found["permohonan informasi belum dijawab"] == (1, "/ppid/")
    assert "permohonan situs menunggu tinjauan" not in found  # not a queue they may open
    assert found["desa perlu perhatian (skor turun 7 hari)"][1].endswith(
        "?turun=1&kecamatan=33.03.09"
    )


def test_the_mentor_landing_page_costs_the_same_queries_for_1_or_6_villages(
    login, maya, dagan, alice
):
    client = login(maya)
    client.get(reverse("dashboard:home"))
    with CaptureQueriesContext(connection) as one:
        client.get(reverse("dashboard:home"))
    codes = ["33.03.09.2003", "33.03.09.2004", "33.03.09.2005", "33.03.09.2006", "33.03.09.2007"]
    for n, code in enumerate(codes):
        village = make_village(code, f"desa-{n}")
        Membership.objects.create(user=maya, village=village, role=Membership.Role.MENTOR)
        article = publish(village, title=f"Berita {n}")
        Comment.objects.create(village=village, article=article, name="A", body="b")
        ask(village, make_user(f"a{n}@desa.id", "Admin"), hours_ago=n)
    with CaptureQueriesContext(connection) as six:
        html = client.get(reverse("dashboard:home")).content.decode()
    assert len(counts(html)) == 1 + 6  # help, and the comments of each village with some
    # Village names of the per-village counts: one query whatever their number.
    assert len(six.captured_queries) <= len(one.captured_queries) + 2
