"""On a 360 px phone a village admin adds the APB Desa Perdes with its PDF (after the form
tells her what is missing), and a visitor finds it on the public register and in the DIP;
nothing is wider than the phone. Screenshots go to /work/notes/shots/h16legal/ to look at."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from balai.conftest import PASSWORD
from balai.disclosure import services as disclosure
from balai.legal.models import LegalAct
from balai.legal.tests.conftest import make_act
from balai.lib.tests.files import reportlab_pdf
from balai.tests.phone_fit import OVERFLOW

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
SHOTS = Path(os.environ.get("BALAI_SHOTS", "/work/notes/shots/h16legal"))


def _shot(page, name: str) -> None:
    if SHOTS.parent.exists():
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def _fits(page) -> list[str]:
    """What is wider than the phone, leaving out the headers of a stacked table (under 600 px
    they are visually hidden, clipped to 1 px, and only read by screen readers)."""
    return [e for e in page.evaluate(OVERFLOW) if not e.startswith("TH.")]


def _login(page, user) -> None:
    page.goto("/masuk/")
    page.fill("[name=email]", user.email)
    page.fill("[name=password]", PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url("**/dasbor/**")


def test_an_admin_adds_an_act_on_a_phone_and_the_public_finds_it(
    phone, desktop, dagan, alice, dina, tmp_path
):
    year = date.today().year
    disclosure.dip_seed(village=dagan, year=year)
    make_act(
        dagan,
        number="3",
        title=f"Rencana Pembangunan Jangka Menengah Desa Tahun {year - 6}–{year}",
        enacted_on=date(year - 6, 3, 16),
        topic="rpjmdes",
        period_from=year - 6,
        period_to=year,
    )
    _login(phone, alice)
    phone.goto("/dasbor/dagan/produk-hukum/")
    phone.get_by_role("link", name="Tambah produk hukum").click()
    phone.get_by_role("button", name="Simpan produk hukum").click()
    phone.get_by_role("heading", name="Ada yang perlu diperbaiki").wait_for()
    assert "Isi nomor produk hukum." in phone.content()
    assert "Unggah naskah PDF atau isi tautan naskah." in phone.content()
    _shot(phone, "phone-form-errors")

    phone.get_by_label("Jenis").select_option("perdes")
    phone.get_by_label("Nomor", exact=True).fill("7")
    phone.get_by_label("Judul (tentang)").fill(
        f"Anggaran Pendapatan dan Belanja Desa Tahun Anggaran {year}"
    )
    phone.get_by_label("Tanggal penetapan").fill(f"{year - 1}-12-22")
    phone.get_by_label("Tanggal pengundangan").fill(f"{year - 1}-12-22")
    phone.get_by_label("Nomor Lembaran/Berita Desa").fill("7")
    pdf = tmp_path / "apbdes.pdf"
    pdf.write_bytes(reportlab_pdf(f"Peraturan Desa Dagan Nomor 7 Tahun {year - 1}"))
    phone.get_by_label("Naskah (PDF)").set_input_files(str(pdf))
    phone.get_by_label("Dokumen perencanaan/anggaran").select_option("apbdes")
    phone.get_by_label("Berlaku untuk tahun").fill(str(year))
    phone.get_by_label("Subjek").fill("anggaran, keuangan desa")
    assert _fits(phone) == []
    _shot(phone, "phone-form-filled")
    phone.get_by_role("button", name="Simpan produk hukum").click()
    phone.get_by_text(f"Peraturan Desa Nomor 7 Tahun {year - 1} tersimpan.").wait_for()
    assert _fits(phone) == []
    _shot(phone, "phone-dashboard-list")
    act = LegalAct.objects.get(village=dagan, number="7")
    assert act.file.name.endswith(".pdf")

    # A visitor finds it on the public register, filters by year, opens it.
    phone.goto("/desa/dagan/produk-hukum/")
    phone.get_by_label("Tahun").select_option(str(year - 1))
    phone.get_by_role("button", name="Tampilkan").click()
    link = phone.get_by_role("link", name=f"Peraturan Desa Nomor 7 Tahun {year - 1}")
    assert _fits(phone) == []
    _shot(phone, "phone-public-list")
    link.click()
    phone.get_by_role("link", name="Unduh naskah (PDF)").wait_for()
    assert "Lembaran Desa Dagan" in phone.content()
    assert _fits(phone) == []
    _shot(phone, "phone-public-act")

    # The DIP links the APB Desa item to it without anyone editing the DIP.
    phone.goto(f"/desa/dagan/ppid/dip/{year}/")
    phone.get_by_role("link", name=f"Perdes 7/{year - 1}").wait_for()
    assert _fits(phone) == []
    _shot(phone, "phone-dip")

    desktop.goto("/desa/dagan/produk-hukum/")
    _shot(desktop, "desktop-public-list")
    desktop.goto(f"/desa/dagan/produk-hukum/{act.slug}/")
    _shot(desktop, "desktop-public-act")
    _login(desktop, dina)
    desktop.goto("/dasbor/kabupaten/produk-hukum/")
    desktop.get_by_role("heading", name=f"Perdes APB Desa {year}").wait_for()
    _shot(desktop, "desktop-district")
