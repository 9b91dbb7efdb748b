"""The real processes: `manage.py serve` starts the web server, the task worker and the
scheduler, restarts one that dies, and leaves none behind when stopped or killed; two
schedulers on one database run each job once."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
KEY = "k7Qw9zR2mX4vB8nT1pL6sD3fG5hJ0yU-aE_cV7bN2mQ9xZ4wK8rT1yP6uI3oL5j"
PORTS = iter(range(8105, 8115))


def _env(var: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "REDIS_URL"))}
    env.update(
        {"BALAI_VAR_DIR": str(var), "SECRET_KEY": KEY, "DEBUG": "0", "DATABASE_URL": "", **extra}
    )
    if not env["DATABASE_URL"]:
        env.pop("DATABASE_URL")
    return env


def _manage(var: Path, *args: str) -> None:
    subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        cwd=ROOT,
        env=_env(var),
        check=True,
        capture_output=True,
        timeout=300,
    )


@pytest.fixture(scope="module")
def migrated(tmp_path_factory) -> Path:
    var = tmp_path_factory.mktemp("serve") / "template"
    _manage(var, "migrate", "--noinput")
    _manage(var, "createcachetable")
    return var


@pytest.fixture
def var(migrated, tmp_path) -> Path:
    copy = tmp_path / "var"
    shutil.copytree(migrated, copy)
    return copy


def _children(pid: int) -> set[int]:
    """Every living descendant of `pid`."""
    parents: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if fields[0] != "Z":
            parents.setdefault(int(fields[1]), []).append(int(entry.name))
    found, todo = set(), [pid]
    while todo:
        for child in parents.get(todo.pop(), []):
            found.add(child)
            todo.append(child)
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def _wait(predicate, seconds: float, what: str):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.3)
    pytest.fail(f"timed out waiting for {what}")


def _health(port: int) -> dict | None:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5) as response:
            return json.loads(response.read())
    except Exception:  # noqa: BLE001 - not up yet, or 503 while a heartbeat is missing
        return None


def _serve(var: Path, port: int) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, str(ROOT / "manage.py"), "serve", "--bind", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=_env(var, DISTRICT_DOMAIN=f"127.0.0.1:{port}", WEB_CONCURRENCY="1", WEB_THREADS="2"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _by_role(pids: set[int]) -> dict[str, int]:
    roles = {}
    for pid in pids:
        line = _cmdline(pid)
        for role in ("gunicorn", "db_worker", "scheduler"):
            if role in line and role not in roles:
                roles[role] = pid
    return roles


def test_serve_runs_everything_restarts_a_dead_child_and_stops_every_process(var):
    port = next(PORTS)
    serve = _serve(var, port)
    try:
        body = _wait(lambda: _health(port), 120, "/healthz to answer 200")
        assert body["ok"] and body["checks"]["worker"]["ok"] and body["checks"]["scheduler"]["ok"]
        direct = _by_role(_wait(lambda: _children(serve.pid), 10, "children"))
        assert set(direct) == {"gunicorn", "db_worker", "scheduler"}
        os.kill(direct["db_worker"], signal.SIGKILL)
        restarted = _wait(
            lambda: (
                (_by_role(_children(serve.pid)).get("db_worker") or 0)
                not in (0, direct["db_worker"])
            ),
            20,
            "a new task worker",
        )
        assert restarted
        everyone = _children(serve.pid)
        assert len(everyone) >= 4  # gunicorn's own worker besides the three
        serve.send_signal(signal.SIGTERM)
        assert serve.wait(timeout=40) == 0
        _wait(lambda: not any(_alive(pid) for pid in everyone), 10, "every child to end")
    finally:
        if serve.poll() is None:
            serve.kill()


def test_a_killed_serve_leaves_no_child_behind(var):
    port = next(PORTS)
    serve = _serve(var, port)
    try:
        _wait(lambda: _health(port) is not None or None, 120, "the server")
        everyone = _children(serve.pid)
        assert len(_by_role(everyone)) == 3
        serve.kill()  # no chance to stop anything itself
        serve.wait(timeout=10)
        _wait(lambda: not any(_alive(pid) for pid in everyone), 30, "every orphan to end")
    finally:
        if serve.poll() is None:
            serve.kill()


def test_two_schedulers_on_one_database_run_each_job_once(var):
    command = [sys.executable, str(ROOT / "manage.py"), "scheduler", "--once"]
    both = [subprocess.Popen(command, cwd=ROOT, env=_env(var)) for _ in range(2)]
    assert [p.wait(timeout=180) for p in both] == [0, 0]
    with sqlite3.connect(var / "balai.sqlite3") as db:
        rows = db.execute(
            "SELECT job, COUNT(*), COUNT(DISTINCT host) FROM scheduler_jobrun GROUP BY job"
        ).fetchall()
        leases = db.execute("SELECT COUNT(*) FROM scheduler_joblease").fetchone()[0]
    counts = {job: n for job, n, _hosts in rows}
    assert counts and set(counts.values()) == {1}, counts
    assert "publish_scheduled" in counts and "district_backup" not in counts
    assert leases == len(counts)


@pytest.mark.django_db(transaction=True)
def test_two_schedulers_on_postgresql_run_each_job_once(tmp_path):
    """The same race on PostgreSQL (when the suite runs there): two processes on the test
    database itself."""
    from django.db import connection

    from balai.scheduler.models import JobRun

    if connection.vendor != "postgresql":
        pytest.skip("the suite runs on SQLite; the test above covers it")
    db = connection.settings_dict
    url = f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    env = _env(tmp_path / "var", DATABASE_URL=url)
    # The test database has no cache table: the start-up checks are tested elsewhere.
    command = [*[sys.executable, str(ROOT / "manage.py")], "scheduler", "--once"]
    command.append("--skip-startup-checks")
    both = [subprocess.Popen(command, cwd=ROOT, env=env) for _ in range(2)]
    assert [p.wait(timeout=180) for p in both] == [0, 0]
    counts: dict[str, int] = {}
    for job in JobRun.objects.values_list("job", flat=True):
        counts[job] = counts.get(job, 0) + 1
    assert counts and set(counts.values()) == {1}, counts
