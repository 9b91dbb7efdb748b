"""On a 360x780 phone: the age statistics page (all sixteen age groups of a village of 800) is
at most three screens, with its table folded beneath the chart and the other categories as one
row of chips at the top; the report of a 20-row register file whose every row has a mistake is
at most three screens, one line per row. Nothing is wider than the phone outside a scroll
region (issue 17, "Tables that fit")."""

from __future__ import annotations

import random

import pytest

from balai.conftest import PASSWORD
from balai.population import demo
from balai.population.tests.conftest import family, xlsx_bytes
from balai.tests.phone_fit import OVERFLOW, REGIONS, SCREEN, screens

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_the_age_statistics_page_fits_three_screens_with_its_table_folded(phone, dagan):
    demo.demo_build(rng=random.Random(3), villages=[dagan], users={})
    phone.set_viewport_size({"width": 360, "height": SCREEN})
    phone.goto("/desa/dagan/statistik/umur/")
    assert screens(phone) <= 2.7, screens(phone)
    assert phone.evaluate(OVERFLOW) == []
    chips = phone.get_by_role("navigation", name="Kategori statistik").get_by_role("link")
    assert chips.count() > 10
    # One row of chips just under the heading, before the chart; the current one marked.
    heading = phone.get_by_role("heading", level=1).bounding_box()
    first, last = chips.first.bounding_box(), chips.last.bounding_box()
    assert first["y"] == last["y"] and heading["y"] < first["y"] < 400
    assert first["height"] >= 44
    assert phone.locator("a[aria-current=page]").inner_text() == "Umur"
    assert phone.locator("svg[role=img]").count() == 1
    table = phone.get_by_role("table")
    assert not table.is_visible()
    phone.get_by_text("Tabel angka dan persentase").click()
    assert table.is_visible()
    assert table.locator("tbody tr").count() >= 16 + 1  # sixteen age groups and the total
    assert table.locator("tbody th").first.bounding_box()["height"] < 40  # a row, not a card
    assert phone.evaluate(OVERFLOW) == []
    assert phone.evaluate(REGIONS) == [["region", "0", "Umur (kelompok 5 tahun)"]]
    assert screens(phone) <= 3.7, screens(phone)

    # The district's figures use the same includes.
    phone.goto("/statistik/umur/")
    assert screens(phone) <= 2.7 and phone.evaluate(OVERFLOW) == []
    phone.goto("/statistik/")
    assert screens(phone) <= 3 and phone.evaluate(OVERFLOW) == []


MISTAKES = [
    {"nik": "33030912037"},
    {"sex": "X"},
    {"tanggallahir": "2090-01-01"},
    {"nama": ""},
    {"agama_id": "KEPERCAYAAN LAIN", "status_kawin": "NIKAH SIRI"},
    {"no_kk": "330309010110"},
    {"kk_level": "9"},
    {"nik": "3303091203"},
    {"sex": ""},
    {"tanggallahir": "31-02-1990", "sex": "W"},
    {"status_kawin": "DUDA MATI"},
    {"agama_id": "BUDHA JAWA"},
    {"nik": "33030x1203750099"},
    {"nama": "", "tanggallahir": ""},
    {"warganegara_id": "WNX"},
    {"status_dasar": "HILANG"},
    {"kk_level": ""},
    {"no_kk": ""},
    {"sex": "3", "agama_id": "SUNDA WIWITAN LAMA"},
    {"tanggallahir": "17-13-1990"},
]


def test_the_report_of_a_20_row_file_with_a_mistake_in_every_row_fits_three_screens(
    phone, alice, tmp_path
):
    rows = [row for n in range(1, 8) for row in family(n)][:20]
    rows = [{**row, **mistake} for row, mistake in zip(rows, MISTAKES, strict=True)]
    path = tmp_path / "penduduk.xlsx"
    path.write_bytes(xlsx_bytes(rows))
    phone.set_viewport_size({"width": 360, "height": SCREEN})
    phone.goto("/masuk/")
    phone.fill("[name=email]", alice.email)
    phone.fill("[name=password]", PASSWORD)
    phone.get_by_role("button", name="Masuk").click()
    phone.goto("/dasbor/dagan/penduduk/impor/")
    phone.set_input_files("input[type=file]", str(path))
    phone.get_by_role("button", name="Periksa berkas").click()
    phone.get_by_role("heading", name="Baris yang salah").wait_for()

    table = phone.get_by_role("table", name="Baris yang salah")
    assert table.locator("tbody tr").count() == 20  # one line per row, not one per mistake
    row6 = table.locator("tbody tr").nth(4)  # the sheet's row 6: two mistakes on one line
    assert row6.locator("th").inner_text() == "6"
    assert "agama_id" in row6.inner_text() and "status_kawin" in row6.inner_text()
    assert phone.evaluate(OVERFLOW) == []
    # The dashboard menu above the heading is part 1 of the issue (its own test pins the
    # heading within 200 px); count the report as it is once that holds.
    top = phone.get_by_role("heading", level=1).bounding_box()["y"]
    height = phone.evaluate("document.documentElement.scrollHeight") - max(0, top - 200)
    assert height / SCREEN <= 2.9, (height / SCREEN, top)
