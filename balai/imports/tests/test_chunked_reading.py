"""A big .xlsx sheet is read a slice of rows at a time (balai.imports.chunks), so the reader
child's memory stays bounded; the rows that come back are the rows one whole read gives, with
the same numbers. And the numbers are the spreadsheet's: a value in row 3 is row 3."""

from __future__ import annotations

import datetime
import os
import tempfile
from pathlib import Path

import pytest
import xlsxwriter

from balai.imports.isolation import ChildLimits, read_isolated

OPENSID = Path(__file__).resolve().parents[2] / "population" / "tests" / "data" / "opensid"
WHOLE = ChildLimits(chunk_cells=0)


def _read(
    path: str, chunk_cells: int, sliced: bool | None = None
) -> list[tuple[str, int, list[tuple[int, list]]]]:
    """The tables as read; `sliced`: whether the child must have cut the sheet or not."""
    limits = ChildLimits(chunk_cells=chunk_cells)
    with read_isolated(path, "xlsx", sheets="all", limits=limits) as source:
        tables = [(t.name, t.first_row, list(t.rows())) for t in source.tables()]
        if sliced is None:
            sliced = chunk_cells > 0
        assert (source.slices > 1) == sliced, source.slices
    return tables


def _book(tmp_path: Path, fill, name: str = "buku.xlsx") -> str:
    path = tmp_path / name
    book = xlsxwriter.Workbook(str(path))
    fill(book)
    book.close()
    return str(path)


@pytest.mark.parametrize("name", ["senggigi_penduduk.xlsx", "senggigi_penduduk_semua.xlsx"])
@pytest.mark.parametrize("chunk_cells", [1, 50, 430, 5000])
def test_an_opensid_export_read_in_slices_gives_the_whole_reads_rows(name, chunk_cells):
    path = str(OPENSID / name)
    whole = _read(path, 0)
    assert sum(len(rows) for _n, _f, rows in whole) > 90
    assert _read(path, chunk_cells) == whole


def test_blank_rows_a_left_margin_dates_and_a_second_sheet_survive_slicing(tmp_path):
    def fill(book):
        dates = book.add_format({"num_format": "dd/mm/yyyy"})
        sheet = book.add_worksheet("Penduduk")
        sheet.write_row(3, 2, ["nik", "nama", "tanggallahir"])  # header in C4
        row = 4
        for n in range(60):
            if n % 17 == 5:
                row += 3  # blank rows here and there, some at a slice's edge
            sheet.write_string(row, 2, f"3303010101{n:06d}")
            sheet.write_string(row, 3, f"Warga {n}")
            if n % 3:
                sheet.write_datetime(row, 4, datetime.datetime(1980, 1, 1 + n % 28), dates)
            row += 1
        sheet.write_string(row + 2, 6, "catatan")  # a far cell, widening the sheet
        other = book.add_worksheet("Lain")
        other.write_row(0, 0, ["nik", "nama"])
        other.write_row(1, 0, ["3303010101999999", "Lain"])

    path = _book(tmp_path, fill)
    whole = _read(path, 0)
    for chunk_cells in (1, 7, 40, 100):
        assert _read(path, chunk_cells) == whole, chunk_cells
    name, first, rows = whole[0]
    assert (name, first) == ("Penduduk", 1)
    numbered = dict(rows)
    assert numbered[4][:3] == ["nik", "nama", "tanggallahir"]  # C4, numbered 4
    assert numbered[5][:2] == ["3303010101000000", "Warga 0"]
    assert numbered[6][2] == datetime.date(1980, 1, 2) or isinstance(
        numbered[6][2], datetime.datetime
    )


def test_the_first_row_holding_a_value_keeps_its_spreadsheet_number(tmp_path):
    """python-calamine gives a sheet's rows from row 1: a table that starts lower is
    numbered from 1 too, so a bad row is named by the row Excel shows."""

    def fill(book):
        sheet = book.add_worksheet()
        sheet.write_row(2, 1, ["nik", "nama"])
        sheet.write_row(4, 1, ["123", "Salah"])

    path = _book(tmp_path, fill)
    for chunk_cells in (0, 2):
        [(_name, first, rows)] = _read(path, chunk_cells)
        assert first == 1
        assert dict(rows)[3] == ["nik", "nama"]
        assert dict(rows)[5] == ["123", "Salah"]


def test_a_sheet_without_row_numbers_is_read_whole(tmp_path):
    """Rows without `r` would start every slice at row 1: such a sheet is not cut."""
    import zipfile

    def fill(book):
        sheet = book.add_worksheet()
        for n in range(20):
            sheet.write_row(n, 0, [f"a{n}", f"b{n}"])

    path = _book(tmp_path, fill)
    whole = _read(path, 0)
    plain = tmp_path / "tanpa-nomor.xlsx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(plain, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                import re

                data = re.sub(rb'(<row) r="[0-9]+"', rb"\1", data)
                data = re.sub(rb'(<c) r="[A-Z]+[0-9]+"', rb"\1", data)
            target.writestr(info, data)
    assert _read(str(plain), 3, sliced=False) == whole


def test_merged_cells_are_reported_from_a_sliced_sheet(tmp_path):
    def fill(book):
        sheet = book.add_worksheet()
        sheet.write_row(0, 0, ["nik", "nama"])
        for n in range(1, 30):
            sheet.write_row(n, 0, [f"{n:016d}", f"Nama {n}"])
        sheet.merge_range(20, 1, 21, 1, "Gabung")

    path = _book(tmp_path, fill)
    limits = ChildLimits(chunk_cells=6)
    with read_isolated(path, "xlsx", sheets="first", limits=limits) as source:
        [table] = list(source.tables())
        assert table.merged == "B21:B22"


def test_the_slices_are_removed_once_read(tmp_path, monkeypatch):
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setenv("TMPDIR", str(scratch))
    monkeypatch.setattr(tempfile, "tempdir", None)

    def fill(book):
        sheet = book.add_worksheet()
        for n in range(200):
            sheet.write_row(n, 0, [f"{n:016d}", "x"])

    path = _book(tmp_path, fill)
    assert len(_read(path, 10, sliced=True)[0][2]) == 200
    assert os.listdir(scratch) == []


def _register(path: Path, rows: int, columns: int) -> None:
    """A register of text cells as Excel writes them (shared strings), written quickly."""
    import zipfile

    from balai.imports.problems import cell_name

    strings = [f"kode {n}" for n in range(60)]  # the coded columns repeat a few values
    body = []
    for r in range(rows):
        cells = [f'<c r="A{r + 1}" t="s"><v>{len(strings)}</v></c>']
        strings.append(f"{r:016d}")  # a NIK is unique
        for c in range(1, columns):
            cells.append(f'<c r="{cell_name(r, c)}" t="s"><v>{(r + c) % 60}</v></c>')
        body.append(f'<row r="{r + 1}">{"".join(cells)}</row>')
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    kinds = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        book.writestr(
            "[Content_Types].xml",
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{kinds}.sheet.main+xml"/>'
            f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{kinds}.worksheet+xml"/>'
            f'<Override PartName="/xl/sharedStrings.xml" ContentType="{kinds}.sharedStrings+xml"/>'
            "</Types>",
        )
        book.writestr(
            "_rels/.rels",
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/>'
            "</Relationships>",
        )
        book.writestr(
            "xl/workbook.xml",
            f'<workbook xmlns="{main}" xmlns:r="{rel}"><sheets>'
            '<sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
        )
        book.writestr(
            "xl/_rels/workbook.xml.rels",
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/>'
            f'<Relationship Id="rId2" Type="{rel}/sharedStrings" Target="sharedStrings.xml"/>'
            "</Relationships>",
        )
        book.writestr(
            "xl/worksheets/sheet1.xml",
            f'<worksheet xmlns="{main}"><sheetData>{"".join(body)}</sheetData></worksheet>',
        )
        book.writestr(
            "xl/sharedStrings.xml",
            f'<sst xmlns="{main}" count="{len(strings)}" uniqueCount="{len(strings)}">'
            + "".join(f"<si><t>{s}</t></si>" for s in strings)
            + "</sst>",
        )


def test_a_big_register_is_read_by_a_small_child(tmp_path):
    """20,000 residents × 43 text columns: read whole, calamine holds them all at once; in
    slices the child stays far smaller, with the same rows."""
    path = tmp_path / "besar.xlsx"
    _register(path, 20_000, 43)
    with read_isolated(str(path), "xlsx", sheets="first", limits=WHOLE) as source:
        whole_peak = source.peak_mb
        whole = [row for t in source.tables() for row in t.rows()]
    limits = ChildLimits(chunk_cells=100_000)
    with read_isolated(str(path), "xlsx", sheets="first", limits=limits) as source:
        sliced_peak = source.peak_mb
        sliced = [row for t in source.tables() for row in t.rows()]
    assert len(whole) == 20_000
    assert whole[-1] == (
        20_000,
        [f"{19_999:016d}"] + [f"kode {(19_999 + c) % 60}" for c in range(1, 43)],
    )
    assert sliced == whole
    assert sliced_peak < whole_peak * 0.6, (sliced_peak, whole_peak)


def test_a_file_with_huge_shared_parts_is_read_whole_not_copied_into_every_slice(
    tmp_path, monkeypatch
):
    """Every slice carries the shared strings: past a bound the sheet is read whole (within
    the child's memory limit) rather than writing one copy per slice to the disk."""
    from balai.imports import chunks

    path = tmp_path / "kembar.xlsx"
    _register(path, 200, 5)
    rows = chunks.sliced_rows(str(path), "Sheet1", 4, 100)
    assert rows is not None and len(list(rows)) == 200
    monkeypatch.setattr(chunks, "MAX_SHARED_BYTES", 1000)
    assert chunks.sliced_rows(str(path), "Sheet1", 4, 100) is None
