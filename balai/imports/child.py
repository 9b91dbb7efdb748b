"""The reader child process: the one place where an uploaded file's cells are read.

The worker starts it with `python -m balai.imports.child REQUEST.json` (spawned, not forked:
see `balai.imports.isolation`), and it:

1. limits itself: address space (`RLIMIT_AS`, IMPORT_MEMORY_LIMIT_MB) and CPU time, and asks
   the kernel to kill it when the worker dies;
2. measures every sheet from the file's structure and refuses a sheet too big to read, or one
   holding formulas, naming the cell (balai.imports.scan), before any cell is read;
3. reads the chosen sheets with python-calamine (or a CSV, or the CSV tables of a zip) and
   writes their rows to the output file as marshal records:
   ("table", name, first_row_number, height, first_merged_range) · ("rows", [row, …]) · … ·
   ("end",),
   and the outcome to the status file: {"code": ""} or the problem's code and parameters.

A crash here (an abort on a failed allocation, a panic, a signal) ends this process only; the
worker reports it as a failed import. No Django here: the child starts in a few dozen
milliseconds and holds no database connection.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import marshal
import os
import resource
import signal
import struct
import sys
import zipfile
from collections.abc import Iterable, Iterator
from typing import IO, Any

from balai.imports import chunks
from balai.imports.chunks import sliced_rows
from balai.imports.containers import decode_text
from balai.imports.problems import FileProblem, cell_name
from balai.imports.scan import CellLimits, Extent, scan

BATCH = 2000
PLAIN = {str, float, int, bool}
# Sheets that hold no rows: code lists (OpenSID's "Kode Data", the template's "Kode"), the
# template's guide and the summary of a marked report (balai.imports.marked).
CODE_SHEETS = {"kode", "kode data", "kode_data", "daftar kode", "petunjuk", "ringkasan pemeriksaan"}


def _limit_self(memory_mb: int, cpu_seconds: int) -> None:
    if memory_mb > 0:
        limit = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    if cpu_seconds > 0:
        resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 5))
    try:  # Linux: die with the worker instead of reading on as an orphan
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _encode(value: Any) -> Any:
    if isinstance(value, datetime.datetime):
        return ("t", value.isoformat())
    if isinstance(value, datetime.date):
        return ("d", value.isoformat())
    if isinstance(value, datetime.time):
        return ("h", value.isoformat())
    if isinstance(value, datetime.timedelta):
        return ("s", value.total_seconds())
    return "" if value is None else value


def _row(cells: list[Any]) -> Any:
    """A row as plain values; a row with dates becomes ("x", cells) so the parent decodes
    only those."""
    if set(map(type, cells)) <= PLAIN:
        return cells
    return ("x", [_encode(v) for v in cells])


class Writer:
    """Records as length-prefixed marshal blobs (marshal.loads on bytes is several times
    faster than marshal.load on a file, which reads object by object)."""

    def __init__(self, out: IO[bytes]) -> None:
        self.out = out

    def record(self, value: tuple[Any, ...]) -> None:
        blob = marshal.dumps(value)
        self.out.write(struct.pack("<I", len(blob)))
        self.out.write(blob)

    def table(
        self,
        name: str,
        first_row: int,
        height: int,
        rows: Iterable[list[Any]],
        merged: str = "",
    ) -> None:
        self.record(("table", name, first_row, height, merged))
        batch: list[Any] = []
        for cells in rows:
            batch.append(_row(cells))
            if len(batch) >= BATCH:
                self.record(("rows", batch))
                batch = []
        if batch:
            self.record(("rows", batch))


def _chosen(extents: list[Extent], mode: str) -> list[Extent]:
    if mode == "first":
        return extents[:1]
    return [e for e in extents if not e.empty and e.name.strip().lower() not in CODE_SHEETS]


def _merged(sheet: Any, extent: Extent) -> str:
    """The first merged range, "A3:A4" ("" when none)."""
    ranges = sheet.merged_cell_ranges or []
    if ranges:
        (r0, c0), (r1, c1) = ranges[0]
        return f"{cell_name(r0, c0)}:{cell_name(r1, c1)}"
    return extent.merged


def read_workbook(
    path: str, kind: str, mode: str, limits: CellLimits, writer: Writer, chunk_cells: int = 0
) -> None:
    extents = scan(path, kind, limits).sheets
    if not extents:
        raise FileProblem("no_sheet")
    chosen = _chosen(extents, mode)
    for extent in chosen:
        if extent.formula:
            raise FileProblem("formula", sheet=extent.name, cell=extent.formula)
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(path)
    names = list(book.sheet_names)
    for position, extent in enumerate(chosen):
        name = extent.name if extent.name in names else names[min(position, len(names) - 1)]
        width = extent.last_col - extent.first_col + 1
        height = extent.last_row - extent.first_row + 1
        if kind == "xlsx" and chunk_cells and width * height > chunk_cells and name == extent.name:
            rows = sliced_rows(path, name, extent.last_col, chunk_cells)
            if rows is not None:  # a big sheet, read a slice of rows at a time
                writer.table(extent.name, 1, extent.last_row + 1, rows, extent.merged)
                continue
        sheet = book.get_sheet_by_name(name)
        start = sheet.start
        # iter_rows gives the rows from row 1, blank ones above the first value included
        # (the columns from the left-most one in use): the first row is row 1.
        rows = sheet.iter_rows() if start else iter(())
        height = int(start[0]) + sheet.height if start else 0
        writer.table(extent.name, 1, height, rows, _merged(sheet, extent))


def _delimiter(sample: str) -> str:
    """The separator that splits the first lines most consistently (Excel in Indonesia saves
    CSV with ";", elsewhere ","); a tie goes to ","."""
    lines = [line for line in sample.splitlines()[:20] if line.strip()]
    best, score = ",", (0, 0)
    for candidate in (",", ";", "\t", "|"):
        counts = [line.count(candidate) for line in lines]
        if not counts or max(counts) == 0:
            continue
        mode = max(set(counts), key=counts.count)
        current = (counts.count(mode), mode) if mode else (0, 0)
        if current > score:
            best, score = candidate, current
    return best


def csv_rows(text: IO[str], name: str, limits: CellLimits) -> Iterator[list[Any]]:
    sample = text.read(16384)
    text.seek(0)
    reader = csv.reader(text, delimiter=_delimiter(sample))
    try:
        for number, cells in enumerate(reader, start=1):
            if len(cells) > limits.max_columns:
                raise FileProblem(
                    "too_many_cells",
                    sheet=name,
                    cell=cell_name(number - 1, len(cells) - 1),
                    rows=number,
                    columns=len(cells),
                    limit=limits.max_cells,
                )
            yield cells
    except csv.Error as exc:
        raise FileProblem("csv_broken", line=reader.line_num) from exc


def read_csv(path: str, limits: CellLimits, writer: Writer) -> None:
    with open(path, "rb") as handle:
        raw = handle.read()
    text, _encoding = decode_text(raw)
    del raw
    height = text.count("\n") + 1
    writer.table("", 1, height, csv_rows(io.StringIO(text, newline=None), "", limits))


def read_zip(path: str, limits: CellLimits, writer: Writer) -> None:
    """Every CSV table of a zip (a Siskeudes export), by its file name without .csv."""
    with zipfile.ZipFile(path) as archive:
        for info in archive.infolist():
            base = info.filename.rsplit("/", 1)[-1]
            if info.is_dir() or not base.lower().endswith(".csv"):
                continue
            text, _encoding = decode_text(archive.read(info))
            name = base[:-4]
            rows = csv_rows(io.StringIO(text, newline=None), name, limits)
            writer.table(name, 1, text.count("\n") + 1, rows)


def run(request: dict[str, Any]) -> dict[str, Any]:
    """Read the file into the output; the outcome for the status file."""
    limits = CellLimits(
        max_cells=int(request["max_cells"]),
        max_rows=int(request["max_rows"]),
        max_columns=int(request["max_columns"]),
    )
    with open(request["out"], "wb") as out:
        writer = Writer(out)
        try:
            kind = request["kind"]
            if kind == "csv":
                read_csv(request["path"], limits, writer)
            elif kind == "zip":
                read_zip(request["path"], limits, writer)
            else:
                read_workbook(
                    request["path"],
                    kind,
                    request["sheets"],
                    limits,
                    writer,
                    int(request.get("chunk_cells", 0)),
                )
        except FileProblem as problem:
            return {"code": problem.code, "params": _plain(problem.params)}
        except MemoryError:
            return {"code": "memory", "params": {}}
        except (zipfile.BadZipFile, UnicodeError, ValueError, OSError, EOFError):
            return {"code": "broken", "params": {}}
        except Exception as exc:
            if type(exc).__module__.startswith("python_calamine"):
                return {"code": "broken", "params": {}}
            raise
        writer.record(("end",))
    return {"code": "", "params": {}}


def _plain(params: dict[str, object]) -> dict[str, object]:
    return {k: v if isinstance(v, int | str) else str(v) for k, v in params.items()}


def _peak_mb() -> int:
    """This process's largest resident size. VmHWM, not ru_maxrss: after exec, ru_maxrss
    still counts the worker's memory at the moment it started this child."""
    try:
        with open("/proc/self/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) // 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


def main(argv: list[str]) -> int:
    with open(argv[1], encoding="utf-8") as handle:
        request = json.load(handle)
    _limit_self(int(request["memory_mb"]), int(request["cpu_seconds"]))
    if os.getppid() != int(request["parent"]):
        return 3  # the worker is already gone
    try:
        outcome = run(request)
    except BaseException as exc:
        if isinstance(exc, KeyboardInterrupt | SystemExit):
            raise
        sys.stderr.write(f"{type(exc).__name__}: {exc}\n"[:2000])
        outcome = {"code": "broken", "params": {}}
    outcome["peak_mb"] = _peak_mb()
    outcome["slices"] = chunks.SLICES_READ
    with open(request["status"], "w", encoding="utf-8") as handle:
        json.dump(outcome, handle)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
