"""Spreadsheets made in memory for the pipeline's tests: sparse ranges, formulas, an .ods and a
minimal .xls (an OLE2 container with a BIFF8 stream), written here byte by byte."""

from __future__ import annotations

import io
import struct
import zipfile
from collections.abc import Sequence

import xlsxwriter

ODS_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
    '<office:body><office:spreadsheet><table:table table:name="Lembar1">'
)
ODS_TAIL = "</table:table></office:spreadsheet></office:body></office:document-content>"


def xlsx(rows: Sequence[Sequence[object]], far: tuple[int, int] | None = None) -> bytes:
    """Rows from A1; `far` adds one value at that zero-based (row, column)."""
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    sheet = book.add_worksheet()
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            sheet.write(r, c, value)
    if far:
        sheet.write_string(far[0], far[1], "x")
    book.close()
    return out.getvalue()


def xlsx_formula(rows: Sequence[Sequence[object]], cell: tuple[int, int], formula: str) -> bytes:
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    sheet = book.add_worksheet()
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            sheet.write_string(r, c, str(value))
    sheet.write_formula(cell[0], cell[1], formula)
    book.close()
    return out.getvalue()


def _cell(value: object) -> str:
    return (
        f'<table:table-cell office:value-type="string"><text:p>{value}</text:p></table:table-cell>'
    )


def ods(rows: Sequence[Sequence[object]], *, gap_rows: int = 0, gap_cols: int = 0) -> bytes:
    """Rows from A1; with gaps, one more value after `gap_rows` empty repeated rows, in the
    column after `gap_cols` empty repeated cells (the sparse range LibreOffice writes)."""
    body = "".join(
        "<table:table-row>" + "".join(map(_cell, r)) + "</table:table-row>" for r in rows
    )
    if gap_rows or gap_cols:
        body += (
            f'<table:table-row table:number-rows-repeated="{gap_rows}">'
            f'<table:table-cell table:number-columns-repeated="{gap_cols + 1}"/></table:table-row>'
            f'<table:table-row><table:table-cell table:number-columns-repeated="{gap_cols}"/>'
            f"{_cell('x')}</table:table-row>"
        )
    return _ods_zip(ODS_HEAD + body + ODS_TAIL)


def ods_formula(rows: Sequence[Sequence[object]]) -> bytes:
    body = "".join(
        "<table:table-row>" + "".join(map(_cell, r)) + "</table:table-row>" for r in rows
    )
    body += (
        '<table:table-row><table:table-cell table:formula="of:=[.A1]&amp;&quot;x&quot;" '
        'office:value-type="string"><text:p>nikx</text:p></table:table-cell></table:table-row>'
    )
    return _ods_zip(ODS_HEAD + body + ODS_TAIL)


def _ods_zip(content: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet"
        )
        archive.writestr(
            "META-INF/manifest.xml",
            '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest='
            '"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
            '<manifest:file-entry manifest:full-path="/" manifest:media-type='
            '"application/vnd.oasis.opendocument.spreadsheet"/></manifest:manifest>',
        )
        archive.writestr("content.xml", content)
    return out.getvalue()


# --- a minimal .xls --------------------------------------------------------------------------

END, FREE, FATSECT, NOSTREAM = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF


def _record(kind: int, data: bytes = b"") -> bytes:
    return struct.pack("<HH", kind, len(data)) + data


def _bof(kind: int) -> bytes:
    return _record(0x0809, struct.pack("<HHHHII", 0x0600, kind, 0x0DBB, 0x07CC, 0, 6))


def xls(
    cells: Sequence[tuple[int, int, object]],
    *,
    dimensions: tuple[int, int, int, int] | None = None,
    formula_at: tuple[int, int] | None = None,
) -> bytes:
    """A one-sheet BIFF8 workbook: (row, column, text or number) cells, the DIMENSIONS record
    as given (first row, last row + 1, first column, last column + 1) or as the cells span."""
    rows = [r for r, _c, _v in cells] or [0]
    cols = [c for _r, c, _v in cells] or [0]
    r0, r1, c0, c1 = dimensions or (min(rows), max(rows) + 1, min(cols), max(cols) + 1)
    sheet = [_bof(0x0010), _record(0x0200, struct.pack("<IIHHH", r0, r1, c0, c1, 0))]
    for r, c, v in cells:
        if isinstance(v, str):
            raw = v.encode("latin-1")
            sheet.append(_record(0x0204, struct.pack("<HHHHB", r, c, 15, len(raw), 0) + raw))
        else:
            sheet.append(_record(0x0203, struct.pack("<HHHd", r, c, 15, float(v))))  # type: ignore[arg-type]
    if formula_at:
        data = struct.pack("<HHHdHI", formula_at[0], formula_at[1], 15, 1.0, 0, 0)
        sheet.append(_record(0x0006, data + struct.pack("<H", 3) + b"\x1e\x01\x00"))
    sheet.append(_record(0x000A))
    body = b"".join(sheet)
    xf = b"".join(
        _record(
            0x00E0,
            struct.pack("<HHHHHHIIH", 0, 0, 0xFFF5 if i < 15 else 1, 0x20, 0, 0, 0, 0, 0x20C0),
        )
        for i in range(16)
    )
    filler = b"".join(_record(0x0800, b"\x00" * 1000) for _ in range(5))  # past the mini stream

    def book(offset: int) -> bytes:
        name = b"Lembar1"
        sheet_entry = struct.pack("<IBBBB", offset, 0, 0, len(name), 0) + name
        return (
            _bof(0x0005)
            + _record(0x0042, struct.pack("<H", 1200))
            + xf
            + filler
            + _record(0x0085, sheet_entry)
            + _record(0x000A)
        )

    stream = book(len(book(0))) + body
    count = (len(stream) + 511) // 512
    stream = stream.ljust(count * 512, b"\x00")
    fat = [FATSECT, END] + [i + 1 for i in range(2, 1 + count)] + [END]
    fat += [FREE] * (128 - len(fat))
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 16
    header += struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + b"\x00" * 6
    header += struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, END, 0, END, 0)
    header += struct.pack("<I", 0) + struct.pack("<108I", *([FREE] * 108))

    def entry(
        name: str, kind: int, child: int = NOSTREAM, start: int = END, size: int = 0
    ) -> bytes:
        raw = (name + "\x00").encode("utf-16-le") if name else b""
        head = raw.ljust(64, b"\x00") + struct.pack(
            "<HBBIII", len(raw), kind, 1 if name else 0, NOSTREAM, NOSTREAM, child
        )
        return head + b"\x00" * 36 + struct.pack("<III", start, size, 0)

    directory = (
        entry("Root Entry", 5, child=1)
        + entry("Workbook", 2, start=2, size=len(stream))
        + entry("", 0)
        + entry("", 0)
    )
    return header + struct.pack("<128I", *fat) + directory + stream
