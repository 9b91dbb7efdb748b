"""Anonymous public pages: cached per village, invalidated on publish, revalidated by edges.

Versions. Every village has a content version and the district one more (portal pages); both
live in the cache as `(token, timestamp)`: a random token (never reused, so a version that was
evicted from the cache starts again under a token no old page is stored under) and the second it
last changed (`Last-Modified`). `content_changed` (content.py) bumps them at once and again once
the writer's transaction commits, so a page rendered from the old rows in between is stored under
a token nobody asks for again. The cache is shared by every process (a file cache on one host,
Redis across hosts), so a publish in the worker reaches the web processes at once.

Pages. `cache_public_page` keys an anonymous GET by host, path, language and htmx under the
version token. Its `ETag` is the same key (strong: within one version a page is the same bytes),
so a conditional request is answered with a 304 from the version alone, before any rendering,
and an edge (nginx, a CDN) may keep the page `public` for a short max-age and revalidate it.

Routes. The routing middleware looks the host and the /desa/<slug>/ part up in a cached map (host
→ village id) under a routes token that any change to a village, its domains or the regions
bumps, and takes the anonymous visitor's Village row from the cache under the village's token:
a cached page costs no SQL query at all.
"""

from __future__ import annotations

import hashlib
import secrets
import time
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.utils.http import parse_http_date_safe
from django.utils.translation import get_language

from balai.lib.cache_control import mark_public, signed_in

DISTRICT_VERSION_KEY = "balai:district-version"
ROUTES_VERSION_KEY = "balai:routes-version"
Version = tuple[str, int]


def village_version_key(village_id: int) -> str:
    return f"balai:village-version:{village_id}"


def _new_version(previous: Version | None) -> Version:
    # Never the same second twice: a client holding the old page's Last-Modified must not be
    # told "not modified" about a change made within that second.
    now = int(time.time())
    if previous is not None and now <= previous[1]:
        now = previous[1] + 1
    return secrets.token_hex(8), now


def _version(key: str) -> Version:
    value = cache.get(key)
    if value is None:
        value = _new_version(None)
        if not cache.add(key, value, None):
            value = cache.get(key) or value
    return value


def with_version(version_key: str, key: str) -> tuple[Version, Any]:
    """The version at `version_key` and whatever is stored at `key`, in one trip to the cache
    (what is stored says which version it was read under; the caller compares)."""
    found = cache.get_many([version_key, key])
    version = found.get(version_key)
    if version is None:
        version = _version(version_key)
    return version, found.get(key)


def _bump(key: str) -> None:
    cache.set(key, _new_version(cache.get(key)), None)


def village_version(village_id: int) -> Version:
    return _version(village_version_key(village_id))


def village_version_bump(village_id: int) -> None:
    _bump(village_version_key(village_id))


def district_version() -> str:
    """The district's version token (part of the key of every cached district page)."""
    return _version(DISTRICT_VERSION_KEY)[0]


def district_version_bump() -> None:
    _bump(DISTRICT_VERSION_KEY)


def routes_changed() -> None:
    """A village, one of its domains or a region changed: forget every cached route, now and
    again once the transaction commits (a route read from the old rows in between is orphaned)."""
    _bump(ROUTES_VERSION_KEY)
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(lambda: _bump(ROUTES_VERSION_KEY))


def _variant(request: HttpRequest) -> str:
    # bool(): HtmxDetails has no stable str(), which would make every key unique.
    htmx = bool(getattr(request, "htmx", False))
    return f"{request.get_host()}|{request.get_full_path()}|{get_language()}|{htmx}"


def _not_modified(request: HttpRequest, etag: str, last_modified: int) -> bool:
    """RFC 9110 §13.2.2: If-None-Match decides when present, else If-Modified-Since."""
    if_none_match = request.META.get("HTTP_IF_NONE_MATCH")
    if if_none_match is not None:
        tags = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
        return etag in tags or "*" in tags
    since = parse_http_date_safe(request.META.get("HTTP_IF_MODIFIED_SINCE", ""))
    return since is not None and last_modified <= since


def cache_public_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Cache a GET page for anonymous visitors and let edges keep it; members and POSTs always
    see it fresh (and never shared: lib/cache_control.py makes theirs `private, no-store`)."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if request.method not in ("GET", "HEAD") or request.GET.get("q") or signed_in(request):
            return view(request, *args, **kwargs)
        village = getattr(request, "village", None)
        if village is not None:
            token, changed = getattr(request, "village_version", None) or village_version(
                village.pk
            )
            scope = f"v{village.pk}.{token}"
        else:
            token, changed = _version(DISTRICT_VERSION_KEY)
            scope = f"d{token}"
        digest = hashlib.sha256(f"{scope}|{_variant(request)}".encode()).hexdigest()
        etag = f'"{digest[:32]}"'
        if _not_modified(request, etag, changed):
            not_modified = HttpResponseNotModified()
            mark_public(not_modified, etag=etag, last_modified=changed)
            return not_modified
        key = f"balai:page:{digest}"
        cached = cache.get(key)
        if cached is not None:
            mark_public(cached, etag=etag, last_modified=changed)
            return cached
        response = view(request, *args, **kwargs)
        # A page that put a CSRF token in a form is personal to this visitor: never shared.
        used_csrf = request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        if response.status_code == 200 and not response.cookies and not used_csrf:
            if hasattr(response, "render") and callable(response.render):
                response.render()
            mark_public(response, etag=etag, last_modified=changed)
            cache.set(key, response, settings.PUBLIC_PAGE_CACHE_SECONDS)
        return response

    wrapper.public_page = True  # type: ignore[attr-defined]  # found by the header tests
    return wrapper
