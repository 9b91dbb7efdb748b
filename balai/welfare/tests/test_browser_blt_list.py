"""In a real browser: an admin imports BLT-DD recipients with bad rows, fixes the file,
imports and publishes the list; a visitor on a phone sees the figures and the list with no
identifying numbers or addresses, and sends a correction that reaches the village."""

from __future__ import annotations

import re

import pytest

from balai.welfare.figures import figures_recompute
from balai.welfare.models import Objection, Recipient, WelfareRank
from balai.welfare.tests.conftest import good_rows, kk, xlsx_bytes

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_admin_imports_fixes_publishes_and_a_resident_objects(
    desktop, phone, alice, dagan, register, blt, tmp_path
):
    for n, head in register.items():
        WelfareRank.objects.create(
            village=dagan, household=head[0].household, decile=n, data_date="2026-03-31"
        )
    bad = good_rows() + [{"nik": "3303099999990001"}, {"no_kk": kk(4), "nilai": "3,5 juta"}]
    (tmp_path / "salah.xlsx").write_bytes(xlsx_bytes(bad))
    (tmp_path / "benar.xlsx").write_bytes(xlsx_bytes(good_rows()))

    desktop.goto("/masuk/")
    desktop.fill("[name=email]", alice.email)
    desktop.fill("[name=password]", "rahasia-desa-2026")
    desktop.get_by_role("button", name="Masuk").click()
    desktop.goto("/dasbor/dagan/bansos/")
    desktop.get_by_role("link", name="BLT Dana Desa 2026").click()
    desktop.get_by_role("link", name="Impor penerima").click()
    desktop.set_input_files("[name=file]", str(tmp_path / "salah.xlsx"))
    desktop.get_by_role("button", name="Periksa berkas").click()
    desktop.get_by_text(re.compile("2 dari 5 baris salah")).wait_for()
    assert desktop.get_by_text("NIK tidak ada di data penduduk desa.").count() == 1
    assert not Recipient.objects.exists()

    desktop.get_by_role("link", name="Unggah berkas yang sudah diperbaiki").click()
    desktop.set_input_files("[name=file]", str(tmp_path / "benar.xlsx"))
    desktop.get_by_role("button", name="Periksa berkas").click()
    desktop.get_by_role("button", name="Impor sekarang").click()
    desktop.get_by_text("Data sudah diimpor.").wait_for()
    desktop.get_by_role("link", name="Lihat daftar penerima").click()
    desktop.get_by_role("button", name="Tayangkan daftar penerima").click()
    desktop.get_by_text("Daftar penerima tayang di situs desa.").wait_for()
    assert Recipient.objects.count() == 3

    phone.goto("/desa/dagan/bantuan-sosial/")
    phone.get_by_role("heading", name="Rumah tangga menurut desil kesejahteraan").wait_for()
    assert phone.locator("svg[role=img]").count() >= 2
    phone.get_by_role("link", name="BLT Dana Desa 2026").click()
    phone.get_by_text("WARGA 1**").wait_for()  # names are masked on the public list
    html = phone.content()
    assert "WARGA 1-0" not in html
    for people in register.values():
        for person in people:
            assert person.nik not in html and person.family.number not in html
    assert "Kenanga" not in html and "141/07/I/2026" in html

    phone.get_by_role("link", name="Sampaikan sanggahan atau koreksi").click()
    phone.get_by_label("Ada warga layak yang belum terdaftar").check()
    phone.fill("[name=message]", "Keluarga Pak Darsono di RT 4 belum terdaftar.")
    phone.fill("[name=contact]", "081234567890")
    phone.get_by_role("button", name="Kirim sanggahan").click()
    phone.get_by_text(re.compile("Sanggahan Anda terkirim")).wait_for()
    assert "081234567890" not in phone.content()
    assert Objection.objects.get().message.startswith("Keluarga Pak Darsono")

    desktop.goto("/dasbor/dagan/bansos/sanggahan/")
    desktop.get_by_text(re.compile("Pak Darsono")).wait_for()
    figures_recompute(village=dagan)
