"""`import_opensid --mysql-url`: a live OpenSID database (the Senggigi backup restored into
MariaDB) is staged like the backup file — the same tables, rows and values — its secrets never
read, and moves with the same report as the file."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command

from balai.moving.live import stage_live
from balai.moving.opensid import SECRET, SECRET_COLUMNS, MoveProblem, open_backup
from balai.moving.services import move_backup
from balai.moving.tests.conftest import BACKUP
from balai.population.models import Resident

pytestmark = pytest.mark.django_db


def test_the_live_database_stages_as_the_backup_does(opensid_mysql, tmp_path):
    with BACKUP.open("rb") as handle:
        dump = open_backup(handle, str(tmp_path / "dump.sqlite3")).staged
    live = stage_live(opensid_mysql, str(tmp_path / "live.sqlite3"), set(SECRET), SECRET_COLUMNS)
    try:
        assert {t: n for t, n in live.summary.rows.items() if n} == {
            t: n for t, n in dump.summary.rows.items() if n
        }
        assert "penduduk_hidup" in live.summary.views  # views are not tables
        for table in ("tweb_penduduk", "tweb_keluarga", "log_penduduk", "artikel", "config"):
            columns = live.summary.tables[table].columns
            order = f"ORDER BY {columns[0]}"
            select = ", ".join(f'"{c}"' for c in columns)
            ours = [
                tuple(r) for r in live.connection.execute(f'SELECT {select} FROM "{table}" {order}')
            ]
            theirs = [
                tuple(r) for r in dump.connection.execute(f'SELECT {select} FROM "{table}" {order}')
            ]
            assert ours == theirs, table
        # Secrets: never read (counted only), or only the columns the move needs.
        assert live.count("log_login") == 0 and live.summary.rows["log_login"] == 53
        assert live.summary.tables["user"].columns == ["id", "nama"]
        assert "app_key" not in live.summary.tables["config"].columns
        assert "pamong_pin" not in live.summary.tables["tweb_desa_pamong"].columns
        assert "telegram_token" not in live.summary.tables["tweb_penduduk"].columns
    finally:
        live.close()
        dump.close()


def test_a_live_move_reports_and_writes_as_the_file(opensid_mysql, dagan):
    from_file = move_backup(
        dagan, io.BytesIO(BACKUP.read_bytes()), None, write=False, allow_other_village=True
    )
    from_live = move_backup(
        dagan, None, None, write=False, allow_other_village=True, mysql_url=opensid_mysql
    )
    assert from_live.report["source"] == from_file.report["source"]
    assert from_live.report["register"] == from_file.report["register"]
    assert from_live.report["content"] == from_file.report["content"]
    assert from_live.report["inventory"] == from_file.report["inventory"]
    assert not Resident.objects.exists()

    call_command(
        "import_opensid",
        dagan.slug,
        "--mysql-url",
        opensid_mysql,
        "--write",
        "--allow-other-village",
    )
    assert Resident.objects.for_village(dagan).count() == 326


def test_an_unreachable_or_wrong_database_is_refused_with_a_reason(dagan):
    with pytest.raises(MoveProblem, match="mysql://"):
        move_backup(dagan, None, None, write=False, mysql_url="postgres://x@127.0.0.1/db")
    with pytest.raises(CommandError, match="Database tidak bisa dibuka"):
        call_command(
            "import_opensid", dagan.slug, "--mysql-url", "mysql://root@127.0.0.1:1/opensid"
        )
    assert not Resident.objects.exists()
