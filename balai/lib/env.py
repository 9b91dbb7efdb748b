"""Tiny typed readers of environment variables, so settings stay one flat file."""

from __future__ import annotations

import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value not in (None, "") else default


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_secret(name: str, default_file: Path | None = None) -> str:
    """A secret: the variable NAME, else the contents of the file named by NAME_FILE (systemd
    credentials, Docker secrets), else of `default_file` when it exists; "" when there is none.
    A NAME_FILE that cannot be read is an error, never a silent fallback."""
    value = os.environ.get(name, "").strip()
    if value:
        return value
    named = os.environ.get(f"{name}_FILE", "").strip()
    if named:
        try:
            return Path(named).read_text().strip()
        except OSError as exc:
            raise ImproperlyConfigured(f"{name}_FILE={named} cannot be read: {exc}") from exc
    if default_file is not None and default_file.is_file():
        return default_file.read_text().strip()
    return ""
