from __future__ import annotations

from balai.registrations.tests.conftest import file_application


def _url(application):
    return f"/dasbor/kabupaten/pendaftaran/{application.pk}/surat/"


def test_a_district_admin_downloads_the_letter_as_an_attachment(login, dina, application):
    response = login(dina).get(_url(application))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("attachment;")
    assert f"surat-permohonan-{application.code}.pdf" in response["Content-Disposition"]
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_a_png_named_pdf_is_served_as_a_png(login, dina, db, monkeypatch):
    from balai.registrations.tests import conftest

    monkeypatch.setattr(
        conftest,
        "pdf_upload",
        lambda name="surat.pdf": conftest.SimpleUploadedFile(
            name, conftest.png_bytes(), "application/pdf"
        ),
    )
    application = file_application()
    response = login(dina).get(_url(application))
    assert response["Content-Type"] == "image/png"
    assert ".png" in response["Content-Disposition"]


def test_a_village_admin_gets_404_for_the_letter(login, alice, application):
    assert login(alice).get(_url(application)).status_code == 404


def test_an_anonymous_visitor_is_sent_to_login(client, application):
    response = client.get(_url(application))
    assert response.status_code == 302
    assert response.url.startswith("/masuk/")
