"""The same village pages at /desa/<slug>/, at a custom domain and at a subdomain, with links
that stay in the form the visitor used."""

from __future__ import annotations

import re

import pytest

from balai.villages.models import Page
from balai.villages.tests.conftest import add_officials, fill_profile

PAGES = ["", "profil/", "pemerintahan/", "halaman/layanan/"]


@pytest.fixture
def full_dagan(dagan):
    fill_profile(dagan)
    add_officials(dagan, ("Sugeng Riyadi", "Kepala Desa"))
    Page.objects.create(village=dagan, title="Layanan Surat", slug="layanan", body="Isi")
    return dagan


@pytest.fixture
def subdomains(settings):
    settings.VILLAGE_SUBDOMAINS = True
    settings.DISTRICT_DOMAIN = "testserver"


def local_links(html: str) -> list[str]:
    hrefs = re.findall(r'(?:href|action)="([^"]+)"', html)
    return [
        h
        for h in hrefs
        if h.startswith("/") and not h.startswith(("/static/", "/media/", "/bahasa/"))
    ]


@pytest.mark.parametrize("page", PAGES)
def test_the_path_form_serves_each_page_with_links_under_the_prefix(client, full_dagan, page):
    response = client.get(f"/desa/dagan/{page}")
    assert response.status_code == 200
    assert "Desa Dagan" in response.content.decode()
    # "/" is the district portal link in the footer, meant to leave the village
    links = [link for link in local_links(response.content.decode()) if link != "/"]
    assert links and all(link.startswith("/desa/dagan/") for link in links)


@pytest.mark.parametrize("page", PAGES)
def test_a_custom_domain_serves_each_page_at_the_root(client, full_dagan, page):
    full_dagan.domains.create(domain="dagan.desa.id")
    response = client.get(f"/{page}", HTTP_HOST="dagan.desa.id")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Sugeng Riyadi" in html or page not in ("", "pemerintahan/")
    links = local_links(html)
    assert "/profil/" in links
    assert not any(link.startswith("/desa/") for link in links)


@pytest.mark.parametrize("page", PAGES)
def test_a_subdomain_serves_each_page_at_the_root(client, full_dagan, subdomains, page):
    response = client.get(f"/{page}", HTTP_HOST="dagan.testserver")
    assert response.status_code == 200
    links = local_links(response.content.decode())
    assert "/pemerintahan/" in links
    assert not any(link.startswith("/desa/") for link in links)


def test_the_cache_keeps_host_forms_apart(client, full_dagan):
    full_dagan.domains.create(domain="dagan.desa.id")
    client.get("/desa/dagan/")
    html = client.get("/", HTTP_HOST="dagan.desa.id").content.decode()
    assert 'href="/profil/"' in html


def test_the_custom_domain_of_one_village_does_not_serve_another(client, full_dagan, bojongsari):
    bojongsari.domains.create(domain="bojongsari.desa.id")
    html = client.get("/", HTTP_HOST="bojongsari.desa.id").content.decode()
    assert "Desa Bojongsari" in html
    assert "Sugeng Riyadi" not in html
