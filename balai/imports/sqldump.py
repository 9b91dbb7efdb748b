"""Read a MySQL/MariaDB dump (mysqldump, phpMyAdmin, or OpenSID's own Backup menu, which is
CodeIgniter's dbutil) without a MySQL server, streaming: one statement in memory at a time.

`read_dump` yields what a migration needs — each table's columns and each row — and records
what it skipped. `stage_dump` copies the rows into a throw-away SQLite file so the migration can
join the tables afterwards with bounded memory (a 100 MB dump never sits in memory whole).

What the reader tolerates, because real dumps have it: `.gz` files; statements spread over
lines; `INSERT`s with one row or thousands, with or without a column list; `INSERT IGNORE` and
`REPLACE`; comments (`#`, `-- `, `/* */`, `/*!40101 … */`); MariaDB's stray
`utf8mb3_general_ci;` lines after views (OpenSID v2410's backup has five; each is counted as a
skipped statement). What it refuses, with the line: a file that is not a dump, a file cut off
mid-statement (a truncated upload or an interrupted `.gz`), a statement larger than the limit,
more unpacked bytes than the limit (a small `.gz` that expands without end).

Framework-free (no Django import), like the rest of the reading side of the pipeline.
"""

from __future__ import annotations

import gzip
import io
import re
import sqlite3
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import IO

GZIP_MAGIC = b"\x1f\x8b"


@dataclass(frozen=True)
class DumpLimits:
    max_unpacked: int = 2 * 1024**3  # bytes of SQL text after gunzip
    max_statement: int = 64 * 1024**2  # one statement (an extended INSERT can be large)
    max_columns: int = 1000


class DumpProblem(ValueError):
    """Why a dump cannot be read. `code` is stable (for messages and tests); `line` is 1-based."""

    def __init__(self, code: str, line: int = 0, detail: str = "") -> None:
        super().__init__(f"{code} (line {line}): {detail}" if line else f"{code}: {detail}")
        self.code = code
        self.line = line
        self.detail = detail


@dataclass
class Table:
    name: str
    columns: list[str]
    types: list[str]


@dataclass
class Row:
    table: str
    values: tuple[object, ...]
    line: int


@dataclass
class DumpSummary:
    """What the reader saw, for the report: nothing is skipped without being counted."""

    tables: dict[str, Table] = field(default_factory=dict)
    rows: dict[str, int] = field(default_factory=dict)
    views: list[str] = field(default_factory=list)
    skipped: list[tuple[int, str]] = field(default_factory=list)  # (line, first 80 chars)
    statements: int = 0
    bytes_read: int = 0


# A statement is complete when every quote, backtick and double quote in it is closed.
_BALANCED = re.compile(
    r"""(?:'(?:[^'\\]|\\.)*+'|"(?:[^"\\]|\\.)*+"|`[^`]*+`|/\*.*?\*/|[^'"`/]++|/)*+""", re.S
)
_INSERT = re.compile(
    r"\s*(?:INSERT(?:\s+(?:LOW_PRIORITY|DELAYED|HIGH_PRIORITY|IGNORE))*|REPLACE)\s+(?:INTO\s+)?"
    r"(`(?:[^`]|``)+`|[A-Za-z0-9_$.]+)\s*(\((?:[^)`]|`(?:[^`]|``)*`)*\))?\s*VALUES\s*",
    re.I | re.S,
)
_CREATE_TABLE = re.compile(
    r"\s*CREATE\s+(?:TEMPORARY\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?"
    r"(`(?:[^`]|``)+`|[A-Za-z0-9_$.]+)\s*\(",
    re.I,
)
_CREATE_VIEW = re.compile(
    r"\s*CREATE\s+(?:OR\s+REPLACE\s+)?(?:ALGORITHM\s*=\s*\w+\s+)?(?:DEFINER\s*=\s*\S+\s+)?"
    r"(?:SQL\s+SECURITY\s+\w+\s+)?VIEW\s+(`(?:[^`]|``)+`|[A-Za-z0-9_$.]+)",
    re.I,
)
_KNOWN = re.compile(
    r"\s*(?:DROP|SET|LOCK|UNLOCK|USE|START|COMMIT|BEGIN|ALTER|CREATE\s+(?:DATABASE|SCHEMA|"
    r"TRIGGER|PROCEDURE|FUNCTION|EVENT|INDEX|UNIQUE)|DELIMITER|/\*!|/\*)",
    re.I,
)
_VALUE = re.compile(
    r"""\s*(?:'((?:[^'\\]|\\.|'')*+)'|(NULL)\b|0x([0-9A-Fa-f]*)"""
    r"""|([-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?)|_(?:binary|utf8mb4|utf8mb3|utf8|latin1)\s*'((?:[^'\\]|\\.|'')*+)'"""
    r"""|[Bb]'([01]*)'|"((?:[^"\\]|\\.|"")*+)"|(TRUE|FALSE)\b|(CURRENT_TIMESTAMP(?:\(\))?))\s*""",
    re.I | re.S,
)
_SQL_START = re.compile(
    r"(?:DROP|CREATE|INSERT|REPLACE|SET|LOCK|UNLOCK|USE|START|COMMIT|BEGIN|ALTER|DELIMITER)\b|/\*",
    re.I,
)
_ESCAPE = re.compile(r"\\(.)|''", re.S)
_ESCAPES = {"0": "\x00", "b": "\b", "n": "\n", "r": "\r", "t": "\t", "Z": "\x1a"}
_COLUMN = re.compile(r"\s*`((?:[^`]|``)+)`\s+([A-Za-z]+)")


def _unescape(text: str) -> str:
    if "\\" not in text and "''" not in text:
        return text

    def one(match: re.Match[str]) -> str:
        char = match.group(1)
        if char is None:
            return "'"
        if char in "%_":
            return "\\" + char  # MySQL keeps the backslash before % and _
        return _ESCAPES.get(char, char)

    return _ESCAPE.sub(one, text)


def _name(token: str) -> str:
    token = token.strip()
    if token.startswith("`"):
        token = token[1:-1].replace("``", "`")
    return token.rsplit(".", 1)[-1].strip("`")


def open_dump(handle: IO[bytes]) -> IO[bytes]:
    """The SQL bytes of a plain or gzipped dump, as a stream."""
    head = handle.read(2)
    handle.seek(0)
    if head == GZIP_MAGIC:
        return gzip.GzipFile(fileobj=handle, mode="rb")  # type: ignore[return-value]
    return handle


def _lines(stream: IO[bytes], limits: DumpLimits, summary: DumpSummary) -> Iterator[str]:
    reader = stream if hasattr(stream, "peek") else io.BufferedReader(stream, 1024 * 1024)  # type: ignore[type-var]
    total = 0
    try:
        for raw in reader:
            total += len(raw)
            summary.bytes_read = total
            if total > limits.max_unpacked:
                raise DumpProblem("too_big", 0, f"> {limits.max_unpacked} bytes")
            yield raw.decode("utf-8", "replace")
    except (EOFError, zlib.error, gzip.BadGzipFile) as error:
        raise DumpProblem("truncated", 0, f"gzip: {error}") from error


def _statements(
    stream: IO[bytes], limits: DumpLimits, summary: DumpSummary
) -> Iterator[tuple[int, str]]:
    """(first line number, statement text without its `;`) for each statement."""
    parts: list[str] = []
    size = 0
    start = 0
    number = 0
    for number, line in enumerate(_lines(stream, limits, summary), 1):
        if not parts:
            stripped = line.lstrip()
            if not stripped or stripped.startswith("#") or stripped.startswith("-- "):
                continue
            if stripped.startswith("--") and stripped[2:3] in ("", "\n", "\r"):
                continue
            start = number
            if not summary.statements and _SQL_START.match(stripped) is None:
                raise DumpProblem("not_sql", number, stripped[:80].strip())
        parts.append(line)
        size += len(line)
        if size > limits.max_statement:
            raise DumpProblem("statement_too_big", start, f"> {limits.max_statement} bytes")
        if not line.rstrip().endswith(";"):
            continue
        text = "".join(parts) if len(parts) > 1 else parts[0]
        body = text.rstrip()[:-1]
        if _BALANCED.fullmatch(body) is None:
            continue  # the ';' sits inside a string that goes on
        parts = []
        size = 0
        summary.statements += 1
        yield start, body
    if parts and "".join(parts).strip():
        raise DumpProblem("truncated", start, "".join(parts)[:80].strip())
    if number == 0:
        raise DumpProblem("empty")


def _columns(text: str, match_end: int) -> tuple[list[str], list[str]]:
    names: list[str] = []
    types: list[str] = []
    for line in text[match_end:].splitlines():
        column = _COLUMN.match(line)
        if column:
            names.append(column.group(1).replace("``", "`"))
            types.append(column.group(2).lower())
    return names, types


# The fast path for a row of only the common values (quoted strings, NULL, plain numbers): the
# whole tuple is checked by one regex and split by another, both in C; any other row (hex,
# _binary, b'…', double quotes, exponents…) goes through the value-by-value parser below.
_SIMPLE = r"""\s*(?:'(?:[^'\\]|\\.|'')*+'|NULL\b|-?\d+(?:\.\d+)?(?![\w.]))\s*"""
_SIMPLE_TUPLE = re.compile(rf"\(((?:{_SIMPLE},)*+{_SIMPLE})\)", re.S)
_SIMPLE_VALUE = re.compile(
    r"""\s*(?:'((?:[^'\\]|\\.|'')*+)'|(NULL)\b|(-?\d+(?:\.\d+)?))\s*(?:,|$)""", re.S
)


def _simple(inner: str) -> tuple[object, ...]:
    return tuple(
        (int(num) if "." not in num else num) if num else None if null else _unescape(quoted)
        for quoted, null, num in _SIMPLE_VALUE.findall(inner)
    )


def _rows(body: str, pos: int, line: int) -> Iterator[tuple[object, ...]]:
    length = len(body)
    match_value = _VALUE.match
    match_simple = _SIMPLE_TUPLE.match
    while True:
        while pos < length and body[pos] in " \t\r\n":
            pos += 1
        if pos >= length or body[pos] != "(":
            raise DumpProblem("bad_insert", line, body[pos : pos + 60])
        simple = match_simple(body, pos)
        if simple is not None:
            yield _simple(simple.group(1))
            pos = simple.end()
            while pos < length and body[pos] in " \t\r\n":
                pos += 1
            if pos >= length:
                return
            if body[pos] != ",":
                raise DumpProblem("bad_insert", line, body[pos : pos + 60])
            pos += 1
            continue
        pos += 1
        values: list[object] = []
        while True:
            m = match_value(body, pos)
            if m is None:
                raise DumpProblem("bad_value", line, body[pos : pos + 60])
            # The one group that matched (alternatives hold one group each); the common ones
            # first. lastindex instead of groups(): this runs once per value of the dump.
            kind = m.lastindex
            if kind == 1:
                values.append(_unescape(m.group(1)))
            elif kind == 2:
                values.append(None)
            elif kind == 4:
                num = m.group(4)
                # Whole numbers as int (so SQL on the staged copy compares them); decimals stay
                # text, exact, for Decimal().
                values.append(int(num) if num.lstrip("+-").isdigit() else num)
            elif kind == 3:
                values.append(bytes.fromhex(m.group(3)))
            elif kind == 5:
                values.append(_unescape(m.group(5)))
            elif kind == 6:
                values.append(str(int(m.group(6) or "0", 2)))
            elif kind == 7:
                values.append(_unescape(m.group(7).replace('""', '"')))
            elif kind == 8:
                values.append("1" if m.group(8).upper() == "TRUE" else "0")
            else:
                values.append(m.group(9))
            pos = m.end()
            if pos < length and body[pos] == ",":
                pos += 1
                continue
            if pos < length and body[pos] == ")":
                pos += 1
                break
            raise DumpProblem("bad_insert", line, body[pos : pos + 60])
        yield tuple(values)
        while pos < length and body[pos] in " \t\r\n":
            pos += 1
        if pos >= length:
            return
        if body[pos] != ",":
            raise DumpProblem("bad_insert", line, body[pos : pos + 60])
        pos += 1


def read_dump(
    handle: IO[bytes],
    limits: DumpLimits = DumpLimits(),
    summary: DumpSummary | None = None,
    wanted: Iterable[str] | None = None,
) -> Iterator[Table | Row]:
    """Each CREATE TABLE as a Table (before its rows) and each row as a Row. Rows of tables not
    in `wanted` (when given) are counted but not parsed. Raises DumpProblem."""
    summary = summary if summary is not None else DumpSummary()
    keep = set(wanted) if wanted is not None else None
    seen_sql = False
    column_lists: dict[str, list[str]] = {}  # one INSERT per row repeats the same list
    # The text up to VALUES of the last INSERT and its parts: a dump of one INSERT per row
    # repeats it, so the next statement is matched by a prefix test, not the regex.
    head, head_parts = "", ("", "")
    for line, body in _statements(open_dump(handle), limits, summary):
        if head and body.startswith(head):
            insert: re.Match[str] | bool | None = True
        else:
            insert = _INSERT.match(body)
            if insert:
                head, head_parts = body[: insert.end()], (insert.group(1), insert.group(2) or "")
        if insert:
            seen_sql = True
            table = _name(head_parts[0])
            known = summary.tables.get(table)
            if head_parts[1]:
                listed = head_parts[1]
                names = column_lists.get(listed) or column_lists.setdefault(
                    listed, [_name(n) for n in _split_names(listed[1:-1])]
                )
                if known is None:
                    known = summary.tables[table] = Table(table, names, ["" for _ in names])
                    yield known
            elif known is None:
                raise DumpProblem("insert_without_table", line, table)
            else:
                names = known.columns
            if keep is not None and table not in keep:
                summary.rows[table] = summary.rows.get(table, 0) + _count_rows(body, len(head))
                continue
            reorder = (
                None
                if names == known.columns
                else [names.index(c) if c in names else -1 for c in known.columns]
            )
            count = 0
            for values in _rows(body, len(head), line):
                if len(values) != len(names):
                    raise DumpProblem(
                        "column_count", line, f"{table}: {len(values)} != {len(names)}"
                    )
                if reorder is not None:
                    values = tuple(values[i] if i >= 0 else None for i in reorder)
                count += 1
                yield Row(table, values, line)
            summary.rows[table] = summary.rows.get(table, 0) + count
            continue
        create = _CREATE_TABLE.match(body)
        if create:
            seen_sql = True
            table = _name(create.group(1))
            names, types = _columns(body, create.end())
            if not names:
                raise DumpProblem("bad_create", line, table)
            if len(names) > limits.max_columns:
                raise DumpProblem("too_many_columns", line, table)
            summary.tables[table] = Table(table, names, types)
            summary.rows.setdefault(table, 0)
            yield summary.tables[table]
            continue
        view = _CREATE_VIEW.match(body)
        if view:
            seen_sql = True
            summary.views.append(_name(view.group(1)))
            continue
        if _KNOWN.match(body):
            seen_sql = True
            continue
        if not seen_sql and summary.statements >= 20:
            raise DumpProblem("not_sql", line, body[:80].strip())
        summary.skipped.append((line, body[:80].strip()))
    if not summary.tables:
        raise DumpProblem("not_sql", 0, "no CREATE TABLE or INSERT")


def _split_names(text: str) -> list[str]:
    return list(re.findall(r"`(?:[^`]|``)+`|[^,\s]+", text))


def _count_rows(body: str, pos: int) -> int:
    """Rows in an INSERT without parsing them: the tuples at the top level."""
    return sum(1 for _ in _rows(body, pos, 0))


@dataclass
class StagedDump:
    """A dump copied into SQLite: query it with `connection` (tables keep their names)."""

    path: str
    connection: sqlite3.Connection
    summary: DumpSummary

    def count(self, table: str, where: str = "", params: tuple[object, ...] = ()) -> int:
        if table not in self.summary.tables:
            return 0
        sql = f'SELECT COUNT(*) FROM "{table}"' + (f" WHERE {where}" if where else "")
        return int(self.connection.execute(sql, params).fetchone()[0])

    def rows(
        self, table: str, where: str = "", params: tuple[object, ...] = ()
    ) -> Iterator[sqlite3.Row]:
        if table not in self.summary.tables:
            return iter(())
        sql = f'SELECT * FROM "{table}"' + (f" WHERE {where}" if where else "")
        return self.connection.execute(sql, params)

    def close(self) -> None:
        self.connection.close()


def stage_dump(
    handle: IO[bytes],
    path: str,
    limits: DumpLimits = DumpLimits(),
    wanted: Iterable[str] | None = None,
    progress: object = None,
) -> StagedDump:
    """Copy the dump's tables into a new SQLite file at `path`. Columns keep their dump names and
    hold text, numbers or NULL as written. `progress(bytes_read)` is called now and then."""
    summary = DumpSummary()
    connection = sqlite3.connect(path)
    connection.row_factory = sqlite3.Row
    connection.execute("PRAGMA journal_mode=OFF")
    connection.execute("PRAGMA synchronous=OFF")
    batch: list[tuple[object, ...]] = []
    batch_table = ""
    batch_sql = ""

    def flush() -> None:
        if batch:
            connection.executemany(batch_sql, batch)
            batch.clear()

    for item in read_dump(handle, limits, summary, wanted):
        if isinstance(item, Table):
            flush()
            columns = ", ".join('"' + c.replace('"', '""') + '"' for c in item.columns)
            connection.execute(f'DROP TABLE IF EXISTS "{item.name}"')
            connection.execute(f'CREATE TABLE "{item.name}" ({columns})')
            continue
        if item.table != batch_table:
            flush()
            batch_table = item.table
            width = len(summary.tables[item.table].columns)
            batch_sql = f'INSERT INTO "{item.table}" VALUES ({", ".join("?" * width)})'
        batch.append(item.values)
        if len(batch) >= 2000:
            flush()
            if callable(progress):
                progress(summary.bytes_read)
    flush()
    connection.commit()
    return StagedDump(path, connection, summary)
