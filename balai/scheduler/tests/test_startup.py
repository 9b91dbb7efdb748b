"""A production start refuses, with one line saying what to set, on a weak secret key, DEBUG
with a public host, an unwritable media folder, or a database or cache it cannot reach."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from balai.lib import startup

ROOT = Path(__file__).resolve().parents[3]
STRONG_KEY = "k7Qw9zR2mX4vB8nT1pL6sD3fG5hJ0yU-aE_cV7bN2mQ9xZ4wK8rT1yP6uI3oL5j"


def test_a_strong_key_passes_and_weak_ones_do_not(settings):
    settings.SECRET_KEY = STRONG_KEY
    assert startup.secret_key_problem() is None
    for weak in ("x" * 60, "short-but-varied-key-123", settings.DEVELOPMENT_SECRET_KEY):
        settings.SECRET_KEY = weak
        problem = startup.secret_key_problem()
        assert problem and "SECRET_KEY" in problem and "\n" not in problem


def test_debug_is_refused_with_a_public_host(settings):
    settings.DEBUG = True
    settings.ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
    settings.DISTRICT_DOMAIN = "127.0.0.1:8000"
    assert startup.debug_problem() is None
    settings.DISTRICT_DOMAIN = "desa.purbalinggakab.go.id"
    assert "desa.purbalinggakab.go.id" in (startup.debug_problem() or "")
    settings.DISTRICT_DOMAIN = "localhost"
    settings.ALLOWED_HOSTS = ["*"]
    assert "DEBUG" in (startup.debug_problem() or "")
    settings.DEBUG = False
    assert startup.debug_problem() is None


def test_an_unwritable_media_folder_is_refused(settings, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    settings.MEDIA_ROOT = blocker / "media"  # a folder cannot be made under a file
    problem = startup.media_problem()
    assert problem and str(blocker / "media") in problem and "BALAI_VAR_DIR" in problem
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    assert startup.media_problem() is None


@pytest.mark.django_db
def test_a_reachable_database_and_cache_pass():
    assert startup.database_problem() is None
    assert startup.cache_problem() is None


def test_an_unreachable_cache_is_refused(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
        }
    }
    assert "REDIS_URL" in (startup.cache_problem() or "")


def _manage(args: list[str], tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    # SQLite under tmp_path unless a test names a database.
    drop = ("SECRET_KEY", "DJANGO_", "DATABASE_URL", "REDIS_URL")
    base = {k: v for k, v in os.environ.items() if not k.startswith(drop)}
    base.update({"BALAI_VAR_DIR": str(tmp_path / "var"), "DEBUG": "0", **env})
    return subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        cwd=ROOT,
        env=base,
        capture_output=True,
        text=True,
        timeout=60,
    )


def _one_line_refusal(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 1, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr  # one line, not a traceback
    assert lines[0].startswith("Balai tidak bisa mulai: ")
    return lines[0]


@pytest.mark.parametrize("command", ["serve", "scheduler"])
def test_the_commands_refuse_a_missing_key_in_one_line(tmp_path, command):
    line = _one_line_refusal(_manage([command], tmp_path))
    assert "SECRET_KEY" in line


def test_serve_refuses_a_weak_key_in_one_line(tmp_path):
    line = _one_line_refusal(_manage(["serve"], tmp_path, SECRET_KEY="x" * 60))
    assert "SECRET_KEY terlalu lemah" in line


def test_serve_refuses_debug_with_a_public_host(tmp_path):
    line = _one_line_refusal(
        _manage(
            ["serve"],
            tmp_path,
            SECRET_KEY=STRONG_KEY,
            DEBUG="1",
            DISTRICT_DOMAIN="desa.purbalinggakab.go.id",
        )
    )
    assert "DEBUG" in line and "desa.purbalinggakab.go.id" in line


def test_serve_refuses_an_unreachable_database(tmp_path):
    line = _one_line_refusal(
        _manage(
            ["serve"],
            tmp_path,
            SECRET_KEY=STRONG_KEY,
            DATABASE_URL="postgres://balai@127.0.0.1:1/balai",
        )
    )
    assert "DATABASE_URL" in line


def test_the_scheduler_refuses_an_unreachable_cache(tmp_path):
    line = _one_line_refusal(
        _manage(["scheduler"], tmp_path, SECRET_KEY=STRONG_KEY, REDIS_URL="redis://127.0.0.1:1/0")
    )
    assert "REDIS_URL" in line


def test_serve_refuses_an_unwritable_media_folder(tmp_path):
    var = tmp_path / "var"
    var.mkdir()
    (var / "media").write_text("")  # a file where the folder should be
    line = _one_line_refusal(_manage(["serve"], tmp_path, SECRET_KEY=STRONG_KEY))
    assert "media" in line and "BALAI_VAR_DIR" in line
