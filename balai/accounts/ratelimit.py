"""Counting failed logins, per email and per client IP, in the shared cache.

The cache (database or Redis) is shared by every worker process, so an attacker cannot spread
guesses over workers. A counter lives LOGIN_LOCKOUT_SECONDS from its first failure; reaching the
limit writes a lock that lasts LOGIN_LOCKOUT_SECONDS and is checked before the password is.

The per-IP limit is a multiple of the per-email one: village offices and mobile carriers put
many people behind one address (carrier-grade NAT), and one person's typos must not lock out
the whole kecamatan. Guessing many passwords for one account is still stopped by the email limit.
"""

from __future__ import annotations

import hashlib
import math
import time

from django.conf import settings
from django.core.cache import cache

IP_LIMIT_FACTOR = 4


def _key(kind: str, scope: str, value: str) -> str:
    # Hashed: emails are personal data and must not sit readable in the cache table.
    digest = hashlib.sha256(value.encode()).hexdigest()[:32]
    return f"balai:login:{kind}:{scope}:{digest}"


def normalize_email(email: str) -> str:
    return (email or "").strip().lower()


def _scopes(email: str, ip: str) -> list[tuple[str, str, int]]:
    limit = settings.LOGIN_MAX_FAILURES
    scopes = [("ip", ip or "unknown", limit * IP_LIMIT_FACTOR)]
    if email:
        scopes.insert(0, ("email", normalize_email(email), limit))
    return scopes


def login_lock_seconds(*, email: str, ip: str) -> int:
    """Seconds until a login for this email from this IP is allowed again; 0 when it is."""
    now = time.time()
    keys = [_key("lock", scope, value) for scope, value, _limit in _scopes(email, ip)]
    until = max((float(v) for v in cache.get_many(keys).values()), default=0.0)
    return max(0, math.ceil(until - now))


def login_lock_minutes(seconds: int) -> int:
    return max(1, math.ceil(seconds / 60))


def login_failure_record(*, email: str, ip: str) -> None:
    window = settings.LOGIN_LOCKOUT_SECONDS
    for scope, value, limit in _scopes(email, ip):
        key = _key("fail", scope, value)
        cache.add(key, 0, window)
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, window)
            count = 1
        if count >= limit:
            cache.set(_key("lock", scope, value), time.time() + window, window)


def login_failures_clear(*, email: str) -> None:
    """A successful login (or a password reset) clears the email's counter and lock."""
    value = normalize_email(email)
    cache.delete_many([_key("fail", "email", value), _key("lock", "email", value)])
