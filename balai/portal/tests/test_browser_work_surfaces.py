"""At 360 px: the district operator goes from the landing page's count to a waiting item, and
an applicant copies and shares the tracking code from the confirmation page."""

from __future__ import annotations

import os
import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone

from balai.conftest import PASSWORD
from balai.portal.tests.conftest import make_application
from balai.registrations.demo import tiny_pdf
from balai.registrations.models import Application

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
SHOTS = os.environ.get("BALAI_SHOTS", "")


def shot(page, name: str) -> None:
    """Screenshots for a person to look at, when BALAI_SHOTS names a folder."""
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=f"{SHOTS}/{name}.png", full_page=True)


def sign_in(page, user) -> None:
    page.goto("/masuk/")
    page.fill("[name=email]", user.email)
    page.fill("[name=password]", PASSWORD)
    page.get_by_role("button", name="Masuk").click()


def test_the_operator_goes_from_a_count_to_the_waiting_application(phone, desktop, dina):
    late = make_application("33.03.09.2003", applicant_name="Sutrisno", whatsapp="+6281234567890")
    Application.objects.filter(pk=late.pk).update(created_at=timezone.now() - timedelta(days=21))
    make_application("33.03.09.2004")
    sign_in(phone, dina)
    phone.goto("/dasbor/kabupaten/")
    phone.get_by_role("heading", name="Yang menunggu Anda").wait_for()
    shot(phone, "district-home-360")
    count = phone.locator(".work-count", has_text="permohonan situs menunggu tinjauan")
    assert count.locator("strong").inner_text() == "2"
    box = count.locator("a").first.bounding_box()
    assert box is not None and box["height"] >= 44 and box["width"] <= 360
    count.get_by_role("link", name="1 lewat batas").click()
    phone.get_by_role("heading", name="Pendaftaran situs desa").wait_for()
    shot(phone, "review-queue-late-360")
    assert phone.locator("tbody tr").count() == 1
    phone.get_by_role("link", name=re.compile("Karangmalang")).click()
    link = phone.get_by_role("link", name="Kabari pemohon lewat WhatsApp")
    assert link.get_attribute("href").startswith("https://wa.me/6281234567890?text=")
    shot(phone, "review-detail-360")
    sign_in(desktop, dina)
    desktop.goto("/dasbor/kabupaten/")
    shot(desktop, "district-home-desktop")


def _apply(page, letter: Path) -> str:
    page.goto("/")
    page.get_by_role("link", name="Daftarkan website desa").click()
    page.get_by_role("link", name="Mulai sekarang").click()
    page.get_by_label("Cari nama desa, kelurahan atau kecamatan").fill("Bokol")
    page.get_by_role("button", name="Cari").click()
    page.get_by_label(re.compile(r"Desa Bokol")).check()
    page.get_by_role("button", name="Lanjutkan").click()
    page.fill("[name=applicant_name]", "Sri Wahyuni")
    page.get_by_label("Sekretaris desa / kelurahan").check()
    page.fill("[name=whatsapp]", "0812-3456-7890")
    page.fill("[name=email]", "sri@bokol.desa.id")
    page.get_by_role("button", name="Lanjutkan").click()
    page.get_by_role("button", name="Lanjutkan").click()
    assert page.get_by_role("link", name="Contoh surat (PDF)").is_visible()
    page.set_input_files("[name=letter]", str(letter))
    page.get_by_role("button", name="Lanjutkan").click()
    page.get_by_role("button", name="Kirim permohonan").click()
    return page.locator(".tracking-code").inner_text().strip()


def test_the_applicant_copies_and_sends_the_code_to_their_whatsapp(
    phone, browser, live_server, tmp_path, settings
):
    settings.DISTRICT_WHATSAPP = "0812-1111-2222"
    letter = tmp_path / "surat.pdf"
    letter.write_bytes(tiny_pdf())
    phone.context.grant_permissions(["clipboard-read", "clipboard-write"])
    code = _apply(phone, letter)
    shot(phone, "registration-done-360")
    share = phone.get_by_role("link", name="Kirim ke WhatsApp saya")
    href = share.get_attribute("href")
    assert href.startswith("https://wa.me/?text=") and code in href and " " not in href
    assert "6281234567890" not in href  # the applicant picks the chat; no number in it
    assert phone.get_by_text("biasanya dalam 5 hari kerja").is_visible()
    contact = phone.get_by_role("link", name=re.compile("WhatsApp admin kabupaten"))
    assert contact.get_attribute("href").startswith("https://wa.me/6281211112222?text=")
    phone.get_by_role("button", name="Salin kode").click()
    phone.get_by_text("Kode tersalin.").wait_for()
    assert phone.evaluate("navigator.clipboard.readText()") == code
    for name in ("Salin kode",):
        box = phone.get_by_role("button", name=name).bounding_box()
        assert box is not None and box["height"] >= 44

    # Without JavaScript the share link still works and no dead copy button shows.
    context = browser.new_context(
        viewport={"width": 360, "height": 740}, base_url=live_server.url, java_script_enabled=False
    )
    plain = context.new_page()
    plain.goto(f"/daftar/status/{code}/")
    assert not plain.get_by_role("button", name="Salin kode").is_visible()
    assert plain.get_by_role("link", name="Kirim ke WhatsApp saya").is_visible()
    shot(plain, "registration-status-nojs-360")
    context.close()
