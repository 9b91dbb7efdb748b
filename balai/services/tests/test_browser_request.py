"""In a real browser: a resident asks for a letter on a 360 px phone with a photo of her KK,
the village admin asks for more on a desktop, the resident answers, the admin issues the letter
from the request (numbered, signed, with its QR) and hands its PDF over, and the resident
downloads it once with the last 4 digits of her phone."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from balai.conftest import PASSWORD
from balai.services.catalogue import catalogue_seed
from balai.services.models import ServiceRequest
from balai.services.tests.conftest import NIK, make_resident

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
SHOTS = Path(os.environ.get("BALAI_SHOTS", "/work/notes/shots/h15requests"))


def _shot(page, name: str) -> None:
    if SHOTS.parent.exists():
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def _sign_in(page, user) -> None:
    page.goto("/masuk/")
    page.fill("[name=email]", user.email)
    page.fill("[name=password]", PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url("**/dasbor/**")


def _photo(tmp_path: Path) -> Path:
    from PIL import Image

    path = tmp_path / "kk.jpg"
    Image.new("RGB", (1200, 900), (200, 180, 120)).save(path, "JPEG")
    return path


def test_a_residents_request_through_to_the_handed_over_letter(
    phone, desktop, alice, dagan, tmp_path
):
    from balai.letters.seed import seed_templates
    from balai.letters.tests.conftest import make_officials

    seed_templates()  # a transactional test starts from empty tables
    make_officials(dagan)
    catalogue_seed(village=dagan)
    make_resident(dagan, nik=NIK, name="WARTINI SUSANTI")

    phone.goto("/desa/dagan/layanan/")
    _shot(phone, "01-catalogue-360")
    phone.get_by_role("link", name="Surat Keterangan Domisili").click()
    _shot(phone, "02-service-360")
    phone.get_by_role("link", name="Ajukan online").click()
    phone.get_by_label("Nama lengkap").fill("Wartini Susanti")
    phone.get_by_label("NIK").fill(NIK)
    phone.get_by_label("Nomor HP/WhatsApp").fill("0812 3456 7890")
    phone.get_by_label("Keperluan").fill("Untuk melamar pekerjaan.")
    phone.get_by_label("Dokumen persyaratan").set_input_files(str(_photo(tmp_path)))
    _shot(phone, "03-form-360")
    phone.get_by_role("button", name="Kirim permohonan").click()
    phone.get_by_text("Permohonan terkirim").wait_for()
    _shot(phone, "04-sent-360")
    req = ServiceRequest.objects.get()
    assert req.code in phone.content() and NIK not in phone.url
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    tracking = phone.url.split("?")[0]

    _sign_in(desktop, alice)
    desktop.set_viewport_size({"width": 360, "height": 740})  # the admin on her phone
    desktop.goto("/dasbor/dagan/layanan/")
    _shot(desktop, "05a-staff-queue-360")
    desktop.goto(f"/dasbor/dagan/layanan/permohonan/{req.pk}/")
    _shot(desktop, "05b-staff-request-360")
    assert desktop.evaluate("document.documentElement.scrollWidth") <= 360
    desktop.goto("/dasbor/dagan/layanan/katalog/")
    _shot(desktop, "05c-catalogue-360")
    assert desktop.evaluate("document.documentElement.scrollWidth") <= 360
    desktop.set_viewport_size({"width": 1280, "height": 900})
    desktop.goto("/dasbor/dagan/layanan/")
    desktop.get_by_role("link", name=f"{req.code} · Surat Keterangan Domisili").click()
    desktop.get_by_text("NIK ada di register").wait_for()
    desktop.get_by_role("button", name="Cocokkan dengan penduduk ini").click()
    desktop.get_by_text("Permohonan dicocokkan").wait_for()
    desktop.get_by_label("Yang perlu dilengkapi").fill("Foto KK terpotong; kirim halaman penuh.")
    desktop.get_by_role("button", name="Kirim pesan ke pemohon").click()
    desktop.get_by_text("Pesan terkirim").wait_for()
    _shot(desktop, "05-staff-request-desktop")

    phone.goto(tracking)
    phone.get_by_text("Foto KK terpotong").wait_for()
    phone.get_by_label("Jawaban Anda").fill("Ini foto KK lengkap.")
    phone.get_by_label("Dokumen tambahan").set_input_files(str(_photo(tmp_path)))
    phone.get_by_role("button", name="Kirim jawaban").click()
    phone.get_by_text("Ini foto KK lengkap.").wait_for()

    desktop.reload()
    desktop.get_by_role("link", name="Terbitkan surat dari permohonan ini").click()
    desktop.get_by_text(f"Dari permohonan daring {req.code}").wait_for()
    assert desktop.get_by_label("Keperluan").input_value() == "Untuk melamar pekerjaan."
    desktop.get_by_role("button", name="Lihat pratinjau").click()
    desktop.get_by_role("button", name="Terbitkan surat").click()
    desktop.get_by_text("sudah terbit dari permohonan ini").wait_for()
    req.refresh_from_db()
    assert req.letter is not None and req.letter.resident.nik == NIK
    _shot(desktop, "05d-letter-issued-desktop")
    desktop.get_by_role("button", name="Serahkan surat").click()
    desktop.get_by_text("dapat diunduh sekali").wait_for()

    phone.goto(tracking)
    _shot(phone, "06-download-360")
    phone.get_by_label("4 angka terakhir nomor HP Anda").fill("7890")
    with phone.expect_download() as download:
        phone.get_by_role("button", name="Unduh surat (PDF)").click()
    handed = Path(download.value.path()).read_bytes()
    assert handed.startswith(b"%PDF")
    from balai.letters.selectors import letter_pdf

    assert handed == letter_pdf(req.letter)  # the issued letter itself
    phone.goto(tracking)
    phone.get_by_text("Surat sudah diunduh pada").wait_for()
    _shot(phone, "07-spent-360")
    req.refresh_from_db()
    assert req.status == ServiceRequest.Status.DONE and not req.download_open
    desktop.goto("/dasbor/dagan/layanan/?tampil=arsip")
    _shot(desktop, "08-archive-desktop")
    desktop.goto("/desa/dagan/layanan/surat-domisili/")
    _shot(desktop, "09-service-desktop")
