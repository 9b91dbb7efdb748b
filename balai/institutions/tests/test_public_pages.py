"""The public /lembaga/ pages: grouped by kind, names and positions only, activities from the
village's own live news, a bounded number of queries."""

from __future__ import annotations

import datetime

from django.utils import timezone

from balai.institutions import services
from balai.institutions.models import Institution
from balai.institutions.selectors import public_institutions
from balai.institutions.tests.conftest import add_members, make_institution, make_resident
from balai.news.tests.conftest import draft, publish

INDEX = "/desa/dagan/lembaga/"


def test_a_village_without_institutions_has_no_page_and_no_menu_entry(client, dagan):
    assert client.get(INDEX).status_code == 404
    assert 'href="/desa/dagan/lembaga/"' not in client.get("/desa/dagan/").content.decode()


def test_the_list_groups_institutions_by_kind_in_the_kinds_order(client, dagan, bpd):
    make_institution(dagan, "Posyandu Melati", kind=Institution.Kind.POSYANDU)
    pkk = make_institution(dagan, "TP PKK Dagan", kind=Institution.Kind.PKK)
    add_members(pkk, ("Bu Kustini", "Ketua"))
    html = client.get(INDEX).content.decode()
    assert html.index("Badan Permusyawaratan Desa (BPD)") < html.index("Tim Penggerak PKK")
    assert html.index("Tim Penggerak PKK") < html.index('<h2 id="jenis-posyandu">Posyandu</h2>')
    assert "Ketua: Slamet Riyadi" in html
    assert "Ketua: Bu Kustini" in html
    assert 'href="/desa/dagan/lembaga/bpd-desa-dagan/"' in html
    assert 'href="/desa/dagan/lembaga/"' in client.get("/desa/dagan/").content.decode()


def test_the_page_shows_sk_period_office_and_board_but_nothing_of_the_register(client, dagan, bpd):
    resident = make_resident(dagan)
    member = bpd.members.get(name="Slamet Riyadi")
    member.resident = resident
    member.save()
    html = client.get("/desa/dagan/lembaga/bpd-desa-dagan/").content.decode()
    assert "SK Nomor 141/05/2021" in html
    assert "1 Maret 2021" in html
    assert "8 Mar 2021" in html and "7 Mar 2027" in html
    assert "Balai Desa Dagan, Jl. Raya Dagan 1" in html
    assert 'href="tel:0281-123456"' in html
    assert html.index("Slamet Riyadi") < html.index("Sri Lestari")
    assert "Sekretaris" in html
    for secret in ("3303091203750001", "3303", "SUGENG", "Jl. Kenanga", "1975"):
        assert secret not in html


def test_another_villages_institution_is_not_found_under_this_village(client, dagan, bojongsari):
    make_institution(bojongsari, "BPD Bojongsari", slug="bpd-bojongsari")
    assert client.get("/desa/dagan/lembaga/bpd-bojongsari/").status_code == 404


def test_activities_are_the_villages_live_published_news_only(client, dagan, bpd):
    live = publish(dagan, title="Musdes RKPDes")
    later = publish(
        dagan, title="Rapat terjadwal", when=timezone.now() + datetime.timedelta(days=3)
    )
    services.institution_activities_set(
        village=dagan, institution=bpd, article_ids=[live.pk, later.pk]
    )
    hidden = draft(dagan, title="Draf rapat")
    bpd.articles.add(hidden)  # only the service refuses drafts; the page must not show one either
    html = client.get("/desa/dagan/lembaga/bpd-desa-dagan/").content.decode()
    assert "Musdes RKPDes" in html
    assert "Rapat terjadwal" not in html
    assert "Draf rapat" not in html


def test_the_article_page_names_the_institution_whose_activity_it_reports(client, dagan, bpd):
    article = publish(dagan, title="Musdes RKPDes")
    other = publish(dagan, title="Lain hal")
    services.institution_activities_set(village=dagan, institution=bpd, article_ids=[article.pk])
    html = client.get(f"/desa/dagan/berita/{article.slug}/").content.decode()
    assert "Kegiatan BPD Desa Dagan" in html
    assert 'href="/desa/dagan/lembaga/bpd-desa-dagan/"' in html
    assert (
        "Kegiatan lembaga desa"
        not in client.get(f"/desa/dagan/berita/{other.slug}/").content.decode()
    )


def test_the_list_and_the_page_cost_a_fixed_number_of_queries(
    client, dagan, django_assert_max_num_queries
):
    for i in range(15):
        inst = make_institution(dagan, f"RT {i:02d}", kind=Institution.Kind.RT)
        add_members(inst, (f"Ketua {i}", "Ketua"), (f"Sekretaris {i}", "Sekretaris"))
        inst.articles.add(publish(dagan, title=f"Kerja bakti RT {i}"))
    client.get("/desa/dagan/")  # the site menu, cached per content version
    with django_assert_max_num_queries(4):
        html = client.get(INDEX).content.decode()
    assert html.count("Ketua: Ketua ") == 15
    # The institution, its members, its news; the layout's and the government link's own.
    with django_assert_max_num_queries(6):
        html = client.get("/desa/dagan/lembaga/rt-03/").content.decode()
    assert "Kerja bakti RT 3" in html


def test_public_institutions_carries_members_without_the_register_link(
    dagan, bpd, django_assert_max_num_queries
):
    with django_assert_max_num_queries(2):
        rows = public_institutions(dagan)
        members = list(rows[0].members.all())
    assert [m.name for m in members] == ["Slamet Riyadi", "Sri Lestari"]
    assert "resident" not in members[0].__dict__ and "resident_id" not in members[0].__dict__


def test_saving_or_linking_refreshes_the_cached_pages(client, dagan, bpd):
    article = publish(dagan, title="Musdes")
    assert "Musdes" not in client.get("/desa/dagan/lembaga/bpd-desa-dagan/").content.decode()
    services.institution_activities_set(village=dagan, institution=bpd, article_ids=[article.pk])
    assert "Musdes" in client.get("/desa/dagan/lembaga/bpd-desa-dagan/").content.decode()
    add_members(bpd, ("Anggota Baru", "Anggota"))
    assert "Anggota Baru" in client.get("/desa/dagan/lembaga/bpd-desa-dagan/").content.decode()
