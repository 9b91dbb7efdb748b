"""The OpenSID fixture loaded into a real MariaDB, for the tests that compare with OpenSID's own
SQL and read a live database (`--mysql-url`).

CI loads it before the tests (`.ci/run`) and names it in `BALAI_TEST_OPENSID_MYSQL`
(a `mysql://` URL): then an unreachable server fails the tests instead of skipping them. Without
the variable the fixture loads the backup itself into a throw-away database when MariaDB answers
at 127.0.0.1:3306 (root, no password) and the `mysql` client is installed, else the tests are
skipped. The load is OpenSID's restore: foreign keys off first, and the five stray
`utf8mb3_general_ci;` lines of its backup are the only errors (MANIFEST.md).
"""

from __future__ import annotations

import gzip
import os
import shutil
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

BACKUP = Path(__file__).parents[2] / "imports" / "tests" / "data" / "opensid_v2410_senggigi.sql.gz"
SERVER = {"host": "127.0.0.1", "port": 3306, "user": "root", "password": ""}


def _reachable() -> bool:
    import pymysql

    try:
        pymysql.connect(**SERVER, connect_timeout=2).close()  # type: ignore[arg-type]
    except pymysql.MySQLError:
        return False
    return True


def load_backup(database: str, backup: Path = BACKUP) -> None:
    """Load an OpenSID backup into a new database as OpenSID's restore does."""
    import pymysql

    with pymysql.connect(**SERVER) as connection:  # type: ignore[arg-type]
        connection.cursor().execute(f"CREATE DATABASE `{database}` CHARACTER SET utf8mb4")
    opener = gzip.open if backup.suffix == ".gz" else open
    command = ["mysql", "-h", SERVER["host"], "-P", str(SERVER["port"]), "-u", SERVER["user"]]
    process = subprocess.Popen(
        [*command, "--force", database],
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    assert process.stdin is not None
    process.stdin.write(b"SET FOREIGN_KEY_CHECKS=0; SET autocommit=0;\n")
    with opener(backup, "rb") as source:
        shutil.copyfileobj(source, process.stdin, 1024 * 1024)
    process.stdin.write(b"\nCOMMIT;\n")
    process.stdin.close()
    errors = process.stderr.read().decode() if process.stderr else ""
    process.wait()
    # --force goes on after errors; only the five stray lines of OpenSID's backup may fail.
    failed = [line for line in errors.splitlines() if line.startswith("ERROR")]
    assert len(failed) <= 5, errors
    assert all("utf8mb3_general_ci" in line for line in failed), errors


def drop_database(database: str) -> None:
    import pymysql

    with pymysql.connect(**SERVER) as connection:  # type: ignore[arg-type]
        connection.cursor().execute(f"DROP DATABASE IF EXISTS `{database}`")


@pytest.fixture(scope="session")
def opensid_mysql() -> Iterator[str]:
    """A `mysql://` URL of a database holding the Senggigi backup."""
    given = os.environ.get("BALAI_TEST_OPENSID_MYSQL")
    if given:
        yield given
        return
    if shutil.which("mysql") is None or not _reachable():
        pytest.skip("MariaDB tidak terjangkau di 127.0.0.1:3306 (atau klien mysql tidak ada)")
    database = f"balai_test_opensid_{uuid.uuid4().hex[:8]}"
    try:
        load_backup(database)
        yield f"mysql://root@127.0.0.1:3306/{database}"
    finally:
        drop_database(database)
