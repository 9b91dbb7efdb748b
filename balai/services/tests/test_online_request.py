"""A resident's online request: what is kept, what is refused, and what is never revealed."""

from __future__ import annotations

import logging
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from balai.services.models import RequestFile, ServiceRequest
from balai.services.services import CODE_ALPHABET, CODE_LENGTH
from balai.services.tests.conftest import NIK, form_data, make_resident, pdf_upload, photo, site

pytestmark = pytest.mark.django_db


def _url(village, service):
    return site(village, "services_request", service_slug=service.slug)


def test_a_request_is_kept_with_its_documents_and_leads_to_its_tracking_page(
    client, dagan, service
):
    response = client.post(
        _url(dagan, service), {**form_data(), "documents": [photo(), pdf_upload()]}
    )
    assert response.status_code == 302
    req = ServiceRequest.objects.get()
    assert re.fullmatch(f"[{CODE_ALPHABET}]{{{CODE_LENGTH}}}", req.code)
    assert req.status == ServiceRequest.Status.SUBMITTED
    assert req.phone == "+6281234567890" and req.nik == NIK
    assert req.due_on > req.submitted_at.date() or service.duration_days == 0
    assert response["Location"].startswith(site(dagan, "services_index") + "lacak/" + req.code)
    assert NIK not in response["Location"]
    kinds = sorted(f.file.name.rsplit(".", 1)[1] for f in RequestFile.objects.all())
    assert kinds == ["jpg", "pdf"]
    assert all(f.file.name.startswith("layanan/") for f in RequestFile.objects.all())
    page = client.get(response["Location"])
    assert page.status_code == 200 and req.code in page.content.decode()
    assert page["Cache-Control"] == "private, no-store"
    assert NIK not in page.content.decode()


def test_the_form_never_tells_whether_a_nik_is_in_the_register(client, dagan, service):
    make_resident(dagan, nik=NIK)
    known = client.post(_url(dagan, service), form_data(nik=NIK))
    unknown = client.post(_url(dagan, service), form_data(nik="3303099999990001"))
    assert known.status_code == unknown.status_code == 302
    first, second = ServiceRequest.objects.order_by("pk")
    assert (
        known["Location"].replace(first.code, "X").split("/lacak/X/")[0]
        == (unknown["Location"].replace(second.code, "X").split("/lacak/X/")[0])
    )
    pages = [client.get(r["Location"]).content.decode() for r in (known, unknown)]
    assert "register" not in pages[0] and "register" not in pages[1]
    assert len(pages[0].replace(first.code, "")) == len(pages[1].replace(second.code, ""))
    # A form sent back for another field: the same page for both, but for what was typed.
    other = "3303099999990001"
    again = [
        client.post(_url(dagan, service), form_data(nik=nik, phone="021")) for nik in (NIK, other)
    ]
    assert again[0].status_code == again[1].status_code == 200
    html = [
        re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", r.content.decode().replace(n, ""))
        for r, n in zip(again, (NIK, other), strict=True)
    ]
    assert html[0] == html[1]


def test_the_honeypot_keeps_nothing_and_looks_like_success(client, dagan, service):
    response = client.post(_url(dagan, service), form_data(website="http://spam.example"))
    assert response.status_code == 302 and "/lacak/" in response["Location"]
    assert not ServiceRequest.objects.exists()
    assert client.get(response["Location"]).status_code == 404


def test_gambling_spam_is_refused_with_a_message(client, dagan, service):
    response = client.post(_url(dagan, service), form_data(purpose="Daftar slot gacor maxwin"))
    assert response.status_code == 200
    assert "spam" in response.content.decode()
    assert not ServiceRequest.objects.exists()


@pytest.mark.parametrize(
    "upload",
    [
        SimpleUploadedFile("ktp.jpg", b"<html><script>alert(1)</script></html>", "image/jpeg"),
        SimpleUploadedFile("surat.pdf", b"%PDF-1.4 not really a pdf", "application/pdf"),
        SimpleUploadedFile("data.xlsx", b"PK\x03\x04" + bytes(40), "application/zip"),
    ],
)
def test_an_upload_that_is_not_an_image_or_pdf_is_a_field_error(client, dagan, service, upload):
    response = client.post(_url(dagan, service), {**form_data(), "documents": [upload]})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'href="#id_documents"' in html  # listed in the error summary, beside its field
    assert not ServiceRequest.objects.exists() and not RequestFile.objects.exists()


def test_a_bad_nik_and_a_bad_phone_get_plain_messages(client, dagan, service):
    response = client.post(_url(dagan, service), form_data(nik="12345", phone="021-555"))
    html = response.content.decode()
    assert "Isi NIK dengan 16 angka." in html and "Tulis nomor WhatsApp" in html
    assert "12345" in html  # what was typed stays
    assert not ServiceRequest.objects.exists()


def test_requests_are_rate_limited_per_visitor(client, dagan, service, settings):
    for _i in range(5):
        assert client.post(_url(dagan, service), form_data()).status_code == 302
    refused = client.post(_url(dagan, service), form_data())
    assert refused.status_code == 429 and "Terlalu banyak" in refused.content.decode()
    assert ServiceRequest.objects.count() == 5


def test_a_service_not_offered_online_has_no_form(client, dagan, service):
    service.online = False
    service.save()
    assert client.get(_url(dagan, service)).status_code == 404


def test_no_nik_reaches_a_log_line(client, dagan, service, caplog):
    caplog.set_level(logging.DEBUG)
    response = client.post(_url(dagan, service), form_data())
    client.get(response["Location"])
    code = ServiceRequest.objects.get().code
    text = "\n".join(r.getMessage() for r in caplog.records)
    assert NIK not in text
    assert code not in text  # the tracking path is kept out of the request log
