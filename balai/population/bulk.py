"""Writing many rows fast: COPY on PostgreSQL, executemany in batches elsewhere. Used by the
register import and by the district-scale demo; values must already be adapted for the DB."""

from __future__ import annotations

from collections.abc import Sequence

from django.db import connection


def rows_insert(model, columns: Sequence[str], rows: Sequence[tuple], *, batch: int = 5000) -> None:
    """INSERT `rows` (tuples in `columns` order, attnames) into `model`'s table. bulk_create
    spends most of its time preparing each value in Python (and SQLite's 999-parameter
    batches); COPY is one stream instead of one statement per row."""
    ops = connection.ops
    table = ops.quote_name(model._meta.db_table)
    names = ", ".join(ops.quote_name(model._meta.get_field(c).column) for c in columns)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            return
        sql = f"INSERT INTO {table} ({names}) VALUES ({', '.join(['%s'] * len(columns))})"
        for start in range(0, len(rows), batch):
            cursor.executemany(sql, rows[start : start + batch])
