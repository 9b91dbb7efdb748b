"""Search engines: robots.txt on every host, the sitemap index at the portal root listing every
live village's sitemap at its canonical address, and one canonical address per page whichever
host form (path, subdomain, custom domain) reached it."""

from __future__ import annotations

import re

import pytest

from balai.conftest import make_village
from balai.villages.models import Page, Village


@pytest.fixture
def subdomains(settings):
    settings.VILLAGE_SUBDOMAINS = True
    settings.DISTRICT_DOMAIN = "testserver"


def canonical(html: str) -> list[str]:
    return re.findall(r'<link rel="canonical" href="([^"]*)">', html)


def disallowed(body: str) -> list[str]:
    return [line.removeprefix("Disallow: ") for line in body.splitlines() if "Disallow" in line]


# robots.txt -----------------------------------------------------------------------------------


def test_the_district_robots_closes_private_pages_and_names_the_sitemap_index(client, dagan):
    response = client.get("/robots.txt")
    body = response.content.decode()
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert "public" in response["Cache-Control"]
    closed = disallowed(body)
    for path in ("/dasbor/", "/masuk/", "/daftar/status/", "/cari/", "/berita/cari/"):
        assert path in closed
    # Villages reached by path share this file: their search, tracking and one-time pages.
    for path in ("/desa/*/cari/", "/desa/*/ppid/permohonan/lacak/", "/desa/*/lapak/lacak/"):
        assert path in closed
    assert "/desa/" not in closed and "/" not in closed  # the public pages stay open
    assert "Sitemap: http://testserver/sitemap.xml" in body.splitlines()


def test_a_village_domain_has_its_own_robots_with_its_sitemap(client, dagan):
    dagan.domains.create(domain="dagan.desa.id")
    body = client.get("/robots.txt", HTTP_HOST="dagan.desa.id").content.decode()
    closed = disallowed(body)
    assert "/cari/" in closed and "/ppid/permohonan/lacak/" in closed
    assert "/lapak/pesanan/" in closed and "/bantuan-sosial/daftar/" in closed
    assert "/dasbor/" not in closed  # there is no dashboard on a village's host
    assert "Sitemap: http://dagan.desa.id/sitemap.xml" in body.splitlines()


def test_a_village_subdomain_has_its_own_robots(client, dagan, subdomains):
    body = client.get("/robots.txt", HTTP_HOST="dagan.testserver").content.decode()
    assert "Sitemap: http://dagan.testserver/sitemap.xml" in body.splitlines()
    assert "/cari/" in disallowed(body)
    # The district host, seen from the same install, keeps its own.
    district = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in district.splitlines()


def test_a_subdomain_names_the_custom_domain_sitemap_when_there_is_one(client, dagan, subdomains):
    dagan.domains.create(domain="dagan.desa.id")
    body = client.get("/robots.txt", HTTP_HOST="dagan.testserver").content.decode()
    assert "Sitemap: http://dagan.desa.id/sitemap.xml" in body.splitlines()


# The sitemap index -----------------------------------------------------------------------------


def test_the_sitemap_index_lists_every_live_village_and_no_draft_or_suspended_one(
    client, dagan, bojongsari
):
    make_village("33.03.09.2001", "draf-uji", status=Village.Status.DRAFT)
    make_village("33.03.09.2002", "tangguh-uji", status=Village.Status.SUSPENDED)
    bojongsari.domains.create(domain="bojongsari.desa.id")
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml"
    assert "public" in response["Cache-Control"]
    locs = re.findall(r"<loc>([^<]+)</loc>", response.content.decode())
    assert locs == [
        "http://testserver/sitemap-portal.xml",
        "http://bojongsari.desa.id/sitemap.xml",  # at its canonical address
        "http://testserver/desa/dagan/sitemap.xml",
    ]


def test_a_village_suspended_later_leaves_the_index(client, dagan):
    assert "/desa/dagan/sitemap.xml" in client.get("/sitemap.xml").content.decode()
    dagan.status = Village.Status.SUSPENDED
    dagan.save()
    assert "/desa/dagan/sitemap.xml" not in client.get("/sitemap.xml").content.decode()


def test_the_sitemap_index_costs_the_same_queries_for_more_villages(client, dagan):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as one:
        client.get("/sitemap.xml")
    for n in range(3):
        village = make_village(f"33.03.09.200{n + 1}", f"desa-{n}")
        village.domains.create(domain=f"desa-{n}.desa.id")
    with CaptureQueriesContext(connection) as four:
        client.get("/sitemap.xml")
    assert len(four) <= len(one) + 1  # + the domains' prefetch, once


def test_the_portal_sitemap_lists_its_public_pages(client, db):
    body = client.get("/sitemap-portal.xml").content.decode()
    locs = re.findall(r"<loc>([^<]+)</loc>", body)
    assert "http://testserver/" in locs and "http://testserver/desa/" in locs
    assert "http://testserver/statistik/" in locs and "http://testserver/lapak/" in locs
    assert not any("/dasbor/" in loc or "/masuk/" in loc for loc in locs)


def test_a_village_sitemap_lists_each_section_in_its_menu(client, dagan):
    Page.objects.create(village=dagan, title="Layanan Surat", slug="layanan", body="Isi")
    body = client.get("/desa/dagan/sitemap.xml").content.decode()
    assert "<loc>http://testserver/desa/dagan/</loc>" in body
    assert "<loc>http://testserver/desa/dagan/halaman/layanan/</loc>" in body


# Canonical links -------------------------------------------------------------------------------


def test_the_path_form_is_canonical_without_domains_or_subdomains(client, dagan):
    html = client.get("/desa/dagan/").content.decode()
    assert canonical(html) == ["http://testserver/desa/dagan/"]


def test_every_host_form_names_the_primary_custom_domain(client, dagan, subdomains):
    dagan.domains.create(domain="dagan.id", is_primary=False)
    dagan.domains.create(domain="dagan.desa.id", is_primary=True)
    Page.objects.create(village=dagan, title="Layanan Surat", slug="layanan", body="Isi")
    for host, path in (
        ("testserver", "/desa/dagan/halaman/layanan/"),
        ("dagan.testserver", "/halaman/layanan/"),
        ("dagan.desa.id", "/halaman/layanan/"),
        ("dagan.id", "/halaman/layanan/"),
    ):
        html = client.get(path, HTTP_HOST=host).content.decode()
        assert canonical(html) == ["http://dagan.desa.id/halaman/layanan/"], host


def test_the_subdomain_is_canonical_when_there_is_no_custom_domain(client, dagan, subdomains):
    for host, path in (("testserver", "/desa/dagan/"), ("dagan.testserver", "/")):
        html = client.get(path, HTTP_HOST=host).content.decode()
        assert canonical(html) == ["http://dagan.testserver/"], host


def test_the_canonical_drops_tracking_and_filters_but_keeps_the_page_number(client, dagan):
    html = client.get("/desa/dagan/?utm_source=wa&fbclid=x").content.decode()
    assert canonical(html) == ["http://testserver/desa/dagan/"]
    html = client.get("/desa/?kecamatan=330309&halaman=2&utm_medium=x").content.decode()
    assert canonical(html) == ["http://testserver/desa/?halaman=2"]
    html = client.get("/desa/?halaman=1").content.decode()
    assert canonical(html) == ["http://testserver/desa/"]


def test_portal_pages_are_canonical_on_the_district_domain(client, db):
    for path in ("/", "/statistik/", "/lapak/"):
        html = client.get(path, HTTP_HOST="127.0.0.1").content.decode()
        assert canonical(html) == [f"http://testserver{path}"], path


def test_dashboard_pages_have_no_canonical(client, alice):
    client.force_login(alice)
    html = client.get("/dasbor/dagan/").content.decode()
    assert canonical(html) == []


def test_the_article_shares_its_canonical_address(client, dagan):
    from balai.news.tests.conftest import publish

    dagan.domains.create(domain="dagan.desa.id")
    article = publish(dagan, title="Kerja bakti")
    html = client.get(f"/desa/dagan/berita/{article.slug}/?utm_source=wa").content.decode()
    url = f"http://dagan.desa.id/berita/{article.slug}/"
    assert canonical(html) == [url]
    assert f'<meta property="og:url" content="{url}">' in html
