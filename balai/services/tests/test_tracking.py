"""The tracking page: reached by the code (POST) or the signed link, never by a guess; the
resident answers questions there and downloads the letter once."""

from __future__ import annotations

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from balai.services import services
from balai.services.models import ServiceRequest
from balai.services.services import track_token
from balai.services.tests.conftest import make_request, pdf_upload, photo, site

pytestmark = pytest.mark.django_db
Status = ServiceRequest.Status


def _link(req, name="services_track"):
    return site(req.village, name, code=req.code, token=track_token(req))


def test_the_code_opens_the_page_by_post(client, dagan, service):
    req = make_request(dagan, service)
    response = client.post(site(dagan, "services_track_form"), {"code": req.code.lower()})
    assert response.status_code == 302 and response["Location"] == _link(req)
    assert client.get(site(dagan, "services_track_form"))["Cache-Control"] == "private, no-store"


def test_a_guessed_code_gets_the_same_answer_as_a_wrong_one(client, dagan, service):
    make_request(dagan, service)
    wrong = client.post(site(dagan, "services_track_form"), {"code": "ABCDEFGHJK"})
    typo = client.post(site(dagan, "services_track_form"), {"code": "ZZZZ"})
    assert wrong.status_code == typo.status_code == 200
    assert wrong.content.decode().count("tidak ditemukan") == 2  # summary and field
    assert _page(wrong, "ABCDEFGHJK") == _page(typo, "ZZZZ")


def _page(response, code: str) -> str:
    """The page without what differs by nature: the code typed and the CSRF token."""
    html = response.content.decode().replace(code, "")
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)


def test_lookups_are_rate_limited_even_for_the_right_code(client, dagan, service):
    req = make_request(dagan, service)
    for _i in range(10):
        client.post(site(dagan, "services_track_form"), {"code": "ABCDEFGHJK"})
    refused = client.post(site(dagan, "services_track_form"), {"code": req.code})
    assert refused.status_code == 429 and "Terlalu banyak" in refused.content.decode()


def test_a_link_with_a_forged_token_is_not_found(client, dagan, service):
    req = make_request(dagan, service)
    forged = site(dagan, "services_track", code=req.code, token="0" * 32)
    assert client.get(forged).status_code == 404
    other = site(dagan, "services_track", code="ABCDEFGHJK", token=track_token(req))
    assert client.get(other).status_code == 404


def test_a_link_from_another_village_is_not_found(client, dagan, bojongsari, service):
    req = make_request(dagan, service)
    url = site(bojongsari, "services_track", code=req.code, token=track_token(req))
    assert client.get(url).status_code == 404


def test_the_resident_reads_the_question_and_answers_with_photos(client, dagan, alice, service):
    req = make_request(dagan, service)
    services.request_ask(req=req, actor=alice, message="Foto KK belum terbaca, kirim ulang.")
    page = client.get(_link(req)).content.decode()
    assert "Foto KK belum terbaca" in page and "Kirim jawaban" in page
    response = client.post(
        _link(req, "services_track_answer"), {"body": "Ini fotonya.", "documents": [photo()]}
    )
    assert response.status_code == 302
    req.refresh_from_db()
    assert req.status == Status.SUBMITTED
    assert req.files.filter(message__isnull=False).count() == 1
    again = client.post(_link(req, "services_track_answer"), {"body": "Lagi"})
    assert again.status_code == 400 and req.messages.count() == 2


def test_a_bad_file_in_an_answer_is_a_field_error(client, dagan, alice, service):
    req = make_request(dagan, service)
    services.request_ask(req=req, actor=alice, message="Kirim foto KTP.")
    bad = SimpleUploadedFile("ktp.png", b"MZ\x90\x00 not an image", "image/png")
    response = client.post(_link(req, "services_track_answer"), {"body": "x", "documents": [bad]})
    assert response.status_code == 400 and 'href="#id_documents"' in response.content.decode()
    assert req.messages.filter(from_staff=False).count() == 0


def _handed_over(dagan, alice, service):
    req = make_request(dagan, service)
    from balai.lib.uploads import document_prepare

    services.request_handover(req=req, actor=alice, pdf=document_prepare(pdf_upload()))
    return req


def test_the_letter_downloads_once_after_the_last_four_digits(client, dagan, alice, service):
    req = _handed_over(dagan, alice, service)
    page = client.get(_link(req)).content.decode()
    assert "Unduh surat (PDF)" in page
    wrong = client.post(_link(req, "services_track_download"), {"last4": "0000"})
    assert wrong.status_code == 400 and "tidak cocok" in wrong.content.decode()
    ok = client.post(_link(req, "services_track_download"), {"last4": "7890"})
    assert ok.status_code == 200 and ok["Content-Type"] == "application/pdf"
    assert ok.content.startswith(b"%PDF") and ok["Cache-Control"] == "private, no-store"
    spent = client.post(_link(req, "services_track_download"), {"last4": "7890"})
    assert spent.status_code == 410 and "sudah diunduh" in spent.content.decode()
    services.request_download_reopen(req=req, actor=alice)
    again = client.post(_link(req, "services_track_download"), {"last4": "7890"})
    assert again.status_code == 200


def test_download_tries_are_rate_limited(client, dagan, alice, service):
    req = _handed_over(dagan, alice, service)
    for _i in range(5):
        client.post(_link(req, "services_track_download"), {"last4": "0000"})
    refused = client.post(_link(req, "services_track_download"), {"last4": "7890"})
    assert refused.status_code == 429
    req.refresh_from_db()
    assert req.download_open


def test_a_provider_hands_over_the_issued_letter(client, dagan, alice, service, monkeypatch):
    req = make_request(dagan, service)
    monkeypatch.setattr(services, "_handover_providers", [lambda r: b"%PDF-1.4 issued"])
    with pytest.raises(services.ServiceRequestError):
        monkeypatch.setattr(services, "_handover_providers", [lambda r: None])
        services.request_handover(req=req, actor=alice)
    monkeypatch.setattr(services, "_handover_providers", [lambda r: b"%PDF-1.4 issued"])
    services.request_handover(req=req, actor=alice)
    ok = client.post(_link(req, "services_track_download"), {"last4": "7890"})
    assert ok.content == b"%PDF-1.4 issued"


def test_the_tracking_page_shows_nothing_from_the_register(client, dagan, alice, service):
    from balai.services.tests.conftest import make_resident

    resident = make_resident(dagan, nik="3303094501900099", name="SUMIYATI REGISTER")
    req = make_request(dagan, service, name="Sumi")
    services.request_match(req=req, resident=resident, actor=alice)
    page = client.get(_link(req)).content.decode()
    assert "SUMIYATI REGISTER" not in page and resident.nik not in page
    assert req.nik not in page and "+6281234567890" not in page


def test_the_tracking_pages_are_never_stored(client, dagan, alice, service):
    req = make_request(dagan, service)
    services.request_reject(req=req, actor=alice, reason="Bukan warga desa ini.")
    page = client.get(_link(req))
    assert page["Cache-Control"] == "private, no-store"
    assert page["Referrer-Policy"] == "same-origin"
    assert "Bukan warga desa ini." in page.content.decode()


def test_answers_have_a_honeypot_a_spam_check_and_a_rate_limit(client, dagan, alice, service):
    req = make_request(dagan, service)
    services.request_ask(req=req, actor=alice, message="Kirim foto KK.")
    url = _link(req, "services_track_answer")
    bot = client.post(url, {"body": "Halo", "website": "http://spam.example"})
    assert bot.status_code == 302 and not req.messages.filter(from_staff=False).exists()
    spam = client.post(url, {"body": "Daftar slot gacor maxwin"})
    assert spam.status_code == 400 and "spam" in spam.content.decode()
    for _i in range(10):
        services.request_ask(req=req, actor=alice, message="Lagi.")
        client.post(url, {"body": "Sudah saya kirim."})
    services.request_ask(req=req, actor=alice, message="Lagi.")
    refused = client.post(url, {"body": "Sekali lagi."})
    assert refused.status_code == 429
    assert req.messages.filter(from_staff=False).count() == 10
