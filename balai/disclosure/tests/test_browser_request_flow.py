"""The whole PPID flow in a real browser: a visitor files a request on a phone and tracks it;
the PPID extends it once and answers in part with a redaction reason; the visitor objects; the
Atasan PPID answers; the register and the annual report show it."""

from __future__ import annotations

import io
import re

import pytest
from python_calamine import CalamineWorkbook

from balai.conftest import PASSWORD
from balai.disclosure.models import InfoRequest, Objection

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_request_goes_from_form_to_objection_and_into_the_report(phone, desktop, dagan, alice):
    # A resident files a request on her phone.
    phone.goto("/desa/dagan/ppid/")
    phone.get_by_role("link", name="Ajukan permohonan informasi").click()
    phone.get_by_role("button", name="Kirim permohonan").click()
    phone.get_by_role("heading", name="Ada yang perlu diperbaiki").wait_for()
    phone.get_by_label("Nama pemohon").fill("Wartini Susanti")
    phone.get_by_label("Nomor KTP/NIK").fill("3303094501900012")
    phone.get_by_label("Alamat").fill("Jl. Melati RT 02/RW 03")
    phone.get_by_label("Nomor telepon/WhatsApp").fill("0812-3456-7890")
    phone.get_by_role("textbox", name=re.compile("^Email")).fill("wartini@contoh.id")
    phone.get_by_label("Rincian informasi yang dibutuhkan").fill("Daftar penerima BLT Dana Desa.")
    phone.get_by_label("Tujuan penggunaan informasi").fill("Pengawasan warga.")
    phone.get_by_label("Mendapatkan salinan").check()
    phone.get_by_label("Softcopy").check()
    phone.get_by_role("radio", name="Email").check()
    phone.get_by_role("button", name="Kirim permohonan").click()
    number = phone.locator(".tracking-code").inner_text().strip()
    tracking = phone.url.split("?")[0]
    assert "Sedang diproses" in phone.content()
    assert "3303094501900012" not in phone.content()
    info = InfoRequest.objects.get(number=number)

    # The PPID extends it once, then answers in part with the redaction reason.
    desktop.goto("/masuk/")
    desktop.fill("[name=email]", alice.email)
    desktop.fill("[name=password]", PASSWORD)
    desktop.get_by_role("button", name="Masuk").click()
    desktop.goto("/dasbor/dagan/ppid/")
    desktop.get_by_role("link", name=number).click()
    desktop.get_by_label("Alasan perpanjangan").fill("Data masih direkap per dusun.")
    desktop.get_by_role("button", name="Perpanjang 7 hari kerja").click()
    desktop.get_by_text("Batas jawaban diperpanjang").wait_for()
    assert desktop.get_by_role("button", name="Perpanjang 7 hari kerja").count() == 0
    desktop.get_by_label("Diberikan sebagian").check()
    desktop.get_by_label("Isi jawaban").fill("Jumlah penerima per dusun terlampir.")
    desktop.get_by_label("Bagian yang dihitamkan dan alasannya").fill(
        "Nama dan NIK penerima dihitamkan: data pribadi (Pasal 17 huruf h)."
    )
    desktop.get_by_role("button", name="Kirim jawaban").click()
    desktop.get_by_text("Jawaban " + number + " tersimpan.").wait_for()

    # The resident sees the answer and objects.
    phone.goto(tracking)
    assert "Nama dan NIK penerima dihitamkan" in phone.content()
    phone.get_by_role("link", name="Ajukan keberatan").click()
    phone.get_by_label("Permohonan tidak dipenuhi").check()
    phone.get_by_label("Uraian keberatan").fill("Jumlah per RT juga diperlukan.")
    phone.get_by_role("button", name="Kirim keberatan").click()
    phone.get_by_text("Sedang diproses Atasan PPID").wait_for()
    objection = Objection.objects.get(request=info)

    # The Atasan PPID answers; the resident sees it and the Komisi Informasi route.
    desktop.goto("/dasbor/dagan/ppid/")
    desktop.get_by_role("link", name=objection.number).click()
    desktop.get_by_label("Keberatan diterima").check()
    desktop.get_by_label("Isi tanggapan Atasan PPID").fill("Jumlah per RT diberikan.")
    desktop.get_by_label("Nama Atasan PPID").fill("Sugeng Pratama")
    desktop.get_by_role("button", name="Kirim tanggapan").click()
    desktop.get_by_text("Tanggapan keberatan").first.wait_for()
    phone.goto(tracking)
    assert "Jumlah per RT diberikan." in phone.content()
    assert "Komisi Informasi" in phone.content()

    # The register has it with the identity; the public report counts it without.
    desktop.goto("/dasbor/dagan/ppid/")
    with desktop.expect_download() as download:
        desktop.get_by_role("link", name="Excel").first.click()
    sheet = CalamineWorkbook.from_filelike(io.BytesIO(open(download.value.path(), "rb").read()))
    rows = sheet.get_sheet_by_index(0).to_python()
    assert rows[1][1] == number and rows[1][4] == "Wartini Susanti"
    year = info.received_on.year
    phone.goto(f"/desa/dagan/ppid/laporan/{year}/")
    report = phone.content()
    assert re.search(r"Diberikan sebagian</th>\s*<td>1</td>", report)
    assert "Wartini" not in report
