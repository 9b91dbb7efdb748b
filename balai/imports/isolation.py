"""Reading an upload in a child process, so that one bad file cannot take the worker down.

Spawned, not forked. A forked child would share the worker's database connection (a psycopg
connection closed or garbage-collected in the child sends PostgreSQL a Terminate message on the
parent's socket; an SQLite handle must never cross a fork), would inherit whatever locks other
threads held, and would start with the worker's whole address space counted against its
memory limit. A spawned `python -m balai.imports.child` imports no Django, holds no connection,
starts in a few dozen milliseconds, and limits its own address space (RLIMIT_AS) and CPU time
before it touches the file. Its environment is cut down to what Python needs: no secret key,
no database address.

If the child dies (an abort on a failed allocation, MemoryError, a signal) or runs past the
time limit, the worker gets a FileProblem with a message, and carries on with the next task.
While waiting, the worker calls `waiting()` every second (the job's heartbeat).
"""

from __future__ import annotations

import datetime
import json
import marshal
import os
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from balai.imports.problems import FileProblem

ROOT = Path(__file__).resolve().parent.parent.parent  # the directory holding `balai/`
CHILD = "balai.imports.child"
Cell = Any  # str | int | float | bool | date | datetime | time | timedelta


@dataclass(frozen=True)
class ChildLimits:
    memory_mb: int = 1024
    seconds: int = 300
    max_cells: int = 8_000_000
    max_rows: int = 1_048_576
    max_columns: int = 256
    chunk_cells: int = 1_000_000  # a bigger .xlsx sheet is read a slice of rows at a time


def _decode(value: Any) -> Cell:
    if type(value) is tuple and len(value) == 2:
        tag, raw = value
        if tag == "d":
            return datetime.date.fromisoformat(raw)
        if tag == "t":
            return datetime.datetime.fromisoformat(raw)
        if tag == "h":
            return datetime.time.fromisoformat(raw)
        if tag == "s":
            return datetime.timedelta(seconds=raw)
    return value


@dataclass
class Table:
    """One sheet (or CSV table): its name, the number of its first row as the spreadsheet
    shows it, and its height (for progress)."""

    name: str
    first_row: int
    height: int
    merged: str  # the first merged range ("A3:A4"), "" when none
    _source: Source

    def rows(self) -> Iterator[tuple[int, list[Cell]]]:
        """(spreadsheet row number, cells), every row including blank ones."""
        number = self.first_row
        for batch in self._source._batches(self):
            for row in batch:
                if type(row) is tuple:
                    row = [_decode(v) for v in row[1]]
                yield number, row
                number += 1


class Source:
    """The rows a child read, streamed back from its output file one batch at a time."""

    def __init__(self, directory: str, peak_mb: int = 0, slices: int = 0) -> None:
        self.directory = directory
        self.peak_mb = peak_mb  # the child's largest resident size
        self.slices = slices  # how many slices of a big sheet it read (balai.imports.chunks)
        self._handle: IO[bytes] = open(os.path.join(directory, "out"), "rb")
        self._pending: tuple[Any, ...] | None = None
        self._current: Table | None = None

    def _next(self) -> tuple[Any, ...]:
        if self._pending is not None:
            record, self._pending = self._pending, None
            return record
        head = self._handle.read(4)
        if len(head) < 4:
            return ("end",)
        (size,) = struct.unpack("<I", head)
        return tuple(marshal.loads(self._handle.read(size)))

    def tables(self) -> Iterator[Table]:
        while True:
            record = self._next()
            if record[0] == "rows":
                continue  # the rest of a table nobody read
            if record[0] != "table":
                return
            self._current = Table(record[1], record[2], record[3], record[4], self)
            yield self._current

    def _batches(self, table: Table) -> Iterator[list[Any]]:
        while self._current is table:
            record = self._next()
            if record[0] != "rows":
                self._pending = record
                self._current = None
                return
            yield record[1]

    def rewind(self) -> None:
        """Read the rows again from the first table (the marked copy of a checked file)."""
        self._handle.seek(0)
        self._pending = self._current = None

    def close(self) -> None:
        self._handle.close()
        shutil.rmtree(self.directory, ignore_errors=True)

    def __enter__(self) -> Source:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _environment() -> dict[str, str]:
    keep = ("PATH", "LANG", "LC_ALL", "TMPDIR", "HOME")
    env = {k: os.environ[k] for k in keep if k in os.environ}
    env["RUST_BACKTRACE"] = "0"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def read_isolated(
    path: str,
    kind: str,
    *,
    sheets: str,
    limits: ChildLimits,
    waiting: Callable[[], None] = lambda: None,
) -> Source:
    """Read `path` in a child process; the Source streams its rows. Raises FileProblem."""
    directory = tempfile.mkdtemp(prefix="balai-impor-")
    try:
        status = _run_child(directory, path, kind, sheets, limits, waiting)
        return Source(directory, int(status.get("peak_mb", 0)), int(status.get("slices", 0)))
    except BaseException:
        shutil.rmtree(directory, ignore_errors=True)
        raise


def _run_child(
    directory: str,
    path: str,
    kind: str,
    sheets: str,
    limits: ChildLimits,
    waiting: Callable[[], None],
) -> dict[str, Any]:
    request = {
        "path": os.path.abspath(path),
        "kind": kind,
        "sheets": sheets,
        "out": os.path.join(directory, "out"),
        "status": os.path.join(directory, "status.json"),
        "memory_mb": limits.memory_mb,
        "cpu_seconds": limits.seconds,
        "max_cells": limits.max_cells,
        "max_rows": limits.max_rows,
        "max_columns": limits.max_columns,
        "chunk_cells": limits.chunk_cells,
        "parent": os.getpid(),
    }
    request_path = os.path.join(directory, "request.json")
    with open(request_path, "w", encoding="utf-8") as handle:
        json.dump(request, handle)
    with open(os.path.join(directory, "stderr"), "wb") as stderr:
        child = subprocess.Popen(
            [sys.executable, "-E", "-s", "-m", CHILD, request_path],
            cwd=ROOT,
            env=_environment(),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
            close_fds=True,
        )
        _wait(child, limits.seconds, waiting)
    return _outcome(child.returncode, directory)


def _wait(child: subprocess.Popen[bytes], seconds: int, waiting: Callable[[], None]) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            child.wait(timeout=1.0)
            return
        except subprocess.TimeoutExpired:
            if time.monotonic() > deadline:
                child.kill()
                child.wait()
                raise FileProblem("timeout", seconds=seconds) from None
            waiting()


def _outcome(returncode: int, directory: str) -> dict[str, Any]:
    if returncode != 0:
        errors = Path(directory, "stderr").read_bytes()[-4000:]
        if returncode == -signal.SIGXCPU:
            raise FileProblem("timeout", seconds=0)
        if b"memory allocation" in errors or b"MemoryError" in errors:
            raise FileProblem("memory")
        raise FileProblem("crashed", signal=-returncode if returncode < 0 else returncode)
    try:
        status = json.loads(Path(directory, "status.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise FileProblem("crashed", signal=0) from None
    if status.get("code"):
        raise FileProblem(status["code"], **status.get("params", {}))
    return dict(status)
