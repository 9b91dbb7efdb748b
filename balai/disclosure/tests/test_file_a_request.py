"""A visitor files a request on the village site, gets a number and a tracking page, and
nothing about them shows on a public page."""

from __future__ import annotations

import pytest
from django.core import mail

from balai.disclosure.models import InfoRequest
from balai.disclosure.tests.conftest import request_data

pytestmark = pytest.mark.django_db

URL = "/desa/dagan/ppid/permohonan/"


def test_a_visitor_files_a_request_and_lands_on_its_tracking_page(client, dagan):
    response = client.post(URL, request_data(phone="0812-3456-7890"))
    info = InfoRequest.objects.get(village=dagan)
    assert response.status_code == 302
    assert response["Location"].endswith(f"/ppid/permohonan/lacak/{info.token}/?baru=1")
    page = client.get(response["Location"]).content.decode()
    assert info.number in page and "Permohonan terkirim" in page
    assert info.channel == "web" and info.phone == "+6281234567890"
    assert info.number.startswith("PPID-")


def test_the_tracking_page_never_shows_who_asked(client, dagan):
    client.post(URL, request_data())
    info = InfoRequest.objects.get(village=dagan)
    page = client.get(f"/desa/dagan/ppid/permohonan/lacak/{info.token}/")
    body = page.content.decode()
    for secret in ("3303094501900012", "Wartini", "Jl. Melati", "wartini@contoh.id", "81234567890"):
        assert secret not in body
    assert page["Cache-Control"] == "private, no-store"


def test_the_requester_gets_an_email_with_the_tracking_link(
    client, dagan, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(URL, request_data())
    info = InfoRequest.objects.get(village=dagan)
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["wartini@contoh.id"]
    assert info.token in mail.outbox[0].body


def test_missing_fields_are_listed_and_nothing_is_saved(client, dagan):
    response = client.post(URL, {"name": "Wartini"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "Isi NIK dengan 16 angka." in body
    assert "Tulis informasi yang Anda butuhkan." in body
    assert "Pilih cara pengiriman." in body
    assert 'value="Wartini"' in body  # what was typed stays
    assert not InfoRequest.objects.exists()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("id_number", "3303-12", "Isi NIK dengan 16 angka."),
        ("phone", "12345", "Tulis nomor WhatsApp seperti 0812 3456 7890."),
        ("email", "bukan-email", "Tulis alamat email yang benar"),
    ],
)
def test_bad_values_are_refused_with_a_clear_message(client, dagan, field, value, message):
    response = client.post(URL, request_data(**{field: value}))
    assert message in response.content.decode()
    assert not InfoRequest.objects.exists()


def test_without_phone_or_email_the_form_asks_for_one(client, dagan):
    data = request_data(phone="", email="", delivery="pickup")
    response = client.post(URL, data)
    assert "Isi nomor telepon atau email" in response.content.decode()


def test_email_delivery_needs_an_email(client, dagan):
    response = client.post(URL, request_data(email="", delivery="email"))
    assert "Isi email bila informasi dikirim lewat email." in response.content.decode()


def test_a_request_is_found_by_number_and_the_contact_given(client, dagan):
    client.post(URL, request_data())
    info = InfoRequest.objects.get(village=dagan)
    form = "/desa/dagan/ppid/permohonan/lacak/"
    found = client.post(form, {"number": info.number.lower(), "code": "WARTINI@contoh.id"})
    assert found["Location"].endswith(f"/lacak/{info.token}/")
    found = client.post(form, {"number": info.number, "code": "0812 3456 7890"})
    assert found["Location"].endswith(f"/lacak/{info.token}/")
    wrong = client.post(form, {"number": info.number, "code": "orang@lain.id"})
    assert wrong.status_code == 200 and "tidak cocok" in wrong.content.decode()


def test_a_token_of_another_village_finds_nothing(client, dagan, bojongsari):
    client.post(URL, request_data())
    info = InfoRequest.objects.get(village=dagan)
    assert client.get(f"/desa/bojongsari/ppid/permohonan/lacak/{info.token}/").status_code == 404
