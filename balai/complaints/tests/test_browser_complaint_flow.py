"""The complaint flow in a real browser: a resident sends a complaint on a 360 px phone and keeps
the tracking code; the village admin answers it on the desk (publicly and privately); the
resident reads the answer by the code and the public list shows the public reply without her
name. Screenshots at 360 px and desktop go to /work/notes/shots/h15complaints/."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from balai.complaints.models import Complaint
from balai.conftest import PASSWORD
from balai.tests.phone_fit import OVERFLOW
from balai.villages.tests.conftest import fill_profile

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
SHOTS = Path(os.environ.get("BALAI_SHOTS", "/work/notes/shots/h15complaints"))


def _shot(page, name: str) -> None:
    if SHOTS.parent.exists():
        SHOTS.mkdir(exist_ok=True)
        page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_a_resident_sends_a_complaint_and_reads_the_answer(phone, desktop, dagan, alice):
    fill_profile(dagan)  # the menu lists Pengaduan once the office is on the site
    phone.goto("/desa/dagan/")
    phone.get_by_role("link", name="Pengaduan").first.click()
    phone.get_by_role("link", name="Kirim pengaduan").click()
    phone.get_by_role("button", name="Kirim pengaduan").click()
    phone.get_by_role("heading", name="Ada yang perlu diperbaiki").wait_for()
    assert phone.evaluate(OVERFLOW) == []
    _shot(phone, "send-errors-360")
    phone.get_by_label("Infrastruktur").check()
    phone.get_by_label("Isi pengaduan atau usulan").fill(
        "Jembatan bambu di RT 03 patah, anak sekolah memutar jauh."
    )
    phone.get_by_label("Nama Anda").fill("Wartini Susanti")
    phone.get_by_label("Nomor WhatsApp").fill("0812 3456 7890")
    phone.get_by_role("button", name="Kirim pengaduan").click()
    code = phone.locator(".tracking-code").inner_text().strip()
    assert phone.get_by_text("Diterima").first.is_visible()
    assert phone.evaluate(OVERFLOW) == []
    _shot(phone, "sent-360")
    complaint = Complaint.objects.get(code=code)

    desktop.goto("/masuk/")
    desktop.fill("[name=email]", alice.email)
    desktop.fill("[name=password]", PASSWORD)
    desktop.get_by_role("button", name="Masuk").click()
    desktop.goto("/dasbor/dagan/pengaduan/")
    _shot(desktop, "desk-desktop")
    desktop.get_by_role("link", name=complaint.number).click()
    assert "Wartini Susanti" in desktop.content()
    desktop.get_by_label("Jawaban untuk pelapor").fill("Besok pagi kami perbaiki bersama warga.")
    desktop.get_by_label("Ringkasan pengaduan untuk publik").fill("Jembatan bambu RT 03 patah.")
    desktop.get_by_label("Jawaban untuk publik").fill("Jembatan diperbaiki gotong royong Sabtu.")
    desktop.get_by_role("button", name="Simpan jawaban").click()
    desktop.get_by_text(f"Jawaban {complaint.number} disimpan.").wait_for()
    _shot(desktop, "detail-desktop")

    phone.goto("/desa/dagan/pengaduan/lacak/")
    phone.get_by_label("Kode lacak").fill(code.lower())
    phone.get_by_role("button", name="Lihat pengaduan").click()
    phone.get_by_text("Besok pagi kami perbaiki bersama warga.").wait_for()
    phone.get_by_label("Tambahkan keterangan").fill("Terima kasih, Pak.")
    phone.get_by_role("button", name="Kirim keterangan").click()
    phone.get_by_text("Terima kasih, Pak.").wait_for()
    _shot(phone, "track-360")

    phone.goto("/desa/dagan/pengaduan/")
    html = phone.content()
    assert "Jembatan diperbaiki gotong royong Sabtu." in html and "Wartini" not in html
    assert phone.evaluate(OVERFLOW) == []
    _shot(phone, "public-list-360")


def test_the_desk_fits_a_phone(phone, dagan, alice):
    from balai.complaints.tests.conftest import make_complaint

    make_complaint(dagan, photo=True)
    phone.goto("/masuk/")
    phone.fill("[name=email]", alice.email)
    phone.fill("[name=password]", PASSWORD)
    phone.get_by_role("button", name="Masuk").click()
    phone.wait_for_url("**/dasbor/**")
    phone.goto("/dasbor/dagan/pengaduan/")
    assert phone.evaluate(OVERFLOW) == []
    _shot(phone, "desk-360")
    phone.get_by_role("link", name="ADU-").first.click()
    phone.get_by_role("heading", name="Jawab").wait_for()
    assert phone.evaluate(OVERFLOW) == []
    _shot(phone, "detail-360")


def test_the_kecamatan_viewer_reads_an_escalated_complaint_on_a_phone(phone, desktop, dagan, kiki):
    from balai.complaints.tests.conftest import make_complaint

    complaint = make_complaint(dagan, escalated=True)
    for page, name in ((phone, "360"), (desktop, "desktop")):
        page.goto("/masuk/")
        page.fill("[name=email]", kiki.email)
        page.fill("[name=password]", PASSWORD)
        page.get_by_role("button", name="Masuk").click()
        page.wait_for_url("**/dasbor/**")
        page.goto("/dasbor/kabupaten/pengaduan/")
        assert page.evaluate(OVERFLOW) == []
        _shot(page, f"district-{name}")
        page.get_by_role("link", name=complaint.number).click()
        assert "Sri Wahyuni" not in page.content()
        _shot(page, f"district-complaint-{name}")
    phone.get_by_label("Catatan").fill("Mohon dicek hari ini.")
    phone.get_by_role("button", name="Kirim catatan ke desa").click()
    phone.get_by_text("Catatan untuk desa disimpan.").wait_for()
