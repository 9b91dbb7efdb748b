from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from balai.conftest import DAGAN
from balai.registrations.demo import tiny_pdf
from balai.registrations.models import Application
from balai.registrations.tests.conftest import APPLICANT, BOKOL, file_application, png_bytes


def test_a_village_with_a_live_site_cannot_apply_and_is_told_why(client, dagan):
    response = client.post("/daftar/desa/", {"region": DAGAN})
    assert response.status_code == 200
    assert "sudah punya situs yang tayang" in response.content.decode()
    assert "registration" not in client.session


def test_a_village_with_an_open_application_is_told_its_state(client, application):
    response = client.post("/daftar/desa/", {"region": BOKOL, "q": "bokol"})
    page = response.content.decode()
    assert "sedang menunggu tinjauan kabupaten" in page
    # The search result also shows it, and it cannot be picked.
    assert "permohonan sedang ditinjau" in page
    assert 'value="33.03.01.2002" id="region-1" disabled' in page


def test_an_application_waiting_for_revision_blocks_a_second_one(client, application, dina):
    from balai.registrations.services import application_request_revision

    application_request_revision(application=application, admin=dina, message="Surat buram.")
    response = client.post("/daftar/desa/", {"region": BOKOL})
    assert "menunggu perbaikan dari pemohon" in response.content.decode()


def test_a_rejected_application_does_not_block_a_new_one(client, application, dina):
    from balai.registrations.services import application_reject

    application_reject(application=application, admin=dina, reason="Bukan perangkat desa.")
    response = client.post("/daftar/desa/", {"region": BOKOL})
    assert response.url == "/daftar/pemohon/"


def test_a_region_outside_the_district_cannot_be_picked(client, db):
    response = client.post("/daftar/desa/", {"region": "33.02"})
    assert "Pilih desa atau kelurahan dari daftar." in response.content.decode()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("whatsapp", "12345", "Tulis nomor WhatsApp seperti 0812 3456 7890"),
        ("whatsapp", "021 555 1234", "Tulis nomor WhatsApp seperti 0812 3456 7890"),
        ("email", "sri@", "Tulis alamat email yang benar"),
        ("applicant_name", "", "Isi nama lengkap Anda."),
        ("applicant_position", "camat", "Pilih salah satu jabatan dari daftar."),
    ],
)
def test_bad_contact_details_are_refused_and_what_was_typed_stays(walk, field, value, message):
    client = walk(upto="village")
    response = client.post("/daftar/pemohon/", dict(APPLICANT, **{field: value}))
    page = response.content.decode()
    assert response.status_code == 200
    assert message in page
    assert "Ada yang perlu diperbaiki" in page
    assert 'value="Sri Wahyuni"' in page or field == "applicant_name"
    assert "applicant_name" not in client.session["registration"]


@pytest.mark.parametrize(
    ("slug", "message"),
    [
        ("dagan", "sudah dipakai desa lain"),
        ("dasbor", "dipakai oleh sistem"),
        ("Bokol Desa", "huruf kecil, angka atau tanda hubung"),
        ("bokol", "sudah diminta oleh permohonan lain"),
    ],
)
def test_taken_reserved_or_malformed_addresses_are_refused(walk, dagan, slug, message):
    file_application("33.03.01.2003", wanted_slug="bokol")  # another open application wants it
    client = walk(upto="applicant")
    response = client.post("/daftar/alamat/", {"wanted_slug": slug})
    assert message in response.content.decode()
    assert not client.session["registration"].get("wanted_slug")


@pytest.mark.parametrize(
    ("domain", "message"),
    [
        ("http://dagan", "Tulis nama domain saja"),
        ("dagan desa id", "Tulis nama domain saja"),
        ("dagan.desa.id", "sudah dipakai situs desa lain"),
    ],
)
def test_bad_or_taken_domains_are_refused(walk, dagan, domain, message):
    dagan.domains.create(domain="dagan.desa.id")
    client = walk(upto="applicant")
    response = client.post("/daftar/alamat/", {"wanted_slug": "bokol", "existing_domain": domain})
    assert message in response.content.decode()


def test_a_domain_typed_as_a_link_is_tidied(walk):
    client = walk(upto="applicant")
    client.post(
        "/daftar/alamat/", {"wanted_slug": "bokol", "existing_domain": "https://Bokol.Desa.id/"}
    )
    assert client.session["registration"]["existing_domain"] == "bokol.desa.id"


def _upload(client, name, content, content_type="application/pdf"):
    return client.post(
        "/daftar/surat/", {"letter": SimpleUploadedFile(name, content, content_type)}
    )


def test_a_letter_over_the_pdf_limit_is_refused(walk):
    client = walk(upto="address")
    big = tiny_pdf()[:-6] + b" " * (10 * 1024 * 1024) + b"%%EOF\n"
    page = _upload(client, "surat.pdf", big).content.decode()
    assert "Berkas terlalu besar" in page
    assert "letter_path" not in client.session["registration"]


def test_a_pdf_that_is_really_text_is_refused(walk):
    client = walk(upto="address")
    page = _upload(client, "surat.pdf", b"Ini bukan PDF, hanya teks.\n").content.decode()
    assert "bukan JPG, PDF, PNG atau WebP yang sah" in page
    assert "letter_path" not in client.session["registration"]


def test_a_picture_that_is_really_html_is_refused(walk):
    client = walk(upto="address")
    page = _upload(client, "surat.png", b"<html><script>alert(1)</script>", "image/png")
    assert "bukan JPG, PDF, PNG atau WebP yang sah" in page.content.decode()


def test_a_png_named_pdf_is_taken_for_what_its_bytes_say(walk):
    client = walk(upto="address")
    response = _upload(client, "surat.pdf", png_bytes())
    assert response.status_code == 302
    state = client.session["registration"]
    assert state["letter_content_type"] == "image/png"
    assert state["letter_path"].endswith(".png")


def test_a_missing_letter_is_asked_for(walk):
    client = walk(upto="address")
    page = client.post("/daftar/surat/", {}).content.decode()
    assert "Pilih berkas surat permohonan." in page


def test_a_village_taken_while_checking_answers_gives_a_clear_message(walk):
    client = walk()
    file_application(BOKOL, wanted_slug="bokol-kemangkon")  # someone else was quicker
    response = client.post("/daftar/periksa/")
    page = response.content.decode()
    assert response.status_code == 400
    assert "Permohonan belum dapat dikirim" in page
    assert "sedang menunggu tinjauan kabupaten" in page
    assert '<a href="/daftar/desa/?ubah=1">Pilih desa lain</a>' in page
    assert Application.objects.count() == 1


def test_an_address_taken_while_checking_answers_leads_back_to_the_address(walk):
    client = walk()
    file_application("33.03.01.2003", wanted_slug="bokol")
    page = client.post("/daftar/periksa/").content.decode()
    assert "sudah diminta oleh permohonan lain" in page
    assert "/daftar/alamat/?ubah=1" in page
    assert Application.objects.count() == 1


def test_a_letter_photo_is_re_encoded_and_what_hid_in_it_is_gone(walk):
    from balai.lib.storage import private_storage
    from balai.lib.tests.files import png_bytes as png_with

    client = walk(upto="address")
    response = _upload(client, "shell.php.png", png_with(text="<?php phpinfo(); ?>"), "image/png")
    assert response.status_code == 302
    path = client.session["registration"]["letter_path"]
    assert "shell" not in path and path.endswith(".png")
    with private_storage().open(path) as stored:
        assert b"<?php" not in stored.read()


def test_a_scripted_pdf_letter_is_refused(walk):
    from balai.lib.tests.files import pdf_embedded_file

    client = walk(upto="address")
    page = _upload(client, "surat.pdf", pdf_embedded_file()).content.decode()
    assert "skrip, tindakan otomatis atau lampiran" in page
    assert "letter_path" not in client.session["registration"]
