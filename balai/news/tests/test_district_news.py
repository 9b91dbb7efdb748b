"""The district portal's news: every live village, filterable, with its own feed and search."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from balai.news.tests.conftest import publish
from balai.villages.models import Village


def test_the_portal_lists_live_villages_stories_and_filters_by_kecamatan(
    client, dagan, bojongsari, django_assert_max_num_queries
):
    publish(dagan, title="Batik Dagan")
    publish(bojongsari, title="Jembatan Bojongsari")
    with django_assert_max_num_queries(10):
        html = client.get("/berita/").content.decode()
    assert "Batik Dagan" in html and "Jembatan Bojongsari" in html
    only = client.get("/berita/", {"kecamatan": dagan.region.parent_id}).content.decode()
    assert "Batik Dagan" in only and "Jembatan Bojongsari" not in only


def test_a_suspended_village_disappears_from_the_portal(client, dagan, bojongsari):
    publish(bojongsari, title="Jembatan Bojongsari")
    Village.objects.filter(pk=bojongsari.pk).update(status=Village.Status.SUSPENDED)
    assert "Jembatan Bojongsari" not in client.get("/berita/").content.decode()


def test_the_portal_has_a_feed_and_a_search(client, dagan, bojongsari):
    publish(dagan, title="Pembangunan jalan Dagan")
    publish(bojongsari, title="Pembangunan jembatan Bojongsari")
    rss = ET.fromstring(client.get("/berita/feed/").content)
    assert len(list(rss.iter("item"))) == 2
    html = client.get("/berita/cari/", {"q": "membangun"}).content.decode()
    assert "Pembangunan jalan Dagan" in html and "Pembangunan jembatan Bojongsari" in html
    assert "/desa/dagan/berita/pembangunan-jalan-dagan/" in html


def test_the_portal_header_links_to_news(client, dagan):
    assert 'href="/berita/"' in client.get("/").content.decode()


def test_the_next_page_link_keeps_the_filter(client, dagan):
    for i in range(21):
        publish(dagan, title=f"Kabar {i}")
    html = client.get("/berita/", {"kecamatan": dagan.region.parent_id}).content.decode()
    assert f"kecamatan={dagan.region.parent_id}&amp;halaman=2" in html


def test_a_suspended_villages_stories_are_not_found_by_the_portal_search(client, dagan, bojongsari):
    publish(dagan, title="Pembangunan jalan Dagan")
    publish(bojongsari, title="Pembangunan jembatan Bojongsari")
    Village.objects.filter(pk=bojongsari.pk).update(status=Village.Status.SUSPENDED)
    html = client.get("/berita/cari/", {"q": "pembangunan"}).content.decode()
    assert "Pembangunan jalan Dagan" in html
    assert "Pembangunan jembatan Bojongsari" not in html
