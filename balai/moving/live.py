"""Read a live OpenSID database (`manage.py import_opensid --mysql-url`) into the same staged
SQLite copy the backup reader makes, so everything after staging is shared.

Each base table's columns come from `information_schema`; its rows stream through a server-side
cursor in batches (one batch in memory), written as the dump reader writes them: whole numbers as
int, everything else (decimals, dates, MySQL's zero dates) as the text MySQL prints, binary
columns as bytes, NULL as NULL. The secret tables are never read: their rows are counted so the
report names them, and of `user` only `id` and `nama` (the authors of articles) are copied. The
secret columns (`config.app_key`, PINs, tokens) are left out of the query.
"""

from __future__ import annotations

import sqlite3
from typing import Any
from urllib.parse import unquote, urlsplit

from balai.imports.sqldump import DumpSummary, StagedDump, Table

BATCH = 2000
# What the move may read of a secret table (the rest of its columns are never selected).
SECRET_READABLE = {"user": ["id", "nama"]}


class LiveProblem(ValueError):
    """The database cannot be reached or read; the message says why (no password in it)."""


def connect(url: str) -> Any:
    """A PyMySQL connection from `mysql://user:password@host:port/database`."""
    import pymysql
    import pymysql.converters
    from pymysql.constants import FIELD_TYPE

    parts = urlsplit(url)
    database = unquote(parts.path.lstrip("/"))
    if parts.scheme not in ("mysql", "mariadb") or not database:
        raise LiveProblem(
            "Alamat database harus berbentuk mysql://pengguna:sandi@host:port/nama_db."
        )
    # Only whole numbers are converted; dates, decimals and zero dates stay the text MySQL
    # prints, as in a dump.
    integers = (
        FIELD_TYPE.TINY,
        FIELD_TYPE.SHORT,
        FIELD_TYPE.LONG,
        FIELD_TYPE.LONGLONG,
        FIELD_TYPE.INT24,
        FIELD_TYPE.YEAR,
    )
    try:
        return pymysql.connect(
            host=parts.hostname or "127.0.0.1",
            port=parts.port or 3306,
            user=unquote(parts.username or "root"),
            password=unquote(parts.password or ""),
            database=database,
            charset="utf8mb4",
            conv={**pymysql.converters.encoders, **dict.fromkeys(integers, int)},
            connect_timeout=10,
        )
    except pymysql.MySQLError as error:
        raise LiveProblem(f"Database tidak bisa dibuka: {error.args[-1]}") from error


def stage_live(
    url: str,
    path: str,
    secret: set[str] | frozenset[str] = frozenset(),
    secret_columns: dict[str, set[str]] | None = None,
) -> StagedDump:
    """Copy the base tables of the database at `url` into a new SQLite file at `path`."""
    import pymysql
    import pymysql.cursors

    hidden = secret_columns or {}
    summary = DumpSummary()
    source = connect(url)
    target = sqlite3.connect(path)
    target.row_factory = sqlite3.Row
    target.execute("PRAGMA journal_mode=OFF")
    target.execute("PRAGMA synchronous=OFF")
    try:
        meta = source.cursor()
        meta.execute(
            "SELECT TABLE_NAME, TABLE_TYPE FROM information_schema.TABLES "
            "WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME"
        )
        listing = [(str(name), str(kind)) for name, kind in meta.fetchall()]
        summary.views = [name for name, kind in listing if kind == "VIEW"]
        meta.execute(
            "SELECT TABLE_NAME, COLUMN_NAME, DATA_TYPE FROM information_schema.COLUMNS "
            "WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME, ORDINAL_POSITION"
        )
        columns: dict[str, list[tuple[str, str]]] = {}
        for table, column, kind in meta.fetchall():
            columns.setdefault(str(table), []).append((str(column), str(kind).lower()))
        for table, kind in listing:
            if kind != "BASE TABLE":
                continue
            wanted = [
                (c, t)
                for c, t in columns.get(table, [])
                if c not in hidden.get(table, set())
                and (table not in SECRET_READABLE or c in SECRET_READABLE[table])
            ]
            names = [c for c, _ in wanted]
            summary.tables[table] = Table(table, names, [t for _, t in wanted])
            quoted = ", ".join('"' + c.replace('"', '""') + '"' for c in names)
            target.execute(f'DROP TABLE IF EXISTS "{table}"')
            target.execute(f'CREATE TABLE "{table}" ({quoted})')
            if table in secret and table not in SECRET_READABLE:
                meta.execute(f"SELECT COUNT(*) FROM `{table}`")  # counted, never read
                summary.rows[table] = int(meta.fetchone()[0])
                continue
            summary.rows[table] = _copy(source, target, table, names)
        target.commit()
    except pymysql.MySQLError as error:
        target.close()
        raise LiveProblem(f"Database tidak terbaca: {error.args[-1]}") from error
    finally:
        source.close()
    return StagedDump(path, target, summary)


def _copy(source: Any, target: sqlite3.Connection, table: str, names: list[str]) -> int:
    import pymysql.cursors

    if not names:
        return 0
    select = ", ".join("`" + c.replace("`", "``") + "`" for c in names)
    insert = f'INSERT INTO "{table}" VALUES ({", ".join("?" * len(names))})'
    count = 0
    with source.cursor(pymysql.cursors.SSCursor) as rows:  # streamed from the server
        rows.execute(f"SELECT {select} FROM `{table}`")
        while batch := rows.fetchmany(BATCH):
            target.executemany(insert, batch)
            count += len(batch)
    return count
