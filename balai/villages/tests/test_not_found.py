"""Unknown villages, hosts and pages get the friendly 404 page, never a crash."""

from __future__ import annotations

import pytest


def assert_friendly_404(response, portal: str = "/") -> None:
    html = response.content.decode()
    assert response.status_code == 404
    assert "Halaman tidak ditemukan" in html
    assert f'class="button" href="{portal}"' in html  # back to the district portal


def test_an_unknown_village_slug_gets_the_friendly_404(client, db):
    assert_friendly_404(client.get("/desa/tidak-ada/"))
    assert_friendly_404(client.get("/desa/tidak-ada/profil/"))


def test_an_unknown_page_of_a_known_village_gets_the_friendly_404(client, dagan):
    assert_friendly_404(client.get("/desa/dagan/halaman/tidak-ada/"))
    assert_friendly_404(client.get("/desa/dagan/tidak-ada/"))


def test_an_unknown_page_on_a_custom_domain_gets_the_friendly_404(client, dagan):
    dagan.domains.create(domain="dagan.desa.id")
    response = client.get("/halaman/tidak-ada/", HTTP_HOST="dagan.desa.id")
    assert_friendly_404(response, portal="http://testserver/")


def test_an_unregistered_desa_id_domain_gets_the_404_not_the_portal(client, db):
    assert_friendly_404(client.get("/", HTTP_HOST="lain.desa.id"), portal="http://testserver/")


@pytest.fixture
def subdomains(settings):
    settings.VILLAGE_SUBDOMAINS = True
    settings.DISTRICT_DOMAIN = "testserver"


def test_an_unknown_subdomain_gets_the_friendly_404(client, dagan, subdomains):
    for path in ("/", "/profil/"):
        response = client.get(path, HTTP_HOST="entah.testserver")
        assert_friendly_404(response, portal="http://testserver/")
