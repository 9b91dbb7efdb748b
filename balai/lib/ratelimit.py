"""One rate limiter for every login, form and lookup, counted in the shared cache.

The cache (database or Redis) is shared by every worker process, so nobody can spread attempts
over workers. A counter is a fixed window: it starts with the first attempt and lasts `seconds`.
What is counted is hashed with the secret key, so no address or e-mail sits readable in the cache.
Count visitors with `balai.lib.net.client_network(request)`, never with REMOTE_ADDR (behind the
proxy that is the proxy's own address, and one visitor would lock out the whole district).
"""

from __future__ import annotations

import hashlib
import math
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import ngettext


@dataclass(frozen=True)
class Limit:
    """At most `count` attempts per `seconds`."""

    count: int
    seconds: int

    @property
    def minutes(self) -> int:
        return max(1, math.ceil(self.seconds / 60))


def _key(scope: str, value: str, kind: str = "n") -> str:
    digest = hashlib.sha256(f"{settings.SECRET_KEY}|{scope}|{value}".encode()).hexdigest()[:32]
    return f"balai:rl:{kind}:{scope}:{digest}"


def rate_limit_hit(*, scope: str, value: str, limit: Limit) -> bool:
    """Count one attempt; True when this attempt is over the limit (refuse it)."""
    key = _key(scope, value)
    if cache.add(key, 1, limit.seconds):
        cache.set(_key(scope, value, "t"), time.time() + limit.seconds, limit.seconds)
        return limit.count < 1
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, limit.seconds)
        return limit.count < 1
    return count > limit.count


def rate_limit_count(*, scope: str, value: str) -> int:
    """Attempts counted in the current window (0 when none)."""
    return int(cache.get(_key(scope, value)) or 0)


def rate_limit_exceeded(*, scope: str, value: str, limit: Limit) -> bool:
    """Whether the limit is already used up, without counting an attempt."""
    return rate_limit_count(scope=scope, value=value) >= limit.count


def rate_limit_wait(*, scope: str, value: str) -> int:
    """Seconds until the current window ends (0 when there is none)."""
    until = cache.get(_key(scope, value, "t"))
    return max(0, math.ceil(float(until) - time.time())) if until else 0


def rate_limit_clear(*, scope: str, value: str) -> None:
    cache.delete_many([_key(scope, value), _key(scope, value, "t")])


def too_many_message(limit: Limit) -> str:
    """The one sentence every limited form shows, in Indonesian."""
    return ngettext(
        "Terlalu banyak percobaan dari jaringan Anda. Coba lagi dalam %(n)d menit.",
        "Terlalu banyak percobaan dari jaringan Anda. Coba lagi dalam %(n)d menit.",
        limit.minutes,
    ) % {"n": limit.minutes}
