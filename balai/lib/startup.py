"""What `manage.py serve` and `manage.py scheduler` check before they start: each problem is one
line saying what to set, printed instead of a traceback (and the process exits with status 1).

The settings themselves refuse a missing or published SECRET_KEY without DEBUG (manage.py
prints that as one line too); these checks add what a production start must not get past.
"""

from __future__ import annotations

import secrets
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.db import connection

LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", "[::1]", "testserver"}
MIN_KEY_LENGTH = 50
MIN_KEY_CHARACTERS = 5
GENERATE_KEY = "python3 -c 'import secrets; print(secrets.token_urlsafe(50))'"


def _host(entry: str) -> str:
    entry = entry.strip().lower()
    if entry.startswith("["):
        return entry.split("]")[0] + "]"
    return entry.rsplit(":", 1)[0] if entry.count(":") == 1 else entry


def is_local_host(entry: str) -> bool:
    host = _host(entry).lstrip(".")
    return host in LOCAL_HOSTS or host.endswith(".localhost") or host == "localhost"


def secret_key_problem() -> str | None:
    key = str(settings.SECRET_KEY)
    dev_key = getattr(settings, "DEVELOPMENT_SECRET_KEY", None)
    if key == dev_key or key.startswith("django-insecure-"):
        return (
            "SECRET_KEY belum diisi: isi SECRET_KEY (atau SECRET_KEY_FILE) dengan string acak, "
            f"buat dengan {GENERATE_KEY}"
        )
    if len(key) < MIN_KEY_LENGTH or len(set(key)) < MIN_KEY_CHARACTERS:
        return (
            f"SECRET_KEY terlalu lemah (kurang dari {MIN_KEY_LENGTH} karakter atau terlalu "
            f"sedikit karakter berbeda): ganti dengan string acak, buat dengan {GENERATE_KEY}"
        )
    return None


def debug_problem() -> str | None:
    if not settings.DEBUG:
        return None
    hosts = [*settings.ALLOWED_HOSTS, str(getattr(settings, "DISTRICT_DOMAIN", ""))]
    public = [h for h in hosts if not is_local_host(h)]
    if public:
        return (
            f"DEBUG menyala dengan host publik ({', '.join(sorted(set(public)))}): matikan DEBUG "
            "(hapus DEBUG=1), atau untuk percobaan lokal atur ALLOWED_HOSTS dan DISTRICT_DOMAIN "
            "ke 127.0.0.1"
        )
    return None


def _writable(folder: Path) -> bool:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".balai-check-"):
            pass
    except OSError:
        return False
    return True


def media_problem() -> str | None:
    folders = [Path(settings.PRIVATE_MEDIA_ROOT)]
    if not getattr(settings, "AWS_STORAGE_BUCKET_NAME", ""):
        folders.insert(0, Path(settings.MEDIA_ROOT))
    for folder in folders:
        if not _writable(folder):
            return (
                f"Folder media {folder} tidak bisa ditulisi: beri izin tulis kepada pengguna "
                "yang menjalankan Balai, atau atur BALAI_VAR_DIR ke folder yang bisa ditulisi"
            )
    return None


def database_problem() -> str | None:
    try:
        connection.ensure_connection()
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception as exc:  # noqa: BLE001 - any driver's error is the answer
        first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        where = connection.settings_dict.get("HOST") or connection.settings_dict.get("NAME")
        return (
            f"Basis data tidak dapat dihubungi ({connection.vendor}, {where}): periksa "
            f"DATABASE_URL dan apakah server basis data berjalan ({first[:120]})"
        )
    return None


def cache_problem() -> str | None:
    key = "balai:startup-check"
    value = secrets.token_hex(8)
    try:
        cache.set(key, value, 30)
        ok = cache.get(key) == value
    except Exception as exc:  # noqa: BLE001 - any driver's error is the answer
        first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        return (
            "Cache tidak dapat dipakai: periksa REDIS_URL dan apakah Redis berjalan, atau "
            f"tanpa REDIS_URL apakah folder CACHE_DIR (var/cache) bisa ditulis ({first[:120]})"
        )
    if not ok:
        return "Cache tidak menyimpan nilai: periksa REDIS_URL (atau CACHES)"
    return None


CHECKS: tuple[Callable[[], str | None], ...] = (
    secret_key_problem,
    debug_problem,
    media_problem,
    database_problem,
    cache_problem,
)


def startup_problem(checks: Iterable[Callable[[], str | None]] = CHECKS) -> str | None:
    """The first problem that must stop a production start, or None."""
    for check in checks:
        problem = check()
        if problem:
            return problem
    return None
