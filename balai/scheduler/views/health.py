"""/healthz for an uptime monitor: database, cache, task worker, scheduler, free disk space.

200 when every check passes, 503 otherwise, as JSON naming each check; never stored by a cache,
no personal data, two queries (the heartbeats, plus whether a task is running only when the
worker's heartbeat is old).
"""

from __future__ import annotations

import secrets
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, JsonResponse
from django.utils import timezone
from django.views.decorators.http import require_GET

from balai.scheduler import selectors, services


def _database() -> tuple[dict[str, Any], dict[str, Any]]:
    try:
        seen = selectors.heartbeats_last_seen()
    except Exception as exc:  # noqa: BLE001 - any driver's error is the answer
        return {"ok": False, "error": type(exc).__name__}, {}
    return {"ok": True}, seen


def _cache() -> dict[str, Any]:
    key = "balai:healthz"
    value = secrets.token_hex(4)
    try:
        cache.set(key, value, 30)
        ok = cache.get(key) == value
    except Exception as exc:  # noqa: BLE001 - any driver's error is the answer
        return {"ok": False, "error": type(exc).__name__}
    return {"ok": ok}


def _age(seen: Any, now: Any) -> int | None:
    return None if seen is None else int((now - seen).total_seconds())


@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    now = timezone.now()
    checks: dict[str, dict[str, Any]] = {}
    checks["database"], seen = _database()
    checks["cache"] = _cache()
    scheduler_seen = seen.get("scheduler")
    checks["scheduler"] = {
        "ok": selectors.heartbeat_fresh(scheduler_seen, now),
        "seconds_since_heartbeat": _age(scheduler_seen, now),
    }
    worker_seen = seen.get("worker")
    worker = {
        "ok": selectors.heartbeat_fresh(worker_seen, now),
        "seconds_since_heartbeat": _age(worker_seen, now),
    }
    if not worker["ok"] and checks["database"]["ok"] and worker_seen is not None:
        # A worker deep in a long task misses its heartbeat for a while: busy, not dead.
        busy_window = timedelta(seconds=settings.WORKER_BUSY_SECONDS)
        if worker_seen >= now - busy_window and services.worker_busy_since(now - busy_window):
            worker.update(ok=True, busy=True)
    checks["worker"] = worker
    try:
        _folder, free = selectors.media_free_bytes()
        needed = settings.HEALTH_MIN_FREE_MB * 1024 * 1024
        checks["disk"] = {"ok": free >= needed, "free_mb": free // (1024 * 1024)}
    except OSError as exc:
        checks["disk"] = {"ok": False, "error": type(exc).__name__}
    ok = all(check["ok"] for check in checks.values())
    response = JsonResponse({"ok": ok, "checks": checks}, status=200 if ok else 503)
    response["Cache-Control"] = "no-store"
    return response
