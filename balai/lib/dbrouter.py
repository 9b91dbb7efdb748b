"""Read replicas: anonymous public pages read from a PostgreSQL streaming replica, everything
else uses the primary (issue 13).

Which requests: `PublicReadMiddleware` (last in MIDDLEWARE) marks a request as a *public read*
when it is a GET or HEAD, carries no session cookie (nobody signed in, nothing of this visitor's
own to read back) and is neither under the dashboard prefixes nor a tracking or one-time page.
The mark lives in a context variable for the length of that request only, so the task worker,
the scheduler, management commands and every other request never see it, and `ReplicaRouter`
sends all their reads and writes to the primary ("default"). Writes always go to the primary; a
public read that writes content reads the primary for the rest of that request, so it sees what
it wrote (a write to the database cache does not count: it is not content).

Lag: the mark is armed only once the village routing middleware has read the request's village
from the primary (its process_view runs before ours). On the first read that would go to a
replica, `DATABASE_REPLICA_FRESHNESS` (villages/replicas.py) is asked whether the replica has
replayed that village's current `content_version` — the version the page will be cached and
labelled under. A replica behind it is skipped for that request. Because the version is bumped in
the same transaction as the content, a replica at version N holds all content of version N: a
page is never served or cached from data older than the content version it is keyed by, so
replica lag costs at most the one version being published (for the seconds until the replica
replays it, those pages read the primary), never a stale page that stays in the cache.

Faults: a replica that cannot be reached (or fails during the page) is marked down for
`DATABASE_REPLICA_RETRY_SECONDS` in this process, and the page is read from the primary — a
failure during the view re-runs the view on the primary once (a GET is safe to repeat). Nothing
a replica does can turn into an error page.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, DatabaseError, InterfaceError, OperationalError, connections
from django.db.models import Model
from django.http import HttpRequest, HttpResponse
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)

# Read from the primary even during a public read: the database cache (a cache read from a lagging
# replica would hand out what was just replaced) and sessions. Writing them (a page put in the
# cache) is not content, so it does not move the rest of the page to the primary.
PRIMARY_ONLY_APPS = frozenset({"django_cache", "sessions"})
# alias -> time.monotonic() until which the replica is not tried again (this process only)
_down_until: dict[str, float] = {}


def replica_aliases() -> list[str]:
    """The database aliases that are replicas of "default" (settings.DATABASE_REPLICAS)."""
    return list(getattr(settings, "DATABASE_REPLICAS", []))


def replica_mark_down(alias: str, reason: str) -> None:
    retry = float(getattr(settings, "DATABASE_REPLICA_RETRY_SECONDS", 30))
    if _down_until.get(alias, 0.0) <= time.monotonic():
        logger.warning("replica %s not used for %.0f s: %s", alias, retry, reason)
    _down_until[alias] = time.monotonic() + retry
    try:
        connections[alias].close()
    except (DatabaseError, InterfaceError):
        pass


def replica_is_down(alias: str) -> bool:
    return _down_until.get(alias, 0.0) > time.monotonic()


def _freshness() -> Callable[[str, HttpRequest], bool]:
    path = getattr(settings, "DATABASE_REPLICA_FRESHNESS", "")
    if not path:
        return lambda alias, request: True
    check: Callable[[str, HttpRequest], bool] = import_string(path)
    return check


@dataclass
class PublicRead:
    """One anonymous public GET in flight: where its reads go, decided at the first read."""

    request: HttpRequest
    armed: bool = False  # set once the village is known (our process_view)
    pinned: bool = False  # read the primary from now on (a write, or a failed replica)
    alias: str | None = None  # the replica chosen, once decided
    decided: bool = False
    view: tuple[Callable[..., HttpResponse], tuple[Any, ...], dict[str, Any]] | None = None
    tried: list[str] = field(default_factory=list)

    def read_alias(self) -> str:
        if not self.armed or self.pinned:
            return DEFAULT_DB_ALIAS
        if not self.decided:
            self.decided = True
            self.alias = self._choose()
        return self.alias or DEFAULT_DB_ALIAS

    def _choose(self) -> str | None:
        candidates = [a for a in replica_aliases() if not replica_is_down(a)]
        random.shuffle(candidates)
        check = _freshness()
        for alias in candidates:
            self.tried.append(alias)
            try:
                if check(alias, self.request):
                    return alias
            except (DatabaseError, InterfaceError) as exc:
                replica_mark_down(alias, type(exc).__name__)
        return None


_current: ContextVar[PublicRead | None] = ContextVar("balai_public_read", default=None)


def current_public_read() -> PublicRead | None:
    return _current.get()


class ReplicaRouter:
    """Reads of a public read go to a replica that is up and current; everything else, and
    every write, to the primary. Without replicas configured it has no opinion."""

    def db_for_read(self, model: type[Model], **hints: Any) -> str | None:
        if not replica_aliases():
            return None
        state = _current.get()
        if state is None or model._meta.app_label in PRIMARY_ONLY_APPS:
            return DEFAULT_DB_ALIAS
        return state.read_alias()

    def db_for_write(self, model: type[Model], **hints: Any) -> str | None:
        if not replica_aliases():
            return None
        state = _current.get()
        if state is not None and model._meta.app_label not in PRIMARY_ONLY_APPS:
            state.pinned = True  # read what was written: the primary for the rest of it
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1: Any, obj2: Any, **hints: Any) -> bool | None:
        same = {DEFAULT_DB_ALIAS, *replica_aliases()}
        if obj1._state.db in same and obj2._state.db in same:
            return True
        return None

    def allow_migrate(self, db: str, app_label: str, **hints: Any) -> bool | None:
        return False if db in replica_aliases() else None


def is_public_read(request: HttpRequest) -> bool:
    """An anonymous GET of a page that is the same for everyone. Tracking and one-time pages
    (settings.LOG_SECRET_PATH_PREFIXES, anywhere in the path) are excluded too: they are opened
    right after the visitor's own write (an application, a request, an order), which a replica
    might not have yet."""
    path = request.path
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not path.startswith(tuple(settings.NO_STORE_PATH_PREFIXES))
        and not any(part in path for part in settings.LOG_SECRET_PATH_PREFIXES)
    )


class PublicReadMiddleware:
    """Marks anonymous public GETs for the replica router (see the module). Goes last, after
    the village routing middleware, whose process_view finds the village on the primary."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not replica_aliases() or not is_public_read(request):
            return self.get_response(request)
        token = _current.set(PublicRead(request))
        try:
            return self.get_response(request)
        finally:
            _current.reset(token)

    def process_view(
        self,
        request: HttpRequest,
        view_func: Callable[..., HttpResponse],
        view_args: tuple[Any, ...],
        view_kwargs: dict[str, Any],
    ) -> None:
        state = _current.get()
        if state is not None:
            state.view = (view_func, view_args, view_kwargs)
            state.armed = True

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        """A replica that failed during the view: mark it down, run the view again on the
        primary (once; a GET is safe to repeat)."""
        state = _current.get()
        if state is None or state.alias is None or state.pinned or state.view is None:
            return None
        # Lost connections, a server shutting down, a query cancelled by WAL replay.
        if not isinstance(exception, (OperationalError, InterfaceError)):
            return None
        replica_mark_down(state.alias, type(exception).__name__)
        state.pinned = True
        view_func, args, kwargs = state.view
        return view_func(request, *args, **kwargs)
