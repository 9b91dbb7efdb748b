"""Reading a big .xlsx sheet a slice of rows at a time, so the reader's memory stays bounded.

python-calamine builds the whole rectangle of a sheet in memory before the first row comes
back: about 64 bytes a cell for a sheet of text cells (OpenSID writes every cell as text), so
a register of 100,000 residents × 43 columns holds some 270 MB in the reader child. Here the
sheet's XML is cut, between `<row>` elements, into slices of about IMPORT_CHUNK_CELLS cells;
each slice is written as a small workbook of its own (the original's workbook, styles and
shared strings, and a sheet holding only that slice's rows, stored uncompressed) and read by
calamine in turn. The rows come back exactly as one whole read gives them:

- row numbers: each slice's first row element carries its `r` number, so calamine puts the
  slice's rows at their real places (it gives a sheet's rows from row 1, so blank rows
  between slices come back as blank rows);
- columns: every row begins at the left-most column any cell of the sheet uses (a cell with
  only a style counts, which can add a blank column on the left where a whole read would not;
  columns are found by their headers, so that changes nothing an import sees);
- dates: the original's styles and its 1900/1904 setting are in every slice;
- merged cells are found by the sheet scan (balai.imports.scan), from the whole sheet.

Only the usual markup is cut (unprefixed tags, each slice's first row numbered); anything
else is read whole, as before. Framework-free: runs in the reader child.
"""

from __future__ import annotations

import itertools
import os
import re
import shutil
import tempfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any

from balai.imports.problems import column_index
from balai.imports.scan import tag_blocks, xlsx_sheets

MAX_SHARED_BYTES = 64 << 20  # the parts copied into every slice (shared strings, styles…)
SLICES_READ = 0  # how many slices this process read (the child reports it)
ROW_START = re.compile(rb"<row(?=[\s>/])")
ROW_NUMBER = re.compile(rb'<row\b[^>]*?\br="([0-9]{1,7})"')
CELL_COLUMN = re.compile(rb'<c\b[^>]*?\br="([A-Z]{1,3})[0-9]')
FIRST_COLUMN = re.compile(rb'<c\b[^>]*?\br="A[0-9]')
DIMENSION = re.compile(rb"<dimension\b[^>]*/>")
EMPTY_SHEET = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    b"<sheetData/></worksheet>"
)


class ReadWhole(Exception):
    """The sheet's markup is not the usual one: read it whole."""


@dataclass
class Slice:
    path: str


class Splitter:
    """Cuts one sheet of `path` into slice workbooks in `directory`, streaming: the sheet's
    XML passes through in blocks and is written straight into the current slice."""

    def __init__(self, path: str, sheet_name: str, directory: str, rows_per_slice: int) -> None:
        self.path = path
        self.sheet_name = sheet_name
        self.directory = directory
        self.rows_per_slice = max(1, rows_per_slice)
        self.first_col = -1
        self.slices: list[Slice] = []
        self._book: zipfile.ZipFile | None = None
        self._sheet: IO[bytes] | None = None

    def split(self) -> list[Slice]:
        with zipfile.ZipFile(self.path) as archive:
            parts = dict(xlsx_sheets(archive))
            part = parts.get(self.sheet_name)
            if part is None:
                raise ReadWhole
            self._part = part
            self._others = [p for p in parts.values() if p != part]
            shared = [
                info
                for info in archive.infolist()
                if not info.is_dir()
                and info.filename not in parts.values()
                and not info.filename.startswith(
                    ("xl/media/", "xl/drawings/", "xl/charts/", "xl/worksheets/_rels/")
                )
            ]
            # Judged by the sizes the archive declares (containers.py already holds them to
            # the unpacked limit), before anything is read: each slice carries these parts, so
            # huge shared strings would fill the disk with copies; the whole read is bounded by
            # the child's limits instead.
            if sum(info.file_size for info in shared) > MAX_SHARED_BYTES:
                raise ReadWhole
            self._shared = [(info.filename, archive.read(info)) for info in shared]
            try:
                with archive.open(part) as stream:
                    self._cut(stream)
            finally:
                self._close()
        return self.slices

    def _cut(self, stream: IO[bytes]) -> None:
        self._head = b""
        in_slice = 0  # rows written to the current slice
        started = False
        for block in tag_blocks(stream, b"<row"):
            if not started:
                if re.search(rb"<[A-Za-z_][\w.-]*:worksheet\b", block[:4096]):
                    raise ReadWhole
                opening = block.find(b"<sheetData>")
                if opening < 0:
                    raise ReadWhole  # an empty <sheetData/>, or markup we do not cut
                self._head = DIMENSION.sub(b"", block[: opening + len(b"<sheetData>")])
                block = block[opening + len(b"<sheetData>") :]
                started = True
            closing = block.find(b"</sheetData>")
            if closing >= 0:
                block = block[:closing]
            self._columns(block)
            position = 0
            while position < len(block):
                if self._sheet is None or in_slice >= self.rows_per_slice:
                    first = ROW_START.search(block, position)
                    if first is None:
                        if block[position:].strip() and self._sheet is None:
                            raise ReadWhole  # text before the first row
                        if self._sheet is not None:
                            self._sheet.write(block[position:])
                        break
                    if self._sheet is not None and first.start() > position:
                        self._sheet.write(block[position : first.start()])
                    position = first.start()
                    if ROW_NUMBER.match(block, position) is None:
                        raise ReadWhole  # a slice whose first row has no number
                    self._next_slice()
                    in_slice = 0
                # The rest of this slice's rows from this block: find the row that would
                # start the next slice, if it lies in this block.
                cut = len(block)
                wanted = self.rows_per_slice - in_slice
                found = 0
                for match in ROW_START.finditer(block, position):
                    if found == wanted:
                        cut = match.start()
                        break
                    found += 1
                assert self._sheet is not None
                self._sheet.write(block[position:cut])
                in_slice += found
                position = cut
            if closing >= 0:
                break
        if not started:
            raise ReadWhole

    def _next_slice(self) -> None:
        self._close()
        path = os.path.join(self.directory, f"slice-{len(self.slices):04d}.xlsx")
        self._book = zipfile.ZipFile(path, "w", zipfile.ZIP_STORED)
        for name, data in self._shared:
            self._book.writestr(name, data)
        for other in self._others:
            self._book.writestr(other, EMPTY_SHEET)
        self._sheet = self._book.open(self._part, "w", force_zip64=True)
        self._sheet.write(self._head)
        self.slices.append(Slice(path))

    def _close(self) -> None:
        if self._sheet is not None:
            self._sheet.write(b"</sheetData></worksheet>")
            self._sheet.close()
            self._sheet = None
        if self._book is not None:
            self._book.close()
            self._book = None

    def _columns(self, block: bytes) -> None:
        if self.first_col == 0:
            return
        if FIRST_COLUMN.search(block):
            self.first_col = 0
            return
        for letters in set(CELL_COLUMN.findall(block)):
            col = column_index(letters.decode())
            if self.first_col < 0 or col < self.first_col:
                self.first_col = col


def sliced_rows(
    path: str, sheet_name: str, last_col: int, chunk_cells: int
) -> Iterator[list[Any]] | None:
    """Every row from the sheet's first (row 1), read slice by slice, as one whole read gives
    them; None when the sheet should be read whole (unusual markup)."""
    directory = tempfile.mkdtemp(prefix="balai-irisan-")
    splitter = Splitter(path, sheet_name, directory, chunk_cells // (last_col + 1))
    try:
        slices = splitter.split()
    except (ReadWhole, KeyError, zipfile.BadZipFile):
        shutil.rmtree(directory, ignore_errors=True)
        return None
    except BaseException:
        shutil.rmtree(directory, ignore_errors=True)
        raise
    first_col = max(0, splitter.first_col)
    return _rows(slices, sheet_name, first_col, last_col - first_col + 1, directory)


def _rows(
    slices: list[Slice], sheet_name: str, first_col: int, width: int, directory: str
) -> Iterator[list[Any]]:
    """calamine gives a sheet's rows from row 1, blank ones included, and its columns from
    the left-most one in use to the right-most: a slice's rows are those after the rows
    already given, moved right to the sheet's left-most column and as wide as the sheet."""
    from python_calamine import CalamineWorkbook

    global SLICES_READ
    try:
        given = 0
        for slice_ in slices:
            SLICES_READ += 1
            sheet = CalamineWorkbook.from_path(slice_.path).get_sheet_by_name(sheet_name)
            start = sheet.start
            if start:
                pad = [""] * max(0, int(start[1]) - first_col)
                for cells in itertools.islice(sheet.iter_rows(), given, None):
                    if pad:
                        cells = pad + cells
                    if len(cells) < width:
                        cells += [""] * (width - len(cells))
                    yield cells
                    given += 1
            del sheet
            os.unlink(slice_.path)
    finally:
        shutil.rmtree(directory, ignore_errors=True)
