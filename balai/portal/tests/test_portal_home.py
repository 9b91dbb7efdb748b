from __future__ import annotations

import pytest
from django.urls import reverse

from balai.conftest import make_village
from balai.portal.tests.conftest import KARANGMALANG, make_application
from balai.villages.models import Village


def test_home_counts_live_villages_out_of_every_village_of_the_district(client, dagan, bojongsari):
    response = client.get(reverse("portal:home"))
    assert response.status_code == 200
    assert "2 dari 239" in response.content.decode()


def test_home_counts_open_applications_and_kecamatan(client, dagan, application):
    html = client.get(reverse("portal:home")).content.decode()
    assert "1 dari 239" in html
    assert response_stat(html, "sedang mendaftar") == "1"
    assert response_stat(html, "kecamatan") == "18"


def response_stat(html: str, label: str) -> str:
    # The figure sits in the <strong> just before its label.
    before = html.split(f"<span>{label}</span>")[0]
    return before.rsplit("<strong>", 1)[1].split("</strong>")[0]


def test_drafts_and_suspended_sites_do_not_count_as_live(client, dagan):
    make_village("33.03.09.2001", "gandasuli", status=Village.Status.DRAFT)
    make_village("33.03.09.2002", "kalapacung", status=Village.Status.SUSPENDED)
    assert "1 dari 239" in client.get(reverse("portal:home")).content.decode()


def test_home_shows_each_village_with_its_status_and_links_live_ones(client, dagan, application):
    html = client.get(reverse("portal:home")).content.decode()
    assert f'href="{dagan.get_absolute_url()}">Dagan</a>' in html
    karangmalang = html.split("Karangmalang", 1)[1].split("</li>", 1)[0]
    assert "Sedang mendaftar" in karangmalang
    gandasuli = html.split("Gandasuli", 1)[1].split("</li>", 1)[0]
    assert "Belum terdaftar" in gandasuli


def test_kecamatan_summary_counts_its_live_villages(client, dagan):
    html = client.get(reverse("portal:home")).content.decode()
    bobotsari = html.split('<span class="kec-name">Bobotsari</span>', 1)[1].split("</summary>")[0]
    assert "1 tayang dari 16 desa" in bobotsari


def test_home_leads_to_registration_and_search(client, db):
    html = client.get(reverse("portal:home")).content.decode()
    assert reverse("registrations:start") in html
    assert "Daftarkan website desa" in html
    assert f'action="{reverse("portal:search")}"' in html


@pytest.mark.parametrize(
    "url, params",
    [("portal:home", {}), ("portal:directory", {"status": "live"}), ("portal:search", {"q": "a"})],
)
def test_public_portal_pages_carry_no_script(client, dagan, url, params):
    response = client.get(reverse(url), params)
    assert response.status_code == 200
    assert "<script" not in response.content.decode()


def test_home_query_count_does_not_grow_with_villages(
    client, dagan, bojongsari, django_assert_max_num_queries
):
    make_application(KARANGMALANG)
    for code, slug in [("33.03.09.2001", "gandasuli"), ("33.03.09.2002", "kalapacung")]:
        make_village(code, slug)
    # +1 for the serta-merta (emergency) banners of any village, +5 for the kabupaten at a
    # glance (one per figure); constant, not per village
    with django_assert_max_num_queries(10):
        assert client.get(reverse("portal:home")).status_code == 200
