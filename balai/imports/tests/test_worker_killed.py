"""A real `manage.py db_worker` killed (SIGKILL) while it checks a file: the job does not stay
"being checked" forever. The next worker fails it with a message when it takes its first task,
and runs the task that was queued behind it. On SQLite and on PostgreSQL, each with the
database the tests run on (SQLite's, copied to a file the worker can open)."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import override_settings

from balai.imports.models import ImportJob
from balai.imports.services import job_start
from balai.population.import_rows import COLUMNS
from balai.population.importers import ResidentsImporter
from balai.population.tests.conftest import family

ROOT = Path(__file__).resolve().parents[3]
DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def _csv(families: int) -> bytes:
    lines = [",".join(COLUMNS)]
    for n in range(1, families + 1):
        lines += [",".join(str(row.get(c, "")) for c in COLUMNS) for row in family(n)]
    return "\n".join(lines).encode()


def _database(tmp_path: Path) -> tuple[str, object]:
    """The worker's DATABASE_URL, and a function reading a job's status and failure."""
    if connection.vendor == "sqlite":
        path = tmp_path / "worker.sqlite3"
        target = sqlite3.connect(path)
        connection.ensure_connection()
        connection.connection.backup(target)
        target.execute("PRAGMA journal_mode=WAL")
        target.close()

        def read(pk: int) -> tuple[str, str]:
            with sqlite3.connect(path, timeout=20) as db:
                row = db.execute(
                    "SELECT status, failure FROM imports_importjob WHERE id = ?", (pk,)
                ).fetchone()
            return row[0], row[1]

        return f"sqlite:///{path}", read
    conf = connection.settings_dict

    def read_pg(pk: int) -> tuple[str, str]:
        job = ImportJob.objects.get(pk=pk)
        return job.status, job.failure

    user = conf["USER"] or "postgres"
    host = conf["HOST"] or "127.0.0.1"
    return f"postgres://{user}@{host}:{conf['PORT'] or 5432}/{conf['NAME']}", read_pg


def _worker(url: str, *extra: str) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "balai.settings",
        "DATABASE_URL": url,
        "BALAI_VAR_DIR": str(Path(settings.PRIVATE_MEDIA_ROOT).parent),
        "LOG_LEVEL": "WARNING",
    }
    return subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--interval", "0.05", "--no-startup-delay"]
        + list(extra),
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _wait_for(read, pk: int, status: str, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if read(pk)[0] == status:
            return True
        time.sleep(0.02)
    return False


def test_a_killed_worker_leaves_its_job_failed_and_the_next_worker_carries_on(
    transactional_db, dagan, alice, tmp_path
):
    with override_settings(TASKS=DB_TASKS):
        big = job_start(
            village=dagan,
            user=alice,
            importer=ResidentsImporter.key,
            upload=SimpleUploadedFile("besar.csv", _csv(6_000)),
        )
        small = job_start(
            village=dagan,
            user=alice,
            importer=ResidentsImporter.key,
            upload=SimpleUploadedFile("kecil.csv", _csv(2)),
        )
    url, read = _database(tmp_path)
    first = _worker(url, "--worker-id", "pertama")
    try:
        assert _wait_for(read, big.pk, ImportJob.Status.CHECKING, 60), read(big.pk)
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=10)
    finally:
        if first.poll() is None:
            first.kill()
    time.sleep(1)
    assert read(big.pk)[0] == ImportJob.Status.CHECKING  # stuck, as the finding describes
    assert read(small.pk)[0] == ImportJob.Status.QUEUED

    second = _worker(url, "--worker-id", "kedua", "--batch")
    assert second.wait(timeout=120) == 0
    status, failure = read(big.pk)
    assert status == ImportJob.Status.FAILED and "berhenti di tengah jalan" in failure
    assert read(small.pk)[0] == ImportJob.Status.CHECKED
