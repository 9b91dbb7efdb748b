from __future__ import annotations

from balai.registrations.tests.conftest import KELURAHAN_BOJONG


def test_searching_by_desa_name_lists_it_with_its_kecamatan(client, db):
    page = client.get("/daftar/desa/", {"q": "bokol"}).content.decode()
    assert "Desa Bokol" in page
    assert "Kemangkon" in page


def test_searching_by_kecamatan_lists_its_villages(client, db):
    page = client.get("/daftar/desa/", {"q": "Kemangkon"}).content.decode()
    assert "Desa Kedungbenda" in page
    assert "Desa Pelumutan" in page


def test_kelurahan_can_be_picked_and_are_labelled(client, db):
    page = client.get("/daftar/desa/", {"q": "Bojong"}).content.decode()
    assert "Kelurahan Bojong" in page
    response = client.post("/daftar/desa/", {"region": KELURAHAN_BOJONG})
    assert response.url == "/daftar/pemohon/"


def test_a_village_with_a_site_is_listed_but_cannot_be_picked(client, dagan):
    page = client.get("/daftar/desa/", {"q": "dagan"}).content.decode()
    assert "Desa Dagan" in page
    assert "sudah punya situs" in page
    assert "disabled" in page


def test_without_a_search_the_kecamatan_are_offered_as_links(client, db):
    page = client.get("/daftar/desa/").content.decode()
    assert 'href="?q=Kemangkon"' in page
    assert 'type="radio"' not in page


def test_htmx_search_returns_only_the_results_fragment(client, db):
    response = client.get("/daftar/desa/", {"q": "bokol"}, headers={"HX-Request": "true"})
    page = response.content.decode()
    assert "Desa Bokol" in page
    assert "<html" not in page


def test_an_unknown_name_says_so(client, db):
    page = client.get("/daftar/desa/", {"q": "atlantis"}).content.decode()
    assert "Tidak ada desa, kelurahan atau kecamatan bernama “atlantis”" in page
