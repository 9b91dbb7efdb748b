"""The dump reader: OpenSID v2410's own backup read without a MySQL server, and the dumps that
must be refused with a reason (cut off, not SQL, expanding without end)."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

import pytest

from balai.imports.sqldump import (
    DumpLimits,
    DumpProblem,
    DumpSummary,
    Row,
    Table,
    read_dump,
    stage_dump,
)

OPENSID = Path(__file__).parent / "data" / "opensid_v2410_senggigi.sql.gz"


def rows(sql: str, **limits: int) -> list[tuple[str, tuple[object, ...]]]:
    out = []
    for item in read_dump(io.BytesIO(sql.encode()), DumpLimits(**limits)):
        if isinstance(item, Row):
            out.append((item.table, item.values))
    return out


def test_opensid_backup_is_read_whole(tmp_path):
    with OPENSID.open("rb") as handle:
        staged = stage_dump(handle, str(tmp_path / "s.sqlite3"))
    summary = staged.summary
    assert len(summary.tables) == 244
    assert summary.views == [
        "penduduk_hidup",
        "dokumen_hidup",
        "rekap_mutasi_inventaris",
        "master_inventaris",
        "keluarga_aktif",
    ]
    # The five stray 'utf8mb3_general_ci;' lines after the views: counted, not silently dropped.
    assert [text for _, text in summary.skipped] == ["utf8mb3_general_ci"] * 5
    assert summary.bytes_read == 3_163_748
    # MANIFEST.md's counts
    assert staged.count("tweb_penduduk") == 326
    sexes = dict(
        staged.connection.execute(
            "SELECT sex, COUNT(*) FROM tweb_penduduk WHERE status_dasar = 1 GROUP BY sex"
        ).fetchall()
    )
    assert sexes == {1: 163, 2: 161}
    assert staged.count("tweb_keluarga") == 80
    assert staged.count("log_penduduk") == 328
    assert staged.count("artikel", "tipe = 'dinamis'") == 10
    assert staged.count("komentar") == 3
    assert staged.count("tweb_aset") == 4250
    # Escapes: the body's newlines were written as \n in the dump.
    body = next(staged.rows("artikel", "id = 25"))["isi"]
    assert "\n" in body and "\\n" not in body
    assert "/desa/upload/media/pelatihan-anyaman-lokasi.jpg" in body
    setting = next(staged.rows("setting_aplikasi", "key = 'current_version'"))
    assert setting["value"] == "24.10"
    # Decimals stay exact text; whole numbers are numbers.
    line = next(staged.rows("keuangan_manual_rinci"))
    assert isinstance(line["id"], int)
    staged.close()


def test_values_and_statement_forms():
    sql = (
        "-- a comment\n# another\n/*!40101 SET NAMES utf8mb4 */;\n"
        "CREATE TABLE `t` (\n  `id` int(11) NOT NULL,\n  `name` varchar(9),\n  `note` text,\n"
        "  PRIMARY KEY (`id`)\n) ENGINE=InnoDB;\n"
        "INSERT INTO `t` VALUES (1,'O\\'Brien','a;'),(2,'it''s','x\\ny\\\\z\\0'),"
        "(3,NULL,_binary 'b'),(4,0x4142,-1.50);\n"
        "INSERT IGNORE INTO `t` (`name`, `id`) VALUES ('swapped', 5);\n"
        "REPLACE INTO t (`id`,`name`,`note`) VALUES (6,'semi;\ncolon;\nlines','');\n"
    )
    got = rows(sql)
    assert got == [
        ("t", (1, "O'Brien", "a;")),
        ("t", (2, "it's", "x\ny\\z\x00")),
        ("t", (3, None, "b")),
        ("t", (4, b"AB", "-1.50")),
        ("t", (5, "swapped", None)),
        ("t", (6, "semi;\ncolon;\nlines", "")),
    ]


def test_rows_of_unwanted_tables_are_counted_not_kept():
    sql = (
        "CREATE TABLE `a` (\n `x` int\n);\nCREATE TABLE `b` (\n `y` int\n);\n"
        "INSERT INTO `a` VALUES (1),(2);\nINSERT INTO `b` VALUES (3);\n"
    )
    summary = DumpSummary()
    items = list(read_dump(io.BytesIO(sql.encode()), summary=summary, wanted={"b"}))
    assert [i.values for i in items if isinstance(i, Row)] == [(3,)]
    assert summary.rows == {"a": 2, "b": 1}
    assert [i.name for i in items if isinstance(i, Table)] == ["a", "b"]


@pytest.mark.parametrize(
    ("sql", "code", "line"),
    [
        ("CREATE TABLE `t` (\n `x` int\n);\nINSERT INTO `t` VALUES (1),(2", "truncated", 4),
        ("CREATE TABLE `t` (\n `x` text\n);\nINSERT INTO `t` VALUES ('abc;\n", "truncated", 4),
        ("CREATE TABLE `t` (\n `x` int\n);\nINSERT INTO `t` VALUES (1,2);\n", "column_count", 4),
        ("CREATE TABLE `t` (\n `x` int\n);\nINSERT INTO `t` VALUES (1) junk;\n", "bad_insert", 4),
        ("INSERT INTO `u` VALUES (1);\n", "insert_without_table", 1),
        ("", "empty", 0),
        ("<html><body>not a dump</body></html>\n" * 30, "not_sql", 1),
        ("-- looks like SQL\n\nname;nik;kk\n" * 40, "not_sql", 3),
    ],
)
def test_bad_dumps_are_refused_with_the_line(sql, code, line):
    with pytest.raises(DumpProblem) as caught:
        rows(sql)
    assert caught.value.code == code
    assert caught.value.line == line


def test_a_cut_gzip_is_truncated():
    data = OPENSID.read_bytes()[:100_000]
    with pytest.raises(DumpProblem) as caught:
        list(read_dump(io.BytesIO(data)))
    assert caught.value.code == "truncated"


def test_a_gzip_that_expands_without_end_stops_at_the_limit():
    bomb = gzip.compress(b"CREATE TABLE `t` (\n `x` int\n);\n" + b"-- " + b"A" * 5_000_000 + b"\n")
    assert len(bomb) < 10_000
    with pytest.raises(DumpProblem) as caught:
        list(read_dump(io.BytesIO(bomb), DumpLimits(max_unpacked=1_000_000)))
    assert caught.value.code == "too_big"


def test_a_statement_larger_than_the_limit_is_refused():
    sql = (
        "CREATE TABLE `t` (\n `x` text\n);\nINSERT INTO `t` VALUES ('"
        + "a\\n" * 1000
        + "\n" * 10
        + "');\n"
    )
    with pytest.raises(DumpProblem) as caught:
        rows(sql, max_statement=2000)
    assert caught.value.code == "statement_too_big"


@pytest.mark.parametrize(
    "row",
    [
        "(1, 'a''b', NULL, -2.50, 'x\\'y\\n', '', 0, 'c,d')",  # fast: strings, NULL, numbers
        "(1, null, 1e3, _binary'z', b'101', \"q\", TRUE, CURRENT_TIMESTAMP)",  # value by value
    ],
)
def test_rows_on_the_fast_path_read_as_value_by_value(row):
    """A row of only strings, NULL and plain numbers is split by the fast path; it gives what
    the value-by-value parser gives (a 0x value at the end sends the same row there)."""
    from balai.imports.sqldump import _rows

    (fast,) = _rows(row, 0, 1)
    (slow,) = _rows(row[:-1] + ", 0x00)", 0, 1)
    assert fast == slow[:-1] and slow[-1] == b"\x00"
    assert list(_rows("( 'a,b' , 'c)' ),(2,'z')", 0, 1)) == [("a,b", "c)"), (2, "z")]
    assert list(_rows("(1, 'a''b', NULL, -2.50, 'x\\'y\\n', '', 0)", 0, 1)) == [
        (1, "a'b", None, "-2.50", "x'y\n", "", 0)
    ]
