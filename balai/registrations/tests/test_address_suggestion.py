from __future__ import annotations

from balai.registrations.tests.conftest import KARANGSARI, file_application


def test_a_repeated_desa_name_is_qualified_with_its_kecamatan(walk):
    client = walk(upto="applicant", region=KARANGSARI)
    assert 'value="karangsari-kalimanah"' in client.get("/daftar/alamat/").content.decode()


def test_the_live_check_says_a_free_address_is_free(client, db):
    response = client.get("/daftar/alamat/cek/", {"wanted_slug": "bokol"})
    assert "Tersedia" in response.content.decode()
    assert "/desa/bokol/" in response.content.decode()


def test_the_live_check_says_a_taken_address_is_taken(client, dagan):
    page = client.get("/daftar/alamat/cek/", {"wanted_slug": "dagan"}).content.decode()
    assert "sudah dipakai desa lain" in page
    assert "Tersedia" not in page


def test_the_live_check_does_not_count_your_own_application_against_you(client, db):
    application = file_application()
    params = {"wanted_slug": "bokol", "kode": application.code}
    assert "Tersedia" in client.get("/daftar/alamat/cek/", params).content.decode()
    params = {"wanted_slug": "bokol"}
    assert "sudah diminta" in client.get("/daftar/alamat/cek/", params).content.decode()
