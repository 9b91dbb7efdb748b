"""The interface every import implements, and the registry the pipeline finds them in.

An importer is a class with a key ("population.residents"), the dashboard it belongs to (its
URL namespace and the role that may use it), what files it takes, and five steps the pipeline
calls in order:

1. `prepare(job)` — the job's parameters as objects (the programme, the fiscal year);
2. `parse(ctx, source, issues, progress)` — the rows read from the file, each through
   `parse_row` (values, or errors by column); the default reads a header with `columns`;
3. `check_across(ctx, rows, issues)` — checks between rows (duplicates, families);
4. `compare(ctx, rows)` — against what the village already holds: added / updated / unchanged;
5. `write(ctx, rows, changes)` — all or nothing, inside the pipeline's one transaction.

Everything else (the upload, sniffing and limits, the reader child process, progress and
heartbeat, the report, its download, the confirmation, a dead worker) is the pipeline's. The
move from OpenSID (issue 14) adds importers with their own `parse` over other sources: an
importer with `reader = "file"` reads the stored upload itself (an .sql dump streamed
statement by statement, a zip of the desa/ folder), and may split its write by kind of data.

Domain apps declare theirs in `<app>/importers.py` with `@register`.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar

from django.apps import apps
from django.utils.translation import gettext as _

from balai.imports.containers import SPREADSHEET_KINDS
from balai.imports.errors import ImportFileError

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

    from balai.imports.isolation import Cell, Source
    from balai.imports.models import ImportJob
    from balai.villages.models import Village

RowT = TypeVar("RowT")
_HINTS = re.compile(r"\([^)]*\)|\*")
MAX_ISSUES = 200_000


# Where a row is: (sheet position, sheet name, the row number people see). A plain tuple, so
# rows kept between check and write stay plain values.
RowRef = tuple[int, str, int]
FILE: RowRef = (0, "", 0)  # a problem of the whole file, not of one row


def row_label(ref: RowRef) -> str:
    """5, or "Dusun II!5" for a row on a later sheet."""
    return str(ref[2]) if ref[0] == 0 else f"{ref[1]}!{ref[2]}"


@dataclass
class Issues:
    """Every problem found, by row, column and reason: errors refuse the file, warnings are
    kept in the report."""

    errors: list[tuple[int, int, str, str, str]] = field(default_factory=list)
    warnings: list[tuple[int, int, str, str, str]] = field(default_factory=list)
    error_count: int = 0
    warning_count: int = 0
    refused: set[tuple[int, int]] = field(default_factory=set)

    def error(self, ref: RowRef, column: str, reason: str) -> None:
        self.error_count += 1
        self.refused.add((ref[0], ref[2]))
        if len(self.errors) < MAX_ISSUES:
            self.errors.append((ref[0], ref[2], ref[1], column, reason))

    def warn(self, ref: RowRef, column: str, reason: str) -> None:
        self.warning_count += 1
        if len(self.warnings) < MAX_ISSUES:
            self.warnings.append((ref[0], ref[2], ref[1], column, reason))

    def has_errors(self) -> bool:
        return self.error_count > 0

    @staticmethod
    def rows(items: list[tuple[int, int, str, str, str]]) -> list[list[int | str]]:
        """[[row, column, reason]] in sheet and row order; a column on a later sheet is named
        with its sheet ("Dusun II!nik")."""
        return [
            [number, f"{name}!{column}" if sheet else column, reason]
            for sheet, number, name, column, reason in sorted(items, key=lambda i: i[:2])
        ]


@dataclass
class Changes:
    """What a write would do, compared with what the village holds."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0
    detail: Any = None  # whatever the importer's write needs (new rows, rows to update…)

    def counts(self) -> dict[str, int]:
        return {
            "added": self.added,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "removed": self.removed,
        }


@dataclass
class Context:
    """One run of an importer: the job, its village and whatever `prepare` looked up."""

    job: ImportJob
    village: Village
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Columns:
    """A header row: the canonical column names in the order `parse_row` receives them, other
    spellings, which must be there, and what to do with names nobody knows."""

    names: tuple[str, ...]
    aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)
    required: frozenset[str] = frozenset()
    any_of: tuple[str, ...] = ()
    refuse_unknown: bool = True
    search_rows: int = 1  # the header may sit below a title, within this many rows

    def _spellings(self) -> dict[str, str]:
        table = {name: name for name in self.names}
        for name, others in self.aliases.items():
            table.update(dict.fromkeys(others, name))
        return table

    def locate(self, cells: Sequence[Cell]) -> tuple[list[int | None], list[str], list[str]]:
        """(position of each canonical column or None, missing required, unknown names)."""
        spellings = self._spellings()
        header = [str(c if c is not None else "").strip().lower() for c in cells]
        found: dict[str, int] = {}
        unknown = []
        for index, text in enumerate(header):
            if not text:
                continue
            name = spellings.get(text) or spellings.get(" ".join(text.replace("_", " ").split()))
            if name is None and ("(" in text or "*" in text):
                # A template's header carries hints: "Tanggal lahir * (tttt-bb-hh)".
                name = spellings.get(" ".join(_HINTS.sub(" ", text).split()))
            if name is None:
                unknown.append(text)
            elif name not in found:
                found[name] = index
        missing = [n for n in self.names if n in self.required and n not in found]
        if self.any_of and not any(n in found for n in self.any_of):
            missing.append(" / ".join(self.any_of))
        return [found.get(n) for n in self.names], missing, unknown

    def refusal(self, missing: list[str], unknown: list[str]) -> ImportFileError:
        parts = []
        if missing:
            parts.append(_("kolom yang tidak ada: %(cols)s") % {"cols": ", ".join(missing)})
        if unknown and self.refuse_unknown:
            parts.append(_("kolom yang tidak dikenal: %(cols)s") % {"cols": ", ".join(unknown)})
        return ImportFileError(
            _("Baris judul kolom tidak sesuai templat; %(parts)s.") % {"parts": "; ".join(parts)}
        )


@dataclass
class Page:
    """What the job page shows around the pipeline's report."""

    title: StrOrPromise
    back_url: str
    back_label: StrOrPromise
    upload_url: str  # to upload a corrected file
    done_url: str = ""
    done_label: StrOrPromise = ""
    subtitle: StrOrPromise = ""
    head_template: str = ""  # extra <head> content of the domain (its stylesheet)


def is_blank(cells: Sequence[Cell]) -> bool:
    for c in cells:
        if c != "" and c is not None:
            return False
    return True


class Importer(Generic[RowT]):
    """Base of every import; see the module docstring for the steps."""

    key: ClassVar[str]
    domain: ClassVar[str]  # "population": URLs in population_dashboard, history filtered by it
    area: ClassVar[str]  # the role area of the domain's dashboard ("personal", "budget")
    label: ClassVar[StrOrPromise]
    kinds: ClassVar[frozenset[str]] = SPREADSHEET_KINDS
    max_bytes: ClassVar[int] = 50 * 1024 * 1024
    max_rows: ClassVar[int] = 200_000
    sheets: ClassVar[str] = "first"  # "all": every sheet but the code lists
    # "table": the reader child reads the cells (spreadsheets, CSV, a zip of CSV tables) and
    # `parse` gets a Source; "file": `parse` gets the path of the upload and reads it itself
    # (a database dump, an archive of pictures), keeping its own limits.
    reader: ClassVar[str] = "table"
    columns: ClassVar[Columns | None] = None
    cache_rows: ClassVar[bool] = False  # keep the parsed rows between check and write
    refuse_merged: ClassVar[bool] = False  # merged cells leave values out of their rows
    summary_template: ClassVar[str] = ""  # a piece of the report the domain adds
    # The admin may import the groups (families) without a refused row and hold back the
    # rest (`held_back`, `row_key`, `group_count`); the default stays all or nothing.
    partial: ClassVar[bool] = False

    def __init__(self) -> None:
        # sheet → (header row number, position of each canonical column or None)
        self.located: dict[int, tuple[int, list[int | None]]] = {}

    def prepare(self, job: ImportJob) -> Context:
        return Context(job=job, village=job.village)

    def parse(
        self,
        ctx: Context,
        source: Source | str,
        issues: Issues,
        progress: Callable[[int, int], None],
    ) -> list[RowT]:
        """Every non-blank row of every table through `parse_row`, after its header row.
        (`source` is the upload's path instead when `reader` is "file".)"""
        if self.columns is None or isinstance(source, str):
            raise NotImplementedError("an importer without columns parses its own source")
        rows: list[RowT] = []
        done = read = 0
        for sheet, table in enumerate(source.tables()):
            if table.merged and self.refuse_merged:
                raise ImportFileError(
                    _(
                        "Berkas berisi sel yang digabung (merge), mis. %(cells)s di lembar "
                        "“%(sheet)s”. Pisahkan semua sel, isi setiap baris, lalu unggah lagi."
                    )
                    % {"cells": table.merged, "sheet": table.name}
                )
            positions = self._header(table.rows(), table.name, sheet)
            if positions is None:
                continue
            index, found = positions
            size = len(index)
            # The usual sheet has the template's columns in the template's order.
            same = index == list(range(size))
            for number, cells in found:
                done += 1
                if done % 2000 == 0:
                    progress(done, table.height)
                if is_blank(cells):
                    continue
                read += 1
                width = len(cells)
                if same and width >= size:
                    values = cells
                else:
                    values = [cells[i] if i is not None and i < width else None for i in index]
                row = self.parse_row(ctx, (sheet, table.name, number), values, issues)
                if row is not None:
                    rows.append(row)
                if len(rows) > self.max_rows:
                    raise ImportFileError(
                        _("Berkas berisi lebih dari %(n)s baris. Bagi menjadi beberapa berkas.")
                        % {"n": f"{self.max_rows:,}".replace(",", ".")}
                    )
        ctx.extra["rows_read"] = read
        return rows

    def _header(
        self, rows: Iterable[tuple[int, list[Cell]]], name: str, sheet: int
    ) -> tuple[list[int | None], Iterable[tuple[int, list[Cell]]]] | None:
        assert self.columns is not None
        iterator = iter(rows)
        first: tuple[list[str], list[str]] | None = None
        tried = 0
        for number, cells in iterator:
            if is_blank(cells):
                continue
            index, missing, unknown = self.columns.locate(cells)
            if not missing and not (unknown and self.columns.refuse_unknown):
                self.located[sheet] = (number, index)
                self.header_found(name, sheet, index)
                return index, iterator
            first = first or (missing, unknown)
            tried += 1
            if tried >= self.columns.search_rows:
                break
        if first is None:
            if sheet == 0 and self.sheets == "first":
                raise ImportFileError(_("Berkas kosong: tidak ada baris judul kolom."))
            return None
        raise self.columns.refusal(*first)

    def header_found(self, name: str, sheet: int, index: list[int | None]) -> None:
        """Called with each table's column positions (a missing column is None)."""

    def parse_row(
        self, ctx: Context, ref: RowRef, cells: list[Cell], issues: Issues
    ) -> RowT | None:
        raise NotImplementedError

    def check_across(self, ctx: Context, rows: list[RowT], issues: Issues) -> None:
        """Checks between rows; none by default."""

    def compare(self, ctx: Context, rows: list[RowT]) -> Changes:
        raise NotImplementedError

    def write(self, ctx: Context, rows: list[RowT], changes: Changes) -> dict[str, int]:
        raise NotImplementedError

    def after_write(self, ctx: Context) -> None:
        """After the write's transaction commits: recount figures, say so in the audit log."""

    def summary(self, ctx: Context, rows: list[RowT], changes: Changes) -> dict[str, Any]:
        """Extra figures for the report (JSON), shown by `summary_template`."""
        return {}

    def notes(self) -> list[str]:
        """File-level remarks for the report (e.g. columns missing and read as empty)."""
        return []

    def held_back(self, ctx: Context, rows: list[RowT], issues: Issues) -> set[tuple[int, int]]:
        """(sheet, row) of every row to hold back so that the others can be written: the
        refused rows and whatever must go with them. Only when `partial`."""
        raise NotImplementedError

    def row_ref(self, row: RowT) -> RowRef:
        """Where a parsed row is in the file."""
        raise NotImplementedError

    def row_key(self, row: RowT) -> tuple[int, int]:
        """(sheet position, row number) of a parsed row, as in `Issues.refused`."""
        ref = self.row_ref(row)
        return ref[0], ref[2]

    def group_count(self, rows: list[RowT]) -> int:
        """How many groups (families) these rows form, for the report."""
        return len(rows)

    def dump_rows(self, rows: list[RowT]) -> Any:
        """The rows as plain values (marshal: lists, tuples, text, numbers), when `cache_rows`."""
        raise NotImplementedError

    def load_rows(self, data: Any) -> list[RowT]:
        raise NotImplementedError

    def page(self, job: ImportJob) -> Page:
        raise NotImplementedError


_REGISTRY: dict[str, type[Importer[Any]]] = {}


def register(cls: type[Importer[Any]]) -> type[Importer[Any]]:
    _REGISTRY[cls.key] = cls
    return cls


def importer(key: str) -> Importer[Any]:
    """A fresh importer for `key` (its state lives for one run)."""
    return _REGISTRY[key]()


def keys(domain: str) -> list[str]:
    return [k for k, cls in _REGISTRY.items() if cls.domain == domain]


def registered() -> dict[str, type[Importer[Any]]]:
    return dict(_REGISTRY)


def autodiscover() -> None:
    for config in apps.get_app_configs():
        try:
            importlib.import_module(f"{config.name}.importers")
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.importers":
                raise
