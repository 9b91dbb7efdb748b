"""On a 360 px phone: a secretary uploads 20 rows of which 4 are wrong, downloads the sheet with
the faulty cells marked, and imports the good families only, after reading what will be held
back."""

from __future__ import annotations

import os
import re

import pytest

from balai.population.import_rows import COLUMNS
from balai.population.models import Resident
from balai.population.tests.conftest import family, xlsx_bytes
from balai.population.tests.test_import_marked_report import comments, fills

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
SCREENSHOTS = os.environ.get("BALAI_SCREENSHOTS", "")


def _shot(page, name: str) -> None:
    if SCREENSHOTS:
        page.screenshot(path=os.path.join(SCREENSHOTS, name), full_page=True)


def _twenty_rows_four_wrong() -> list[dict]:
    rows = [person for n in range(1, 8) for person in family(n)][:20]
    rows[4] = {**rows[4], "nik": "33030955"}  # family 2
    rows[7] = {**rows[7], "sex": "X"}  # family 3
    rows[13] = {**rows[13], "tanggallahir": "31-02-1980"}  # family 5
    rows[14] = {**rows[14], "kk_level": "TETANGGA"}  # family 5
    return rows


def test_a_secretary_downloads_the_marked_sheet_and_imports_the_good_families(
    phone, alice, dagan, tmp_path
):
    (tmp_path / "penduduk.xlsx").write_bytes(xlsx_bytes(_twenty_rows_four_wrong()))
    phone.goto("/masuk/")
    phone.fill("[name=email]", alice.email)
    phone.fill("[name=password]", "rahasia-desa-2026")
    phone.get_by_role("button", name="Masuk").click()
    phone.goto("/dasbor/dagan/penduduk/impor/")
    phone.set_input_files("[name=file]", str(tmp_path / "penduduk.xlsx"))
    phone.get_by_role("button", name="Periksa berkas").click()
    phone.get_by_text(re.compile("4 dari 20 baris salah")).wait_for()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    _shot(phone, "import-refused-360.png")

    with phone.expect_download() as download:
        phone.get_by_role("link", name=re.compile("sel yang salah ditandai")).click()
    content = open(download.value.path(), "rb").read()
    marked = fills(content)
    letter = {c: chr(ord("A") + COLUMNS.index(c)) for c in ("nik", "sex", "kk_level")}
    letter["date"] = chr(ord("A") + COLUMNS.index("tanggallahir"))
    faulty = {f"{letter['nik']}6", f"{letter['sex']}9", f"{letter['date']}15"}
    red = {ref for ref, colour in marked.items() if colour == "F4C7C3"}
    assert faulty | {f"{letter['kk_level']}16"} == red  # the 4 wrong cells, nothing else
    assert "bukan kode" in comments(content)[f"{letter['kk_level']}16"]

    choice = phone.get_by_role("link", name="Impor keluarga yang benar saja…")
    assert "11 baris dari 4 keluarga" in phone.content()
    choice.click()
    phone.get_by_role("heading", name="Impor keluarga yang benar saja").wait_for()
    assert "5, 6, 7, 8, 9, 10, 14, 15, 16" in phone.content()
    assert not Resident.objects.exists()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    _shot(phone, "import-partial-confirm-360.png")
    phone.get_by_role("button", name="Ya, impor 4 keluarga").click()
    phone.get_by_text("Data sudah diimpor.").wait_for()
    phone.get_by_role("heading", name="Baris yang ditahan").wait_for()
    _shot(phone, "import-partial-done-360.png")
    assert Resident.objects.for_village(dagan).count() == 11
    with phone.expect_download() as held:
        phone.get_by_role("link", name="Unduh baris yang ditahan (.xlsx)").click()
    assert os.path.getsize(held.value.path()) > 0
