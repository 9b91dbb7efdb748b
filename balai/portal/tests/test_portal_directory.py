from __future__ import annotations

import re

from django.urls import reverse

from balai.conftest import make_village
from balai.portal.tests.conftest import KARANGMALANG, make_application

BOJONG_KELURAHAN = "33.03.05.1001"


def rows(html: str) -> list[str]:
    """The body rows of the directory tables, one string each."""
    return re.findall(r'<tr>\s*(<td data-label="Nama">.*?)</tr>', html, re.S)


def test_directory_lists_all_239_villages_grouped_by_kecamatan(client, db):
    html = client.get(reverse("portal:directory")).content.decode()
    assert len(rows(html)) == 239
    assert html.count('<h2 id="kec-') == 18
    assert "224 desa, 15 kelurahan" in html


def test_directory_tells_desa_from_kelurahan(client, db):
    html = client.get(reverse("portal:directory"), {"kecamatan": "33.03.05"}).content.decode()
    bojong = next(r for r in rows(html) if '">Bojong <span' in r)
    assert '<span class="type-label">Kelurahan</span>' in bojong
    html = client.get(reverse("portal:directory"), {"kecamatan": "33.03.09"}).content.decode()
    assert all('<span class="type-label">Desa</span>' in r for r in rows(html))


def test_directory_filters_by_kecamatan(client, dagan, bojongsari):
    html = client.get(reverse("portal:directory"), {"kecamatan": "33.03.09"}).content.decode()
    assert len(rows(html)) == 16
    assert "Dagan" in html
    assert 'href="/desa/bojongsari/"' not in html


def test_directory_filters_by_status(client, dagan, bojongsari):
    make_application(KARANGMALANG)
    live = client.get(reverse("portal:directory"), {"status": "live"}).content.decode()
    assert [r.count("Sudah tayang") for r in rows(live)] == [1, 1]
    applied = client.get(reverse("portal:directory"), {"status": "applied"}).content.decode()
    assert len(rows(applied)) == 1 and "Karangmalang" in applied
    none = client.get(reverse("portal:directory"), {"status": "none"}).content.decode()
    assert len(rows(none)) == 236


def test_filters_combine_and_say_when_nothing_matches(client, dagan):
    html = client.get(
        reverse("portal:directory"), {"kecamatan": "33.03.01", "status": "live"}
    ).content.decode()
    assert rows(html) == []
    assert "Tidak ada desa yang cocok" in html


def test_unknown_filter_values_are_ignored(client, db):
    html = client.get(
        reverse("portal:directory"), {"kecamatan": "99.99", "status": "<b>"}
    ).content.decode()
    assert len(rows(html)) == 239


def test_directory_query_count_is_bounded(client, dagan, bojongsari, django_assert_max_num_queries):
    make_village(BOJONG_KELURAHAN, "bojong")
    make_application(KARANGMALANG)
    with django_assert_max_num_queries(4):
        assert client.get(reverse("portal:directory")).status_code == 200
