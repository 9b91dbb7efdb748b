"""Balai refuses to run on the secret key printed in settings.py unless DEBUG is on, and a
fresh machine still runs (`make run` writes var/secret_key; SECRET_KEY_FILE is read)."""

from __future__ import annotations

import os
import runpy
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from balai.accounts.checks import secret_key_check

ROOT = Path(__file__).resolve().parents[2]
SETTINGS = str(ROOT / "balai" / "settings.py")
DEVELOPMENT_KEY = runpy.run_path(SETTINGS)["DEVELOPMENT_SECRET_KEY"]


@pytest.fixture
def fresh_env(monkeypatch, tmp_path):
    """A machine with no .env: no key, no DEBUG, an empty var/."""
    for name in ("SECRET_KEY", "SECRET_KEY_FILE", "DEBUG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("BALAI_VAR_DIR", str(tmp_path / "var"))
    return tmp_path


def load_settings() -> dict:
    return runpy.run_path(SETTINGS)


def test_without_debug_and_without_a_key_the_settings_refuse_to_load(fresh_env):
    with pytest.raises(ImproperlyConfigured, match="SECRET_KEY"):
        load_settings()


def test_the_development_key_given_explicitly_is_refused_too(fresh_env, monkeypatch):
    monkeypatch.setenv("SECRET_KEY", DEVELOPMENT_KEY)
    with pytest.raises(ImproperlyConfigured):
        load_settings()


@pytest.mark.parametrize(
    "key",
    ["balai-insecure-development-key-change-me-in-production", "django-insecure-abc123xyz"],
)
def test_other_published_keys_are_refused(fresh_env, monkeypatch, key):
    monkeypatch.setenv("SECRET_KEY", key)
    with pytest.raises(ImproperlyConfigured):
        load_settings()


def test_with_debug_the_development_key_is_used(fresh_env, monkeypatch):
    monkeypatch.setenv("DEBUG", "1")
    assert load_settings()["SECRET_KEY"] == DEVELOPMENT_KEY


def test_the_key_is_read_from_the_variable(fresh_env, monkeypatch):
    monkeypatch.setenv("SECRET_KEY", "k" * 50)
    assert load_settings()["SECRET_KEY"] == "k" * 50


def test_the_key_is_read_from_secret_key_file(fresh_env, monkeypatch):
    key_file = fresh_env / "kunci"
    key_file.write_text("dari-berkas-" + "a" * 40 + "\n")
    monkeypatch.setenv("SECRET_KEY_FILE", str(key_file))
    assert load_settings()["SECRET_KEY"] == "dari-berkas-" + "a" * 40


def test_a_secret_key_file_that_cannot_be_read_is_an_error(fresh_env, monkeypatch):
    monkeypatch.setenv("SECRET_KEY_FILE", str(fresh_env / "tidak-ada"))
    monkeypatch.setenv("DEBUG", "1")
    with pytest.raises(ImproperlyConfigured, match="SECRET_KEY_FILE"):
        load_settings()


def test_the_key_make_run_writes_under_var_is_used(fresh_env):
    var = fresh_env / "var"
    var.mkdir()
    (var / "secret_key").write_text("dari-make-run-" + "b" * 40)
    assert load_settings()["SECRET_KEY"] == "dari-make-run-" + "b" * 40


def test_the_deploy_check_fails_on_the_development_key(settings):
    settings.SECRET_KEY = DEVELOPMENT_KEY
    assert [e.id for e in secret_key_check()] == ["balai.E001"]
    settings.SECRET_KEY = "x" * 50
    assert secret_key_check() == []


def run(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG"}}
    clean.pop("SECRET_KEY_FILE", None)
    clean.update(env, DJANGO_SETTINGS_MODULE="balai.settings")
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=clean, capture_output=True, text=True, timeout=120
    )


def test_manage_py_check_deploy_no_longer_passes_with_the_default_key(tmp_path):
    var = str(tmp_path / "var")
    with_debug = run("manage.py", "check", "--deploy", env={"BALAI_VAR_DIR": var, "DEBUG": "1"})
    assert with_debug.returncode != 0
    assert "balai.E001" in with_debug.stderr + with_debug.stdout
    without = run("manage.py", "check", "--deploy", env={"BALAI_VAR_DIR": var})
    assert without.returncode != 0
    # One line saying what to set (manage.py), not a traceback.
    assert without.stderr.startswith("Balai tidak bisa mulai: ") and "SECRET_KEY" in without.stderr
    assert "Traceback" not in without.stderr and len(without.stderr.strip().splitlines()) == 1


def test_the_wsgi_application_does_not_start_without_a_key(tmp_path):
    started = run("-c", "import balai.wsgi", env={"BALAI_VAR_DIR": str(tmp_path / "var")})
    assert started.returncode != 0
    assert "Balai needs a secret key when DEBUG is off" in started.stderr
