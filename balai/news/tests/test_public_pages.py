"""What a visitor reads: lists, the article with share links and previews, archives, feeds,
the sitemap; cached per village and refreshed when the village publishes."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
from django.utils import timezone

from balai.news.models import Comment, Tag
from balai.news.services import article_set_status
from balai.news.tests.conftest import draft, publish


def test_the_menu_shows_berita_only_once_there_is_a_story(client, dagan):
    assert ">Berita<" not in client.get("/desa/dagan/").content.decode()
    publish(dagan, title="Pertama")
    assert ">Berita<" in client.get("/desa/dagan/").content.decode()


def test_the_article_page_has_share_links_previews_and_news_article_data(client, dagan):
    article = publish(dagan, title="Panen raya Dagan", summary="Petani panen lebih banyak.")
    html = client.get(f"/desa/dagan/berita/{article.slug}/").content.decode()
    assert 'property="og:title" content="Panen raya Dagan"' in html
    assert 'name="twitter:card"' in html
    assert "https://wa.me/?text=" in html and "facebook.com/sharer" in html
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    )
    assert data["@type"] == "NewsArticle" and data["headline"] == "Panen raya Dagan"
    assert "<script>" not in html  # only the data block and static files


def test_a_title_cannot_break_out_of_the_json_ld_block(client, dagan):
    article = publish(dagan, title="</script><script>alert(1)</script>")
    html = client.get(f"/desa/dagan/berita/{article.slug}/").content.decode()
    assert "<script>alert(1)" not in html


def test_drafts_and_other_villages_stories_are_404(client, dagan, bojongsari):
    hidden = draft(dagan, title="Rahasia")
    other = publish(bojongsari, title="Milik Bojongsari")
    assert client.get(f"/desa/dagan/berita/{hidden.slug}/").status_code == 404
    assert client.get(f"/desa/dagan/berita/{other.slug}/").status_code == 404


def test_category_tag_and_month_pages_list_their_stories(client, dagan, category, long_ago):
    story = publish(dagan, title="Talud baru", category=category, when=long_ago)
    publish(dagan, title="Lain hal")
    tag = Tag.objects.create(village=dagan, name="dana desa", slug="dana-desa")
    story.tags.add(tag)
    cat_html = client.get("/desa/dagan/kategori/pembangunan/").content.decode()
    assert "Talud baru" in cat_html and "Lain hal" not in cat_html
    assert "Talud baru" in client.get("/desa/dagan/label/dana-desa/").content.decode()
    month = timezone.localtime(long_ago)
    archive = client.get(f"/desa/dagan/arsip/{month:%Y}/{month:%m}/").content.decode()
    assert "Talud baru" in archive and "Lain hal" not in archive
    assert client.get("/desa/dagan/arsip/2026/13/").status_code == 404


def test_lists_are_paginated_with_a_bounded_number_of_queries(
    client, dagan, category, django_assert_max_num_queries
):
    for i in range(30):
        publish(dagan, title=f"Berita ke-{i}", category=category)
    # 24: 18, and the site menu's first build asks each module whether it has something to
    # show (institutions, legal acts, map, potential, services, …: one query each); the menu is
    # then kept per content version, so a second page asks none of them.
    with django_assert_max_num_queries(24):
        first = client.get("/desa/dagan/berita/").content.decode()
    assert "Halaman 1 dari 3" in first
    with django_assert_max_num_queries(18):
        assert "Berita ke-0" in client.get("/desa/dagan/berita/?halaman=3").content.decode()


def test_the_article_page_has_a_bounded_number_of_queries(
    client, dagan, category, django_assert_max_num_queries
):
    article = publish(dagan, title="Satu", category=category)
    for i in range(5):
        Comment.objects.create(
            village=dagan, article=article, name=f"W{i}", body="ok", status="approved"
        )
    # 27: the site menu, computed once per content version, asks each module (one query each).
    with django_assert_max_num_queries(27):
        client.get(f"/desa/dagan/berita/{article.slug}/")


def test_anonymous_pages_are_cached_until_the_village_publishes(client, dagan):
    publish(dagan, title="Pertama")
    client.get("/desa/dagan/berita/")
    publish(dagan, title="Kedua")
    assert "Kedua" in client.get("/desa/dagan/berita/").content.decode()
    story = publish(dagan, title="Ketiga")
    client.get("/desa/dagan/berita/")
    article_set_status(village=dagan, article=story, status="draft")
    assert "Ketiga" not in client.get("/desa/dagan/berita/").content.decode()


def test_the_rss_and_atom_feeds_list_the_latest_stories(client, dagan, category):
    publish(dagan, title="Di kategori", category=category)
    publish(dagan, title="Di luar")
    rss = ET.fromstring(client.get("/desa/dagan/feed/").content)
    assert [i.findtext("title") for i in rss.iter("item")] == ["Di luar", "Di kategori"]
    atom = client.get("/desa/dagan/feed/?format=atom")
    assert atom["Content-Type"].startswith("application/atom+xml")
    cat = ET.fromstring(client.get("/desa/dagan/kategori/pembangunan/feed/").content)
    assert [i.findtext("title") for i in cat.iter("item")] == ["Di kategori"]


def test_the_sitemap_lists_published_stories_only(client, dagan):
    story = publish(dagan, title="Terbit")
    hidden = draft(dagan, title="Draf")
    body = client.get("/desa/dagan/sitemap.xml").content.decode()
    assert f"/berita/{story.slug}/" in body and f"/berita/{hidden.slug}/" not in body
    ET.fromstring(body)


@pytest.mark.parametrize(
    "path", ["/desa/dagan/berita/", "/desa/dagan/agenda/", "/desa/dagan/galeri/"]
)
def test_empty_sections_are_not_shown(client, dagan, path):
    assert client.get(path).status_code in (200, 404)
    if path != "/desa/dagan/berita/":
        assert client.get(path).status_code == 404


def test_a_story_due_later_is_not_shown_before_its_time(client, dagan):
    story = publish(dagan, title="Nanti")
    from balai.news.models import Article

    Article.objects.filter(pk=story.pk).update(publish_at=timezone.now() + timedelta(hours=1))
    assert client.get(f"/desa/dagan/berita/{story.slug}/").status_code == 404


def test_the_home_page_include_shows_pinned_latest_and_upcoming(rf, dagan):
    from django.template.loader import render_to_string

    from balai.news.models import Event

    publish(
        dagan,
        title="Lama tapi disematkan",
        is_pinned=True,
        when=timezone.now() - timedelta(days=90),
    )
    publish(dagan, title="Terbaru")
    Event.objects.create(
        village=dagan, title="Musdes", place="Balai", starts_at=timezone.now() + timedelta(days=2)
    )
    request = rf.get("/desa/dagan/")
    request.village = dagan
    html = render_to_string("news/site/_home_latest.html", {"village": dagan, "request": request})
    assert html.index("Lama tapi disematkan") < html.index("Terbaru")
    assert "Musdes" in html and "/desa/dagan/agenda/" in html


def test_the_home_page_include_is_empty_without_news(rf, dagan):
    from django.template.loader import render_to_string

    request = rf.get("/desa/dagan/")
    request.village = dagan
    assert (
        render_to_string(
            "news/site/_home_latest.html", {"village": dagan, "request": request}
        ).strip()
        == ""
    )
