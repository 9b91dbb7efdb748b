"""In a real browser: an admin imports a file with bad rows, reads the report, fixes it and
imports; records a death and a birth and sees the statistics change; a visitor on a phone sees
the pyramid and no personal data."""

from __future__ import annotations

import re

import pytest

from balai.population.models import Resident
from balai.population.tests.conftest import family, xlsx_bytes

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _youngest_row(page) -> str:
    """The 0–4 row of the public pyramid's table: men, women, both."""
    row = page.locator(
        "table.stats-table tr", has=page.get_by_role("rowheader", name="0–4", exact=True)
    )
    return " ".join(row.locator("td:not(.share)").all_inner_texts())


def test_an_admin_imports_fixes_records_a_death_and_the_public_sees_figures(
    desktop, phone, alice, tmp_path
):
    rows = [person for n in range(1, 5) for person in family(n, f"Dusun {n % 2 + 1}")]
    bad = list(rows)
    bad[1] = {**bad[1], "nik": "3.30309E+15"}
    bad[4] = {**bad[4], "tanggallahir": "31-02-1980"}
    (tmp_path / "salah.xlsx").write_bytes(xlsx_bytes(bad))
    (tmp_path / "benar.xlsx").write_bytes(xlsx_bytes(rows))

    desktop.goto("/masuk/")
    desktop.fill("[name=email]", alice.email)
    desktop.fill("[name=password]", "rahasia-desa-2026")
    desktop.get_by_role("button", name="Masuk").click()
    desktop.goto("/dasbor/dagan/penduduk/impor/")
    desktop.set_input_files("[name=file]", str(tmp_path / "salah.xlsx"))
    desktop.get_by_role("button", name="Periksa berkas").click()
    desktop.get_by_text(re.compile("2 baris salah")).wait_for()
    assert desktop.get_by_role("cell", name="nik", exact=True).count() == 1
    assert desktop.get_by_text(re.compile("membulatkannya")).count() == 1
    assert not Resident.objects.exists()

    desktop.get_by_role("link", name="Unggah berkas yang sudah diperbaiki").click()
    desktop.set_input_files("[name=file]", str(tmp_path / "benar.xlsx"))
    desktop.get_by_role("button", name="Periksa berkas").click()
    desktop.get_by_role("button", name="Impor sekarang").click()
    desktop.get_by_text("Data penduduk sudah diimpor.").wait_for()
    assert Resident.objects.count() == 12

    phone.goto("/desa/dagan/statistik/")
    phone.get_by_role("heading", name="Piramida penduduk").wait_for()
    assert phone.locator("svg[role=img]").count() == 1
    assert phone.locator(".stat strong").first.inner_text() == "12"
    html = phone.content()
    assert not any(r["nik"] in html or r["no_kk"] in html for r in rows)

    desktop.goto("/dasbor/dagan/penduduk/")
    desktop.get_by_role("link", name="SUGENG RIYADI 1").click()
    desktop.get_by_role("link", name="Catat kematian atau kepindahan").click()
    desktop.get_by_label("Peristiwa", exact=True).select_option(label="Mati")
    desktop.fill("[name=event_date]", "2026-01-05")
    desktop.get_by_role("button", name="Catat peristiwa").click()
    desktop.get_by_text(re.compile("Peristiwa .* tercatat")).wait_for()

    phone.goto("/desa/dagan/statistik/")
    assert phone.locator(".stat strong").first.inner_text() == "11"
    assert _youngest_row(phone) == "0 0 0"

    desktop.goto("/dasbor/dagan/penduduk/")
    desktop.get_by_role("link", name="Catat kelahiran atau pendatang").click()
    desktop.fill("[name=nik]", "0")
    desktop.fill("[name=name]", "BAYI PERTIWI")
    desktop.select_option("[name=sex]", value="2")
    desktop.fill("[name=birth_date]", "2026-01-10")
    desktop.select_option("[name=family_relation]", value="4")
    desktop.fill("[name=family_number]", rows[0]["no_kk"])
    desktop.get_by_label("Lahir", exact=True).check()
    desktop.fill("[name=event_date]", "2026-01-10")
    desktop.get_by_role("button", name="Simpan").click()
    desktop.get_by_text("BAYI PERTIWI tercatat.").wait_for()

    phone.goto("/desa/dagan/statistik/")
    assert phone.locator(".stat strong").first.inner_text() == "12"
    # One baby girl: a small cell, so the public sees "< 5", never the 1.
    assert _youngest_row(phone) == "0 < 5 < 5"
    assert "BAYI PERTIWI" not in phone.content()
