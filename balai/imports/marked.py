"""The uploaded sheet handed back with its faulty cells marked, so a fix takes minutes.

After a check that found problems, the worker reads the rows the reader child wrote once more
(the child's output, not the upload: no second child) and writes them into a new workbook:
every sheet the importer read, every row at its own row number, every value as text (through
the formula guard, like every export), each cell with an error filled light red and carrying
a comment with the reason, each cell with a warning filled light yellow, and a summary sheet
("Ringkasan pemeriksaan", skipped when the file is uploaded again) with the counts, the colours
and the list of problems. A problem whose column is missing from the sheet is noted on the
row's first cell.

The same pass writes the held-back sheet when the admin may import the good groups only: the
header rows and only the held rows, one after the other, with the same columns and marks, to
fix and upload again.

The data rows are written straight to disk as sheet XML and spliced into the workbook xlsxwriter
writes around them (styles, comments, panes): memory grows with the comments, which stop after
LISTED cells (the fills go on; the summary sheet says so). Framework-free apart from gettext and
the formula guard.
"""

from __future__ import annotations

import datetime
import math
import os
import re
import shutil
import tempfile
import zipfile
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from balai.imports.isolation import Source
from balai.imports.problems import column_letters
from balai.imports.registry import Issues
from balai.lib.exports import FORMULA_START, safe_cell, xlsx_workbook

ERROR_FILL = "#F4C7C3"  # light red
WARNING_FILL = "#FCE8B2"  # light yellow
HELD_FILL = "#E3E3E3"  # a good row held back with its group
SUMMARY = "Ringkasan pemeriksaan"  # balai.imports.child skips it when read back
LISTED = 20_000  # problems listed on the summary sheet, and cells given a comment
ERROR, WARNING = 2, 1
DIMENSION = re.compile(rb"<dimension [^>]*/>")


@dataclass
class Header:
    """Where a sheet's header row is, and which cell each canonical column is in."""

    row: int
    positions: dict[str, int]


@dataclass
class Marks:
    """The problems of a file by sheet and row: {(sheet, row): {cell: [(level, text)]}}."""

    cells: dict[tuple[int, int], dict[int, list[tuple[int, str]]]]

    @classmethod
    def build(cls, issues: Issues, headers: dict[int, Header]) -> Marks:
        cells: dict[tuple[int, int], dict[int, list[tuple[int, str]]]] = defaultdict(
            lambda: defaultdict(list)
        )
        for level, items in ((ERROR, issues.errors), (WARNING, issues.warnings)):
            for sheet, number, _name, column, reason in items:
                if not number:
                    continue  # a remark on the whole file: on the summary sheet
                header = headers.get(sheet)
                position = header.positions.get(column) if header else None
                text = reason
                if position is None:
                    position = 0
                    text = f"{column}: {reason}" if column else reason
                cells[(sheet, number)][position].append((level, text))
        return cls(cells)


def cell_text(value: Any) -> str:
    """A cell as the text a person typed: 12 not 12.0, dates as yyyy-mm-dd."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime.datetime):
        if value.time() == datetime.time():
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    return str(value)


def _sheet_name(name: str, used: set[str]) -> str:
    base = "".join(c for c in name if c not in "[]:*?/\\").strip("'")[:31] or _("Lembar")
    candidate, n = base, 2
    while candidate.lower() in used or candidate.lower() == SUMMARY.lower():
        suffix = f" ({n})"
        candidate, n = base[: 31 - len(suffix)] + suffix, n + 1
    used.add(candidate.lower())
    return candidate


_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
MAX_TEXT = 32_767  # characters a cell holds


def _xml_text(text: str) -> str:
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _CONTROL.sub(lambda m: f"_x{ord(m.group()):04X}_", text)


class Rows:
    """A data sheet's <sheetData> rows, written straight to a file. xlsxwriter writes some
    30,000 cells a second here (a 100,000-row register would take over a minute); this writes
    the same inline-string cells about twenty times faster, and xlsxwriter does the rest of the
    workbook (styles, comments, panes), into which `Book.close` splices these rows."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.out = open(path, "w", encoding="utf-8")
        self.letters: list[str] = []
        self.last_row = 0
        self.last_col = 0

    def letter(self, col: int) -> str:
        while len(self.letters) <= col:
            self.letters.append(column_letters(len(self.letters)))
        return self.letters[col]

    def write(self, at: int, cells: Sequence[Any], base: str, fills: dict[int, str]) -> None:
        """Row `at` (zero-based): every non-empty cell (numbers as numbers, everything else as
        text) in style `base`, or in the style `fills` gives its column (a marked cell, written
        even when empty)."""
        number = str(at + 1)
        width = max(len(cells), max(fills) + 1 if fills else 0)
        if len(self.letters) < width:
            self.letter(width - 1)
        letters = self.letters
        parts = ['<row r="', number, '">']
        last = -1
        for col, value in enumerate(cells):
            if value is None or value == "":
                if col in fills:
                    parts.append(f'<c r="{letters[col]}{number}" s="{fills[col]}"/>')
                    last = col
                continue
            style = fills[col] if col in fills else base
            if type(value) is int or (type(value) is float and math.isfinite(value)):
                # A number stays a number: a NIK that Excel rounded must still be refused when
                # the copy comes back, not arrive as clean-looking text.
                parts.append(f'<c r="{letters[col]}{number}" s="{style}"><v>{value!r}</v></c>')
                last = col
                continue
            text = value if type(value) is str else cell_text(value)
            if text.startswith(FORMULA_START):
                text = safe_cell(text)
            if len(text) > MAX_TEXT:
                text = text[:MAX_TEXT]
            if "&" in text or "<" in text or ">" in text or _CONTROL.search(text):
                text = _xml_text(text)
            space = ' xml:space="preserve"' if text[0] in " \t\n" or text[-1] in " \t\n" else ""
            parts.append(
                f'<c r="{letters[col]}{number}" s="{style}" t="inlineStr"><is><t{space}>'
                f"{text}</t></is></c>"
            )
            last = col
        for col in sorted(c for c in fills if c >= len(cells)):
            parts.append(f'<c r="{letters[col]}{number}" s="{fills[col]}"/>')
            last = col
        if last < 0:
            return
        parts.append("</row>")
        self.out.write("".join(parts))
        self.last_row = at + 1
        self.last_col = max(self.last_col, last)

    def close(self) -> None:
        self.out.close()


class Book:
    """One output workbook and its formats."""

    def __init__(self, path: str, directory: str) -> None:
        self.path = path
        self.directory = directory
        # Not constant_memory: no cell goes through xlsxwriter but the summary's; the data
        # sheets' rows are spliced in at the end (Rows).
        self.book = xlsx_workbook(path)
        add = self.book.add_format
        self.plain = add({"num_format": "@"})
        self.bold = add({"num_format": "@", "bold": True})
        self.fills = {
            ERROR: add({"num_format": "@", "bg_color": ERROR_FILL, "border": 1}),
            WARNING: add({"num_format": "@", "bg_color": WARNING_FILL, "border": 1}),
        }
        self.held = add({"num_format": "@", "bg_color": HELD_FILL})
        # The style numbers the spliced rows refer to.
        self.styles = {
            id(f): str(f._get_xf_index())
            for f in (self.plain, self.bold, *self.fills.values(), self.held)
        }
        self.used: set[str] = set()
        self.data: list[tuple[int, Rows]] = []  # (sheet position, its rows)
        self.comments = 0  # written so far; none after LISTED (each is kept in memory)

    def sheet(self, name: str) -> tuple[Any, Rows]:
        sheet = self.book.add_worksheet(_sheet_name(name, self.used))
        rows = Rows(os.path.join(self.directory, f"{id(self)}-{len(self.book.worksheets())}.xml"))
        self.data.append((len(self.book.worksheets()), rows))
        return sheet, rows

    def row(
        self,
        target: tuple[Any, Rows],
        at: int,
        cells: Sequence[Any],
        marks: dict[int, list[tuple[int, str]]] | None,
        *,
        header: bool = False,
        note: str = "",
    ) -> None:
        """Row `at` (zero-based): its values, its marked cells filled and commented (`note`: a
        row held back for its family's sake, grey, the note on its first cell). Comments stop
        after LISTED in all: xlsxwriter keeps each in memory; the fills go on."""
        sheet, rows = target
        marks = marks or {}
        base = self.styles[id(self.bold if header else (self.held if note else self.plain))]
        fills = {col: self._fill(found) for col, found in marks.items()}
        rows.write(at, cells, base, fills)
        comments = {
            col: [
                (_("Salah: ") if level == ERROR else _("Periksa: ")) + text for level, text in found
            ]
            for col, found in marks.items()
        }
        if note:
            comments.setdefault(0, []).append(note)
        for col, lines in comments.items():
            if self.comments >= LISTED:
                break
            sheet.write_comment(at, col, "\n".join(lines)[:32000], {"x_scale": 2.5, "y_scale": 2})
            self.comments += 1

    def _fill(self, found: list[tuple[int, str]]) -> str:
        return self.styles[id(self.fills[max(level for level, _t in found)])]

    def close(self) -> None:
        """Close the workbook, then put each data sheet's rows into it."""
        self.book.close()
        for _position, rows in self.data:
            rows.close()
        spliced = self.path + ".tmp"
        parts = {f"xl/worksheets/sheet{position}.xml": rows for position, rows in self.data}
        with (
            zipfile.ZipFile(self.path) as source,
            zipfile.ZipFile(spliced, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as target,
        ):
            for info in source.infolist():
                data = source.read(info)
                found = parts.get(info.filename)
                if found is None:
                    target.writestr(info.filename, data)
                else:
                    _splice(target, info.filename, data, found)
        os.replace(spliced, self.path)
        for _position, rows in self.data:
            os.unlink(rows.path)


def _splice(target: zipfile.ZipFile, name: str, sheet: bytes, rows: Rows) -> None:
    """The sheet xlsxwriter wrote (empty rows where comments are) with our rows instead."""
    start = sheet.find(b"<sheetData")
    end = sheet.find(b"</sheetData>")
    head = sheet[:start]
    tail = (
        sheet[end + len(b"</sheetData>") :] if end >= 0 else sheet[sheet.find(b"/>", start) + 2 :]
    )
    if rows.last_row:
        last = f"{column_letters(rows.last_col)}{rows.last_row}"
        head = DIMENSION.sub(f'<dimension ref="A1:{last}"/>'.encode(), head, count=1)
    with target.open(name, "w", force_zip64=True) as out, open(rows.path, "rb") as data:
        out.write(head + b"<sheetData>")
        shutil.copyfileobj(data, out, 1 << 20)
        out.write(b"</sheetData>" + tail)


Problem = tuple[int, str, int, str, str]  # (level, sheet name, row, column, reason)


def _problems(issues: Issues, names: dict[tuple[int, str], str]) -> list[Problem]:
    """The problems in sheet and row order, each column named as the file's header names it
    ("Jenis kelamin * (pilih)" rather than "sex")."""
    listed: list[Problem] = []
    for level, items in ((ERROR, issues.errors), (WARNING, issues.warnings)):
        for sheet, number, name, column, reason in sorted(items, key=lambda i: i[:2])[:LISTED]:
            listed.append((level, name, number, names.get((sheet, column), column), reason))
    return listed


def _column_names(index: int, header: Header, cells: Sequence[Any]) -> dict[tuple[int, str], str]:
    found = {}
    for column, position in header.positions.items():
        text = cell_text(cells[position]).strip() if position < len(cells) else ""
        if text:
            found[(index, column)] = text
    return found


def _summary(book: Book, figures: Iterable[tuple[str, Any]], problems: list[Problem]) -> None:
    sheet = book.book.add_worksheet(SUMMARY)
    sheet.set_column(0, 0, 16)
    sheet.set_column(1, 1, 10)
    sheet.set_column(2, 2, 22)
    sheet.set_column(3, 3, 80)
    at = 0
    sheet.write_string(at, 0, _("Hasil pemeriksaan berkas"), book.bold)
    for at, (label, value) in enumerate(figures, start=1):
        sheet.write_string(at, 0, label)
        sheet.write_string(at, 1, cell_text(value))
    at += 2
    sheet.write_string(at, 0, _("Merah"), book.fills[ERROR])
    sheet.write_string(at, 1, _("sel yang salah: baris ini tidak dapat diimpor sebelum diperbaiki"))
    sheet.write_string(at + 1, 0, _("Kuning"), book.fills[WARNING])
    sheet.write_string(at + 1, 1, _("peringatan: tetap diimpor, tetapi periksa"))
    sheet.write_string(
        at + 2, 1, _("Arahkan ke sel bertanda (atau ketuk) untuk membaca catatan alasannya.")
    )
    at += 3
    if book.comments >= LISTED:
        sheet.write_string(
            at,
            1,
            _("Catatan hanya ada pada %(n)s sel bertanda pertama; daftar di bawah ini.")
            % {"n": f"{LISTED:,}".replace(",", ".")},
        )
        at += 1
    at += 1
    sheet.write_row(at, 0, [_("Lembar"), _("Baris"), _("Kolom"), _("Masalah")], book.bold)
    for level, name, number, column, reason in problems[:LISTED]:
        at += 1
        sheet.write_string(at, 0, safe_cell(name))
        sheet.write_string(at, 1, str(number) if number else "–")
        sheet.write_string(at, 2, safe_cell(column), book.fills[level])
        sheet.write_string(at, 3, safe_cell(reason))
    sheet.activate()


def marked_write(
    source: Source,
    issues: Issues,
    headers: dict[int, Header],
    *,
    path: str,
    figures: list[tuple[str, Any]],
    held: set[tuple[int, int]] | None = None,
    held_path: str = "",
) -> int:
    """Write the marked copy of the file the source holds to `path` (and, with `held`, the
    held-back rows to `held_path`); the number of rows written to the marked copy."""
    with tempfile.TemporaryDirectory(prefix="balai-tanda-") as directory:
        return _write(source, issues, headers, path, figures, held, held_path, directory)


def _write(
    source: Source,
    issues: Issues,
    headers: dict[int, Header],
    path: str,
    figures: list[tuple[str, Any]],
    held: set[tuple[int, int]] | None,
    held_path: str,
    directory: str,
) -> int:
    marks = Marks.build(issues, headers).cells
    marked = Book(path, directory)
    kept = Book(held_path, directory) if held is not None and held_path else None
    held_sheets = {sheet for sheet, _n in held} if held else set()
    held_note = _(
        "Baris ini benar, tetapi ditahan bersama keluarganya karena ada baris lain yang salah. "
        "Perbaiki baris bertanda merah, lalu unggah berkas ini lagi."
    )
    written = 0
    moved: dict[tuple[int, int], int] = {}  # (sheet, row) → its row in the held-back sheet
    names: dict[tuple[int, str], str] = {}  # (sheet, column) → its header in the file
    for index, table in enumerate(source.tables()):
        sheet = marked.sheet(table.name or _("Lembar1"))
        header = headers.get(index)
        kept_sheet = (
            kept.sheet(table.name or _("Lembar1")) if kept and index in held_sheets else None
        )
        kept_at = 0
        for number, cells in table.rows():
            row_marks = marks.get((index, number))
            is_header = header is not None and number <= header.row
            if header is not None and number == header.row:
                names.update(_column_names(index, header, cells))
            marked.row(sheet, number - 1, cells, row_marks, header=is_header)
            written += 1
            if kept_sheet is None or kept is None or held is None:
                continue
            if is_header:
                kept.row(kept_sheet, kept_at, cells, None, header=True)
                kept_at += 1
            elif (index, number) in held:
                refused = (index, number) in issues.refused
                kept.row(kept_sheet, kept_at, cells, row_marks, note="" if refused else held_note)
                kept_at += 1
                moved[(index, number)] = kept_at
        if header is not None:
            sheet[0].freeze_panes(header.row, 0)
        if kept_sheet is not None and header is not None:
            kept_sheet[0].freeze_panes(header.row, 0)
    _summary(marked, figures, _problems(issues, names))
    marked.close()
    if kept is not None:
        problems = [
            (
                level,
                name,
                moved[(sheet_index, number)],
                names.get((sheet_index, column), column),
                reason,
            )
            for level, items in ((ERROR, issues.errors), (WARNING, issues.warnings))
            for sheet_index, number, name, column, reason in sorted(items, key=lambda i: i[:2])
            if (sheet_index, number) in moved
        ]
        _summary(kept, [*figures, (_("Baris di berkas ini"), len(moved))], problems)
        kept.close()
    return written
