from __future__ import annotations

from balai.registrations.services import application_request_revision


def test_the_tracking_page_shows_village_status_and_history(client, application, dina):
    application_request_revision(
        application=application, admin=dina, message="Surat belum dicap desa."
    )
    page = client.get(f"/daftar/status/{application.code}/").content.decode()
    assert "Desa Bokol" in page
    assert "Perlu perbaikan" in page
    assert "Permohonan dikirim" in page
    assert "Surat belum dicap desa." in page
    assert f"/daftar/status/{application.code}/perbaiki/" in page


def test_the_tracking_page_never_shows_contact_details(client, application):
    page = client.get(f"/daftar/status/{application.code}/").content.decode()
    assert "slamet@example.com" not in page
    assert "81234567890" not in page
    assert "Slamet" not in page


def test_an_unknown_code_is_a_404(client, db):
    assert client.get("/daftar/status/ABCDEFGHJK/").status_code == 404


def test_the_lookup_form_leads_to_the_tracking_page(client, application):
    typed = application.code.lower()[:5] + " " + application.code.lower()[5:]
    response = client.get("/daftar/status/", {"code": typed})
    assert response.url == f"/daftar/status/{application.code}/"


def test_the_lookup_form_says_when_a_code_is_unknown(client, db):
    page = client.get("/daftar/status/", {"code": "ZZZZZZZZZZ"}).content.decode()
    assert "Kode ini tidak ditemukan" in page
