"""The size of every sheet, found from the file's structure before any cell is read.

A spreadsheet reader builds a rectangle of cells from the top-left to the bottom-right cell in
use: a 5 KB .xlsx whose only cells are A1 and XFD1048576 asks python-calamine for 16,384 ×
1,048,576 cells (512 GiB) and the process aborts. So each sheet's used range is measured here
first, from what the reader itself would use:

- .xlsx: the `r` references of the cells that hold a value in the sheet's XML (cells without a
  reference follow the one before, as in the reader), and `<f>` elements (formulas);
- .ods: rows and cells with their `number-rows-repeated` / `number-columns-repeated` counts in
  content.xml, and `table:formula` attributes;
- .xls: the DIMENSIONS record (the reader reserves memory for it) and every cell record, and
  FORMULA records.

A sheet whose range is larger than the limits is refused naming its far cell. Framework-free:
runs in the reader child process, before python-calamine opens the file.
"""

from __future__ import annotations

import re
import struct
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from posixpath import join, normpath
from typing import IO

from balai.imports.containers import Compound
from balai.imports.problems import FileProblem, cell_name, column_index

CHUNK = 1 << 21


@dataclass(frozen=True)
class CellLimits:
    max_cells: int = 8_000_000
    max_rows: int = 1_048_576
    max_columns: int = 256


@dataclass
class Extent:
    """One sheet: its name and the zero-based bounds of the cells holding a value."""

    name: str
    first_row: int = -1
    last_row: int = -1
    first_col: int = -1
    last_col: int = -1
    formula: str = ""  # the first cell holding a formula, e.g. "C7"
    merged: str = ""  # the first merged range (.ods: the first covered cell)
    declared: tuple[int, int] = (0, 0)  # rows × columns a reader reserves up front (.xls)

    @property
    def empty(self) -> bool:
        return self.last_row < 0

    def add(self, row: int, col: int) -> None:
        if self.last_row < 0:
            self.first_row = self.last_row = row
            self.first_col = self.last_col = col
            return
        self.first_row = min(self.first_row, row)
        self.last_row = max(self.last_row, row)
        self.first_col = min(self.first_col, col)
        self.last_col = max(self.last_col, col)

    def check(self, limits: CellLimits) -> None:
        declared_rows, declared_cols = self.declared
        if declared_rows * declared_cols > limits.max_cells:
            raise FileProblem(
                "too_many_cells",
                sheet=self.name,
                cell=cell_name(declared_rows - 1, declared_cols - 1),
                rows=declared_rows,
                columns=declared_cols,
                limit=limits.max_cells,
            )
        if self.empty:
            return
        rows = self.last_row - self.first_row + 1
        cols = self.last_col - self.first_col + 1
        if rows > limits.max_rows or cols > limits.max_columns or rows * cols > limits.max_cells:
            raise FileProblem(
                "too_many_cells",
                sheet=self.name,
                cell=cell_name(self.last_row, self.last_col),
                rows=rows,
                columns=cols,
                limit=limits.max_cells,
            )


@dataclass
class Workbook:
    kind: str
    sheets: list[Extent] = field(default_factory=list)


def scan(path: str, kind: str, limits: CellLimits, wanted: Iterable[str] | None = None) -> Workbook:
    """Measure the sheets (all, or those named in `wanted`) and refuse any that is too big."""
    names = None if wanted is None else set(wanted)
    if kind == "xlsx":
        sheets = list(_xlsx(path, names, limits))
    elif kind == "ods":
        sheets = [s for s in _ods(path) if names is None or s.name in names]
    elif kind == "xls":
        sheets = [s for s in _xls(path) if names is None or s.name in names]
    else:
        return Workbook(kind)
    for sheet in sheets:
        sheet.check(limits)
    return Workbook(kind, sheets)


# --- .xlsx -------------------------------------------------------------------------------------

REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
CELL_REF = re.compile(rb'<c r="([A-Z]{1,3})([0-9]{1,7})"')
# Any cell or row tag, prefixed or not, for the exact walk.
TAG = re.compile(rb"<(/?)(?:[A-Za-z_][\w.-]*:)?(row|c|f)(?=[\s>/])([^>]*?)(/?)>")
ATTR_R = re.compile(rb'\br="([A-Z]*)([0-9]*)"')
MERGE_CELL = re.compile(rb'<mergeCell\b[^>]*?\bref="([A-Z]{1,3}[0-9]{1,7}:[A-Z]{1,3}[0-9]{1,7})"')


def _note_merged(sheet: Extent, block: bytes) -> None:
    """The first merged range of an .xlsx sheet (its `<mergeCells>` follow the cells)."""
    if not sheet.merged and b"<mergeCell " in block:
        match = MERGE_CELL.search(block)
        if match:
            sheet.merged = match.group(1).decode()


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def xlsx_sheets(archive: zipfile.ZipFile) -> list[tuple[str, str]]:
    """(name, part path) of each worksheet, in workbook order (charts and macros left out)."""
    try:
        book = ET.fromstring(archive.read("xl/workbook.xml")[: 4 << 20])
        rels = ET.fromstring(archive.read("xl/_rels/workbook.xml.rels")[: 4 << 20])
    except (KeyError, ET.ParseError) as exc:
        raise FileProblem("broken") from exc
    targets = {}
    for rel in rels:
        if _local(rel.tag) == "Relationship" and rel.get("Type", "").endswith("/worksheet"):
            target = rel.get("Target", "")
            path = target.lstrip("/") if target.startswith("/") else join("xl", target)
            targets[rel.get("Id", "")] = normpath(path)
    return [
        (el.get("name", ""), targets[el.get(REL, "")])
        for el in book.iter()
        if _local(el.tag) == "sheet" and el.get(REL, "") in targets
    ]


def _xlsx(path: str, names: set[str] | None, limits: CellLimits) -> Iterator[Extent]:
    try:
        with zipfile.ZipFile(path) as archive:
            for name, part in xlsx_sheets(archive):
                if names is not None and name not in names:
                    continue
                try:
                    yield _xlsx_sheet(archive, name, part, limits)
                except KeyError as exc:
                    raise FileProblem("broken") from exc
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise FileProblem("broken") from exc


def _xlsx_sheet(archive: zipfile.ZipFile, name: str, part: str, limits: CellLimits) -> Extent:
    """Three ways, cheapest first: verify that no cell lies beyond the extent seen at the
    sheet's start and end; else collect every cell reference; else walk every tag and count
    only the cells holding a value. The first two count styled empty cells too, so a sheet
    they find too big is measured again the exact way before it is refused."""
    sheet = Extent(name)
    with archive.open(part) as stream:
        quick = _xlsx_quick(stream, sheet)
    if quick and _within(sheet, limits):
        return sheet
    sheet = Extent(name)
    with archive.open(part) as stream:
        regular = _xlsx_refs(stream, sheet)
    if regular and _within(sheet, limits):
        return sheet
    # Unusual markup, or styled empty cells far out: count the cells holding a value.
    sheet = Extent(name)
    with archive.open(part) as stream:
        _xlsx_exact(stream, sheet)
    return sheet


def tag_blocks(stream: IO[bytes], stop: bytes = b"<") -> Iterator[bytes]:
    """The stream in large blocks, each cut before a tag so no tag is split between two."""
    tail = b""
    while chunk := stream.read(CHUNK):
        block = tail + chunk
        cut = block.rfind(stop)
        if cut <= 0:
            tail = block
            continue
        yield block[:cut]
        tail = block[cut:]
    if tail:
        yield tail


def _greater_letters(bound: str) -> str:
    """A pattern for column letters after `bound` (AQ → longer names, B–Z?, AR–AZ)."""
    options = [f"[A-Z]{{{len(bound) + 1},3}}"] if len(bound) < 3 else []
    for i, char in enumerate(bound):
        if char != "Z":
            rest = f"[A-Z]{{{len(bound) - i - 1}}}" if i < len(bound) - 1 else ""
            options.append(f"{bound[:i]}[{chr(ord(char) + 1)}-Z]{rest}")
    return "|".join(options) or "(?!)"


def _greater_number(bound: int) -> str:
    """A pattern for decimal numbers above `bound` (no leading zeros assumed; a leading zero
    only makes a number look bigger, which is on the safe side)."""
    text = str(bound)
    options = [f"[0-9]{{{len(text) + 1},}}"]
    for i, char in enumerate(text):
        if char != "9":
            rest = f"[0-9]{{{len(text) - i - 1}}}" if i < len(text) - 1 else ""
            options.append(f"{text[:i]}[{int(char) + 1}-9]{rest}")
    return "|".join(options)


def _xlsx_quick(stream: IO[bytes], sheet: Extent) -> bool:
    """The usual file: unprefixed tags, every cell starting `<c r="…"`, rows in order. The
    widest row of the first block sets the columns; each block is then searched once for a
    cell tag that breaks the pattern, or lies right of those columns or below the last row
    seen. True when none does; False sends the sheet to a slower, exact count."""
    far_col = ""
    far_row = 0
    for block in tag_blocks(stream):
        _note_merged(sheet, block)
        if not far_col:
            if re.search(rb"<[A-Za-z_][\w.-]*:worksheet\b", block[:4096]):
                return False
            refs = CELL_REF.findall(block)
            if not refs:
                return False
            far_col = max((c for c, _r in refs), key=lambda c: (len(c), c)).decode()
        last_row = block.rfind(b'<row r="')
        if last_row >= 0:
            digits = re.match(rb'<row r="([0-9]{1,7})"', block[last_row : last_row + 20])
            if digits is None:
                return False
            far_row = max(far_row, int(digits.group(1)))
        beyond = re.compile(
            rb'<c(?:>| (?!r=")| r="(?:(?:'
            + _greater_letters(far_col).encode()
            + rb")[0-9]|[A-Z]{1,3}(?:"
            + _greater_number(far_row).encode()
            + rb')"))'
        )
        if beyond.search(block):
            return False
        if not sheet.formula and b"</f>" in block:
            sheet.formula = _first_formula([block])
    if not far_col:
        return True  # no cell at all
    sheet.add(0, 0)
    sheet.add(far_row - 1, column_index(far_col))
    return True


def _first_formula(blocks: list[bytes]) -> str:
    for block in blocks:
        match = re.search(rb"<f[ >]", block)
        if match:
            refs = CELL_REF.findall(block, max(0, match.start() - 65536), match.start())
            return (refs[-1][0] + refs[-1][1]).decode() if refs else "?"
    return "?"


def _xlsx_refs(stream: IO[bytes], sheet: Extent) -> bool:
    """Every `<c r="…"` reference, with a value or only a style (an upper bound); False when
    some cell tag has a prefix or no leading reference."""
    rows: set[bytes] = set()
    cols: set[bytes] = set()
    for block in tag_blocks(stream):
        _note_merged(sheet, block)
        if re.search(rb"<[A-Za-z_][\w.-]*:(?:worksheet|c)\b", block):
            return False
        found = CELL_REF.findall(block)
        if block.count(b"<c ") + block.count(b"<c>") != len(found):
            return False
        if not sheet.formula and b"</f>" in block:
            sheet.formula = _first_formula([block])
        if found:
            letters, numbers = zip(*found, strict=True)
            cols.update(letters)
            rows.update(numbers)
    if cols:
        sheet.add(0, 0)
        sheet.add(max(int(r) for r in rows) - 1, max(column_index(c.decode()) for c in cols))
    return True


def _within(sheet: Extent, limits: CellLimits) -> bool:
    try:
        sheet.check(limits)
    except FileProblem:
        return False
    return True


def _xlsx_exact(stream: IO[bytes], sheet: Extent) -> None:
    """Walk every row and cell tag as the reader does: a tag without `r` follows the previous
    one; only cells with content (not `<c …/>`) count."""
    row, col = -1, -1
    for block in tag_blocks(stream):
        _note_merged(sheet, block)
        for match in TAG.finditer(block):
            closing, name, attrs, empty = match.groups()
            if closing:
                continue
            ref = ATTR_R.search(attrs)
            if name == b"row":
                row = int(ref.group(2)) - 1 if ref and ref.group(2) else row + 1
                col = -1
            elif name == b"c":
                if ref and ref.group(1):
                    col = column_index(ref.group(1).decode())
                    row = int(ref.group(2)) - 1 if ref.group(2) else row
                else:
                    col += 1
                if not empty:
                    sheet.add(max(row, 0), col)
            elif name == b"f" and not sheet.formula:
                sheet.formula = cell_name(max(row, 0), max(col, 0))


# --- .ods --------------------------------------------------------------------------------------

ODS_TAG = re.compile(
    rb"<(/?)table:(table|table-row|table-cell|covered-table-cell)(?=[\s>/])([^>]*?)(/?)>"
)
ODS_NAME = re.compile(rb'table:name="([^"]*)"')
ROWS_REPEATED = re.compile(rb'table:number-rows-repeated="([0-9]+)"')
COLS_REPEATED = re.compile(rb'table:number-columns-repeated="([0-9]+)"')


def _ods(path: str) -> Iterator[Extent]:
    try:
        with zipfile.ZipFile(path) as archive, archive.open("content.xml") as stream:
            yield from _ods_walk(stream)
    except KeyError as exc:
        raise FileProblem("broken") from exc
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise FileProblem("broken") from exc


def _ods_walk(stream: IO[bytes]) -> Iterator[Extent]:
    sheet: Extent | None = None
    row = col = 0
    repeat_rows = 1
    row_last = -1  # the last column holding a value in the current row
    for block in tag_blocks(stream):
        for match in ODS_TAG.finditer(block):
            closing, name, attrs, empty = match.groups()
            if name == b"table":
                if closing and sheet is not None:
                    yield sheet
                    sheet = None
                elif not closing:
                    found = ODS_NAME.search(attrs)
                    label = found.group(1).decode("utf-8", "replace") if found else ""
                    sheet, row = Extent(label), 0
                continue
            if sheet is None:
                continue
            if name == b"table-row":
                if not closing:
                    repeat = ROWS_REPEATED.search(attrs)
                    repeat_rows = int(repeat.group(1)) if repeat else 1
                    col, row_last = 0, -1
                if closing or empty:
                    if row_last >= 0 and repeat_rows > 1:
                        # A repeated row with values repeats them: its last copy counts too.
                        sheet.add(row + repeat_rows - 1, row_last)
                    row += repeat_rows
                continue
            if closing:
                continue
            repeat = COLS_REPEATED.search(attrs)
            count = int(repeat.group(1)) if repeat else 1
            if not empty or b"office:value-type" in attrs:
                sheet.add(row, col)
                sheet.add(row, col + count - 1)
                row_last = max(row_last, col + count - 1)
            if b"table:formula" in attrs and not sheet.formula:
                sheet.formula = cell_name(row, col)
            if name == b"covered-table-cell" and not sheet.merged:
                sheet.merged = cell_name(row, col)
            col += count


# --- .xls --------------------------------------------------------------------------------------

BOF, EOF, BOUNDSHEET, DIMENSIONS, FILEPASS = 0x0809, 0x000A, 0x0085, 0x0200, 0x002F
FORMULAS = {0x0006, 0x0406, 0x0221, 0x04BC}
CELLS = {0x0203, 0x027E, 0x00FD, 0x0204, 0x00D6, 0x0205, 0x0006, 0x0406}


def _xls(path: str) -> Iterator[Extent]:
    with open(path, "rb") as handle:
        data = handle.read()
    compound = Compound(data)
    lowered = {n.lower() for n in compound.names()}
    stream = compound.stream("Workbook" if "workbook" in lowered else "Book")
    for offset, name in _boundsheets(stream):
        yield _xls_sheet(stream, offset, name)


def _records(stream: bytes, offset: int) -> Iterator[tuple[int, int, bytes]]:
    while offset + 4 <= len(stream):
        kind, size = struct.unpack_from("<HH", stream, offset)
        yield offset, kind, stream[offset + 4 : offset + 4 + size]
        offset += 4 + size


def _boundsheets(stream: bytes) -> list[tuple[int, str]]:
    sheets = []
    for _offset, kind, data in _records(stream, 0):
        if kind == FILEPASS:
            raise FileProblem("encrypted")
        if kind == BOUNDSHEET and len(data) >= 8 and data[5] == 0:  # a worksheet
            length, flags = data[6], data[7]
            raw = data[8 : 8 + length * (2 if flags & 1 else 1)]
            name = raw.decode("utf-16-le" if flags & 1 else "latin-1", "replace")
            sheets.append((struct.unpack_from("<I", data)[0], name))
        elif kind == EOF:
            break
    return sheets


def _xls_sheet(stream: bytes, offset: int, name: str) -> Extent:
    sheet = Extent(name)
    depth = 0
    for _at, kind, data in _records(stream, offset):
        if kind == BOF:
            depth += 1
        elif kind == EOF:
            depth -= 1
            if depth <= 0:
                break
        elif depth != 1 or len(data) < 4:
            continue
        elif kind == DIMENSIONS and len(data) >= 12:
            first_row, last_row, first_col, last_col = struct.unpack_from("<IIHH", data)
            sheet.declared = (max(last_row - first_row, 0), max(last_col - first_col, 0))
        elif kind in CELLS or kind == 0x00BD:  # MULRK spans several columns
            row, col = struct.unpack_from("<HH", data)
            sheet.add(row, col)
            if kind == 0x00BD and len(data) >= 6:
                sheet.add(row, struct.unpack_from("<H", data, len(data) - 2)[0])
            if kind in FORMULAS and not sheet.formula:
                sheet.formula = cell_name(row, col)
    return sheet
