"""`district_backup`: the database, the media folders and one archive per village land in a new
owner-only folder (0700, files 0600: it is every resident's personal data); SQLite is copied
through the online backup API, PostgreSQL with pg_dump."""

from __future__ import annotations

import io
import shutil
import sqlite3
import stat
import subprocess
import tarfile
import zipfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connection

from balai.lib.storage import private_storage
from balai.mentoring.tests.conftest import png_upload

# The tests take `transactional_db`: committed rows, as on a running site. The command copies
# the database from outside any transaction (SQLite's backup API would wait forever for a
# write left open on the same connection).


def _run(folder: Path, *args: str) -> Path:
    out = io.StringIO()
    call_command("district_backup", str(folder), *args, stdout=out)
    return Path(out.getvalue().strip())


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_everything_lands_in_an_owner_only_folder(transactional_db, dagan, bojongsari, tmp_path):
    png = png_upload().read()
    logo = default_storage.save("logo/dagan.png", ContentFile(png))
    screenshot = private_storage().save("bantuan/layar.png", ContentFile(png))
    target = _run(tmp_path, "--villages")

    assert target.parent == tmp_path and target.name.startswith("balai-")
    files = [p for p in target.rglob("*") if p.is_file()]
    names = {p.relative_to(target).as_posix() for p in files}
    assert {"media.tar.gz", "private.tar.gz", "desa/dagan.zip", "desa/bojongsari.zip"} <= names
    assert _mode(target) == 0o700 and _mode(target / "desa") == 0o700
    assert {_mode(p) for p in files} == {0o600}
    with tarfile.open(target / "private.tar.gz") as tar:
        assert f"private/{screenshot}" in tar.getnames()
    with tarfile.open(target / "media.tar.gz") as tar:
        assert f"media/{logo}" in tar.getnames()
    with zipfile.ZipFile(target / "desa" / "dagan.zip") as zf:
        assert "manifest.json" in zf.namelist()


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite copy")
def test_sqlite_is_copied_with_the_village_in_it(transactional_db, dagan, tmp_path):
    target = _run(tmp_path)
    copy = sqlite3.connect(target / "db.sqlite3")
    try:
        slugs = {row[0] for row in copy.execute("SELECT slug FROM villages_village")}
        tables = {row[0] for row in copy.execute("SELECT name FROM sqlite_master")}
    finally:
        copy.close()
    assert "dagan" in slugs and "mentoring_helprequest" in tables
    assert _mode(target / "db.sqlite3") == 0o600


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL dump")
def test_postgresql_is_dumped_with_pg_dump(transactional_db, dagan, tmp_path):
    target = _run(tmp_path)
    dump = target / "db.dump"
    assert dump.read_bytes()[:5] == b"PGDMP" and _mode(dump) == 0o600
    listing = subprocess.run(
        [shutil.which("pg_restore") or "pg_restore", "-l", str(dump)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    assert "TABLE public mentoring_helprequest" in listing


def test_the_media_roots_of_the_settings_are_the_ones_archived():
    # Guards the assumption above: the tests write into temporary roots, not var/.
    assert "balai-test-" in str(settings.MEDIA_ROOT) and "balai-test-" in str(
        settings.PRIVATE_MEDIA_ROOT
    )
