"""Upgrades are `migrate` (issue 13): a database made by the first released Balai, with its demo
data, is upgraded to this checkout by `manage.py migrate` alone and keeps every row.

The first release is commit 8356a9c, the tip of the first wave of work as it landed: the last
review commit before the second wave (52d7e40, the views-by-audience restructuring) began, and
the first commit with every module of wave one in it; the 47 commits before it are steps of
that same wave, never released on their own. Its code is taken from this repository's history
with `git archive`, run with this checkout's virtualenv, and pointed at a fresh database: a
temporary SQLite file, or, when the suite runs on PostgreSQL (DATABASE_URL), a database of its
own named after this process, created and dropped here — never pytest-django's test database.
Nothing is cached between runs.

Checks, by plain SQL before and after the upgrade (models moved between apps, so the tables are
compared, not the models): every table of the old schema still has all its rows, in the same
table or the table its model moved to, with the same values in every column both schemas have;
a table that is dropped must have been empty unless its rows are carried over by a data
migration checked here. Then the current code reads the upgraded database: every model's rows
load through the ORM, a demo login works, and public pages and a dashboard render.

It needs the git history (CI runs on a full clone). From an export without `.git`, set
BALAI_SKIP_UPGRADE_TEST=1 to skip it explicitly.
"""

from __future__ import annotations

import io
import json
import os
import sqlite3
import subprocess
import sys
import tarfile
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Any

import dj_database_url
import pytest

FIRST_RELEASE = "8356a9cf4bcb9c2ae55a89d9d8ee7cb2dc81f484"
REPO = Path(__file__).resolve().parents[2]
STEP_TIMEOUT = 300

# Apps whose models moved: support's tables became mentoring_*, watch_* and backups_* (issue 12).
MOVED_APPS = {"support": ("mentoring", "watch", "backups")}
# Tables that are bookkeeping, not data: the migration list grows, permissions and content types
# are recreated by post_migrate (their move is checked on its own below), the cache is a cache.
NOT_DATA = {"django_migrations", "auth_permission", "django_content_type", "balai_cache"}
# Tables a migration drops on purpose. An import's own record (a checked or refused dry run) is
# not kept: the import pipeline replaced it. Budget batches that were applied carry the lines they
# replaced; those become budget_budgetversion rows, checked in the test.
DROPPED = {
    "budget_importbatch",
    "population_populationimport",
    "welfare_welfareimport",
}
# SQLite's full-text index of news: a virtual table and its shadow tables, rebuilt from the
# articles by triggers, so compared by its row count only.
FTS_PREFIX = "news_article_fts"

# An applied budget import in the old database, so the data migration that keeps replaced lines
# has something to carry over (the demo imports nothing).
OLD_BUDGET_BATCH = """
from django.utils import timezone
from balai.budget.models import FiscalYear, ImportBatch
year = FiscalYear.objects.order_by("id").first()
ImportBatch.objects.create(
    village_id=year.village_id, fiscal_year=year, file="anggaran/lama.xlsx",
    file_name="apbdes-lama.xlsx", status="applied", applied_at=timezone.now(),
    previous_lines=[{"code": "4.1.1", "uraian": "Hasil usaha desa", "amount": "12500000"}],
    previous_summary={"pendapatan": "12500000"},
)
ImportBatch.objects.create(
    village_id=year.village_id, fiscal_year=year, file="anggaran/ditolak.xlsx",
    file_name="apbdes-ditolak.xlsx", status="refused",
)
print(year.village_id, year.id)
"""

# Run by the current code against the upgraded database: every model's rows load, a demo admin
# logs in, public pages and the dashboard render.
PROBE = """
import json
import django
from django.conf import settings
# Pages render without collectstatic (no manifest of hashed names), as in the test settings.
settings.STORAGES = {**settings.STORAGES, "staticfiles": {
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
django.setup()
from django.apps import apps
from django.test import Client
from balai.villages.models import Village

counts = {}
for model in apps.get_models():
    meta = model._meta
    if not meta.managed or meta.proxy:
        continue
    rows = 0
    for _ in model._base_manager.all().iterator(chunk_size=2000):
        rows += 1
    counts[meta.db_table] = rows
village = Village.objects.get(slug="dagan", status=Village.Status.LIVE)
pages = {}
client = Client()
for path in ("/", f"/desa/{village.slug}/", f"/desa/{village.slug}/berita/",
             f"/desa/{village.slug}/apbdes/", f"/desa/{village.slug}/statistik/", "/berita/"):
    response = client.get(path, follow=True)
    pages[path] = [response.status_code, village.name in response.content.decode()]
logged_in = client.login(email="admin@dagan.desa.id", password="demo-balai-2026")
dashboard = client.get("/dasbor/dagan/").status_code if logged_in else None
print(json.dumps({"counts": counts, "pages": pages, "login": logged_in, "dashboard": dashboard}))
"""


def _git(*args: str, **kwargs: Any) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(["git", "-C", str(REPO), *args], capture_output=True, **kwargs)


def _first_release_tree(target: Path) -> Path:
    if _git("rev-parse", "--git-dir").returncode != 0:
        reason = f"{REPO} is not a git checkout"
    elif _git("cat-file", "-e", f"{FIRST_RELEASE}^{{commit}}").returncode != 0:
        reason = f"commit {FIRST_RELEASE[:7]} is not in this clone (a shallow clone?)"
    else:
        reason = ""
    if reason:
        if os.environ.get("BALAI_SKIP_UPGRADE_TEST") == "1":
            pytest.skip(f"upgrade test skipped by BALAI_SKIP_UPGRADE_TEST: {reason}")
        pytest.fail(
            f"The upgrade test needs the git history to rebuild the first release: {reason}. "
            "Run it from a full clone (git fetch --unshallow), or set BALAI_SKIP_UPGRADE_TEST=1 "
            "to skip it explicitly.",
            pytrace=False,
        )
    archive = _git("archive", "--format=tar", FIRST_RELEASE, check=True, timeout=60).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(target, filter="data")
    return target


class Database:
    """The database being upgraded, and plain DB-API access to it."""

    def __init__(self, url: str, engine: str, admin: dict[str, Any] | None = None) -> None:
        self.url = url
        self.engine = engine
        self.admin = admin

    @contextmanager
    def connect(self) -> Iterator[Any]:
        if self.engine == "sqlite":
            with closing(sqlite3.connect(self.url.removeprefix("sqlite:///"))) as conn:
                yield conn
            return
        import psycopg

        with psycopg.connect(self.url) as conn:
            yield conn

    def tables(self, conn: Any) -> list[str]:
        if self.engine == "sqlite":
            sql = "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
        else:
            sql = "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
        return sorted(row[0] for row in conn.execute(sql).fetchall())

    def columns(self, conn: Any, table: str) -> list[str]:
        cursor = conn.execute(f'SELECT * FROM "{table}" WHERE 1 = 0')
        return [d[0] for d in cursor.description]


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    url = os.environ.get("DATABASE_URL", "")
    if not url or url.startswith("sqlite"):
        path = tmp_path / "upgrade.sqlite3"
        yield Database(f"sqlite:///{path}", "sqlite")
        return
    import psycopg

    config = dj_database_url.parse(url)
    # Named after this suite's database and this process: parallel workers and other checkouts
    # sharing the server never meet, and pytest-django's test_<name> is left alone.
    name = f"{config['NAME']}_upgrade_{os.getpid()}"[:63]
    admin = {
        "host": config.get("HOST") or None,
        "port": config.get("PORT") or None,
        "user": config.get("USER") or None,
        "password": config.get("PASSWORD") or None,
        "dbname": "postgres",
        "autocommit": True,
    }
    with psycopg.connect(**admin) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    base = url.rsplit("/", 1)[0].split("?")[0]
    try:
        yield Database(f"{base}/{name}", "postgres", admin)
    finally:
        with psycopg.connect(**admin) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _environment(database: Database, var_dir: Path) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_", "REDIS_", "S3_", "EMAIL_", "PYTEST_"))
        and key not in {"PYTHONPATH", "DEBUG", "SECRET_KEY_FILE", "BALAI_VAR_DIR"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="balai.settings",
        DATABASE_URL=database.url,
        DATABASE_CONN_MAX_AGE="0",
        BALAI_VAR_DIR=str(var_dir),
        SECRET_KEY="balai-upgrade-test-" + "k" * 48,
        DISTRICT_DOMAIN="testserver",
        PYTHONDONTWRITEBYTECODE="1",
    )
    return env


def _run(cwd: Path, env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        [sys.executable, *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=STEP_TIMEOUT,
    )
    if done.returncode != 0:
        pytest.fail(
            f"`{' '.join(args[:3])}` in {cwd} failed ({done.returncode}):\n"
            f"{done.stdout[-3000:]}\n{done.stderr[-6000:]}",
            pytrace=False,
        )
    return done.stdout


def _snapshot(database: Database) -> dict[str, tuple[list[str], list[tuple[Any, ...]]]]:
    """Every data table's columns and rows (ordered by primary key where there is one)."""
    snapshot = {}
    with database.connect() as conn:
        for table in database.tables(conn):
            if table in NOT_DATA:
                continue
            columns = database.columns(conn, table)
            if table.startswith(FTS_PREFIX):
                rows = conn.execute(f'SELECT count(*) FROM "{table}"').fetchall()
                snapshot[table] = (["count"], rows)
                continue
            order = '"id"' if "id" in columns else ", ".join(f'"{c}"' for c in columns)
            rows = conn.execute(f'SELECT * FROM "{table}" ORDER BY {order}').fetchall()
            snapshot[table] = (columns, [tuple(row) for row in rows])
    return snapshot


def _new_table(old: str, new_tables: set[str]) -> str | None:
    if old in new_tables:
        return old
    app, _, rest = old.partition("_")
    for target in MOVED_APPS.get(app, ()):
        if f"{target}_{rest}" in new_tables:
            return f"{target}_{rest}"
    return None


def _content_types(database: Database) -> set[tuple[str, str]]:
    with database.connect() as conn:
        rows = conn.execute("SELECT app_label, model FROM django_content_type").fetchall()
    return {(app, model) for app, model in rows}


def test_first_release_database_upgrades_with_migrate(tmp_path: Path, database: Database) -> None:
    old_tree = _first_release_tree(tmp_path / "first-release")
    old_env = _environment(database, tmp_path / "var-old")
    _run(old_tree, old_env, "manage.py", "migrate", "--noinput", "-v0")
    _run(old_tree, old_env, "manage.py", "createcachetable")
    _run(old_tree, old_env, "manage.py", "demo")
    village_id, fiscal_year_id = (
        _run(old_tree, old_env, "manage.py", "shell", "-c", OLD_BUDGET_BATCH)
        .splitlines()[-1]
        .split()
    )
    before = _snapshot(database)
    types_before = _content_types(database)
    assert before["villages_village"][1], "the first release's demo made no villages"
    assert len(before["population_resident"][1]) > 1000
    assert before["support_helprequest"][1], "nothing in the support tables to move"

    new_env = _environment(database, tmp_path / "var-new")
    _run(REPO, new_env, "manage.py", "migrate", "--noinput", "-v0")
    # Nothing left for makemigrations: the models and the migrations agree.
    _run(REPO, new_env, "manage.py", "makemigrations", "--check", "--dry-run", "-v0")
    after = _snapshot(database)

    problems = []
    for table, (columns, rows) in before.items():
        target = _new_table(table, set(after))
        if target is None:
            if table not in DROPPED:
                problems.append(f"{table}: dropped by the upgrade with {len(rows)} rows")
            continue
        new_columns, new_rows = after[target]
        if len(new_rows) != len(rows):
            problems.append(f"{table} -> {target}: {len(rows)} rows before, {len(new_rows)} after")
            continue
        kept = [c for c in columns if c in new_columns]
        if len(kept) < max(1, len(columns) // 2):
            problems.append(f"{table} -> {target}: only {kept} of {columns} survive")
        for column in kept:
            old_at, new_at = columns.index(column), new_columns.index(column)
            for old_row, new_row in zip(rows, new_rows, strict=True):
                if old_row[old_at] != new_row[new_at]:
                    key = old_row[columns.index("id")] if "id" in columns else "?"
                    problems.append(f"{table} -> {target}: {column} changed in row id={key}")
                    break
    assert not problems, "data changed by the upgrade:\n" + "\n".join(problems)

    # The applied budget import's replaced lines became a kept budget version; the refused one
    # (a dry run with nothing applied) is not carried over.
    versions = after["budget_budgetversion"]
    assert len(versions[1]) == 1
    version = dict(zip(versions[0], versions[1][0], strict=True))
    assert str(version["village_id"]) == village_id
    assert str(version["fiscal_year_id"]) == fiscal_year_id
    assert version["replaced_by"] == "apbdes-lama.xlsx"
    lines = (
        version["lines"] if not isinstance(version["lines"], str) else json.loads(version["lines"])
    )
    assert lines == [{"code": "4.1.1", "uraian": "Hasil usaha desa", "amount": "12500000"}]

    # Content types (which permissions point at) followed the support models to their new apps.
    types_after = _content_types(database)
    moved = {(app, model) for app, model in types_before if app == "support"}
    assert moved and not {t for t in types_after if t[0] == "support"}
    for _, model in moved:
        assert any((app, model) in types_after for app in MOVED_APPS["support"]), model

    # The current code reads it all.
    probe = json.loads(_run(REPO, new_env, "-c", PROBE).strip().splitlines()[-1])
    for table, (_, rows) in after.items():
        if table in probe["counts"] and not table.startswith(FTS_PREFIX):
            assert probe["counts"][table] == len(rows), table
    assert probe["counts"]["population_resident"] == len(before["population_resident"][1])
    assert probe["counts"]["mentoring_helprequest"] == len(before["support_helprequest"][1])
    for path, (status, names_village) in probe["pages"].items():
        assert status == 200, f"{path} answered {status} after the upgrade"
        if path.startswith("/desa/"):
            assert names_village, f"{path} does not name its village"
    assert probe["login"], "a demo admin made by the first release cannot log in"
    assert probe["dashboard"] == 200
