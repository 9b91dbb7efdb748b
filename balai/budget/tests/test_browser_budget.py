"""In a real browser on a phone: Dagan's admin imports the 2025 APBDes, approves it, records a
realisation, adds a project with a progress photo, and a visitor sees it all and the poster."""

from __future__ import annotations

import re

import pytest

from balai.budget.models import FiscalYear
from balai.budget.tests.conftest import TEMPLATE_CSV
from balai.conftest import PASSWORD

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_an_admin_imports_approves_and_publishes_the_apbdes(phone, alice, tmp_path):
    sheet = tmp_path / "apbdes-2025.csv"
    sheet.write_text(TEMPLATE_CSV, encoding="utf-8")
    photo = tmp_path / "jalan.jpg"
    from PIL import Image

    Image.new("RGB", (800, 600), (120, 120, 110)).save(photo, "JPEG")

    phone.goto("/masuk/")
    phone.fill("[name=email]", alice.email)
    phone.fill("[name=password]", PASSWORD)
    phone.get_by_role("button", name="Masuk").click()
    phone.goto("/dasbor/dagan/anggaran/")
    phone.fill("[name=year]", "2025")
    phone.get_by_role("button", name="Tambah tahun").click()
    phone.get_by_role("link", name="Impor dari lembar kerja").click()
    phone.set_input_files("[name=file]", str(sheet))
    phone.fill("[name=realised_on]", "2025-06-30")
    phone.get_by_role("button", name="Periksa berkas").click()
    phone.get_by_text("7 baris siap diimpor").wait_for()
    phone.get_by_role("button", name="Impor sekarang").click()
    phone.get_by_text("Data sudah diimpor.").wait_for()
    phone.get_by_role("link", name="Lihat APBDes 2025").click()

    phone.get_by_role("link", name="Tetapkan APBDes").click()
    phone.fill("[name=number]", "3 Tahun 2024")
    phone.fill("[name=date]", "2024-12-20")
    phone.get_by_label("Saya sudah memeriksa selisihnya").check()  # the sheet does not balance
    phone.get_by_role("button", name="Tetapkan dan tampilkan").click()
    phone.get_by_text("ditetapkan dan tampil di situs").wait_for()
    phone.get_by_role("link", name=re.compile(r"^Realisasi 5\.2\.2\.03")).click()
    phone.fill("[name=date]", "2025-09-30")
    phone.fill("[name=amount]", "Rp 30.000.000")
    phone.get_by_role("button", name="Simpan realisasi").click()
    phone.get_by_text("Realisasi tercatat.").wait_for()
    assert FiscalYear.objects.get(year=2025).spending_realised == 608_000_000

    phone.goto("/dasbor/dagan/anggaran/pembangunan/")
    phone.get_by_role("link", name="Tambah pembangunan").click()
    phone.select_option("[name=fiscal_year]", label="2025")
    phone.fill("[name=name]", "Pengerasan Jalan Dusun II")
    phone.fill("[name=latitude]", "-7.301234")
    phone.fill("[name=longitude]", "109.365678")
    phone.fill("[name=budget]", "700.000.000")
    phone.get_by_role("button", name="Simpan pembangunan").click()
    phone.get_by_role("link", name="Lapor kemajuan Pengerasan Jalan Dusun II").click()
    phone.fill("[name=percentage]", "60")
    phone.fill("[name=note]", "Pengecoran ruas pertama")
    phone.set_input_files("[name=photo]", str(photo))
    phone.fill("[name=photo_alt]", "Jalan yang sedang dicor")
    phone.get_by_role("button", name="Simpan laporan").click()
    phone.get_by_text("Laporan kemajuan tersimpan.").wait_for()

    visitor = phone.context.browser.new_page(base_url=phone.url.split("/dasbor")[0])
    visitor.set_viewport_size({"width": 360, "height": 740})
    visitor.goto("/desa/dagan/")
    visitor.get_by_role("link", name="APBDes").first.click()
    visitor.get_by_role("heading", name="APBDes tahun 2025").wait_for()
    assert "Perdes Nomor 3 Tahun 2024" in visitor.content()
    assert visitor.locator("svg[role=img]").count() >= 2
    visitor.locator(".budget-tree summary").first.click()  # 1. Pemerintahan Desa
    visitor.get_by_role("link", name="Pengerasan Jalan Dusun II").click()
    visitor.get_by_text("60% selesai").wait_for()
    photo = visitor.locator("figure.progress-photo img")
    assert photo.get_attribute("alt") == "Jalan yang sedang dicor"
    assert photo.get_attribute("src").endswith(".jpg")
    poster = visitor.request.get("/desa/dagan/apbdes/2025/poster.pdf")
    assert poster.headers["content-type"] == "application/pdf"
    assert poster.body().startswith(b"%PDF")
    visitor.close()
