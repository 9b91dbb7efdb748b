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

The front door. `PageCacheMiddleware` sits right inside the request log, before every other
middleware: on the way out it keeps each public page *as sent* (with the headers the other
middleware added) under a key made of the raw request alone (scheme, host, path and query,
language cookie, htmx), with the routes token and the version token the page was rendered under.
A later anonymous GET for the same key is answered from that copy — or with a 304 — once both
tokens are still current: no session, CSRF, routing or URL resolving at all. Each process also
keeps the pages it served last in memory (bounded), so a hit is one trip to the shared cache for
the two tokens (one MGET in Redis) and the page itself comes from memory.

Routes. The routing middleware looks the host and the /desa/<slug>/ part up in a cached map (host
→ village id) under a routes token that any change to a village, its domains or the regions
bumps, and takes the anonymous visitor's Village row from the cache under the village's token:
a cached page costs no SQL query at all.
"""

from __future__ import annotations

import hashlib
import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseBase, HttpResponseNotModified
from django.utils.http import parse_http_date_safe
from django.utils.translation import get_language

from balai.lib.cache_control import is_marked_public, mark_public, signed_in

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
            version_key = village_version_key(village.pk)
            token, changed = getattr(request, "village_version", None) or village_version(
                village.pk
            )
            scope = f"v{village.pk}.{token}"
        else:
            version_key = DISTRICT_VERSION_KEY
            token, changed = _version(DISTRICT_VERSION_KEY)
            scope = f"d{token}"
        routes, window = getattr(request, "routes_version", None), _window()
        # The window: what changes with the clock alone (an event that is no longer upcoming)
        # is redrawn, and no longer answered with a 304, once per page-cache lifetime.
        digest = hashlib.sha256(f"{scope}.{routes}.{window}|{_variant(request)}".encode())
        etag = f'"{digest.hexdigest()[:32]}"'
        # For the front door (PageCacheMiddleware): what this page's copy is valid under.
        request._balai_page = _Page(  # type: ignore[attr-defined]
            routes, version_key, token, changed, etag, window
        )
        if _not_modified(request, etag, changed):
            not_modified = HttpResponseNotModified()
            mark_public(not_modified, etag=etag, last_modified=changed)
            return not_modified
        key = f"balai:page:{digest.hexdigest()}"
        seconds = settings.PUBLIC_PAGE_CACHE_SECONDS  # 0: the page cache is off, read or written
        cached = cache.get(key) if seconds else None
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
            if seconds:
                cache.set(key, response, seconds)
        return response

    wrapper.public_page = True  # type: ignore[attr-defined]  # found by the header tests
    return wrapper


# --- The front door --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Page:
    routes: str | None  # the routes token read before the host was looked up
    version_key: str  # the village's (or the district's) version key…
    token: str  # …and the token the page was rendered under
    changed: int  # Last-Modified
    etag: str
    window: int  # _window() when it was rendered


@dataclass(frozen=True)
class _Kept:
    """A public page as it was sent, and what it is valid under."""

    page: _Page
    village: str | None  # its slug, for the request log
    status: int
    headers: tuple[tuple[str, str], ...]
    content: bytes

    def response(self) -> HttpResponse:
        response = HttpResponse(self.content, status=self.status)
        # The headers were checked when the page was first sent: copied in as they are stored
        # (name in lower case → (name, value)), not validated and encoded again one by one.
        response.headers._store.update(
            (name.lower(), (name, value)) for name, value in self.headers
        )
        return response

    def not_modified(self) -> HttpResponseNotModified:
        response = HttpResponseNotModified()
        for header, value in self.headers:
            if header.lower() not in _NOT_MODIFIED_DROP:
                response[header] = value
        return response


# Headers a 304 repeats (RFC 9110 §15.4.5), besides the security headers every response has.
_NOT_MODIFIED_DROP = {"content-type", "content-length", "content-encoding", "content-disposition"}
_LANGUAGES = frozenset(code for code, _name in settings.LANGUAGES)


class _Memo:
    """The pages this process served last, so a hit reads only the two version tokens from the
    shared cache (one trip) instead of the page too. Bounded by count and bytes; a kept page is
    only ever served after its tokens were found current in the shared cache."""

    def __init__(self, entries: int, size: int) -> None:
        self.entries, self.size = entries, size
        self._pages: OrderedDict[str, _Kept] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def get(self, key: str) -> _Kept | None:
        with self._lock:
            kept = self._pages.get(key)
            if kept is not None:
                self._pages.move_to_end(key)
            return kept

    def put(self, key: str, kept: _Kept) -> None:
        if len(kept.content) > self.size // 4:
            return
        with self._lock:
            old = self._pages.pop(key, None)
            if old is not None:
                self._bytes -= len(old.content)
            self._pages[key] = kept
            self._bytes += len(kept.content)
            while len(self._pages) > self.entries or self._bytes > self.size:
                _key, dropped = self._pages.popitem(last=False)
                self._bytes -= len(dropped.content)

    def drop(self, key: str) -> None:
        with self._lock:
            old = self._pages.pop(key, None)
            if old is not None:
                self._bytes -= len(old.content)

    def clear(self) -> None:
        with self._lock:
            self._pages.clear()
            self._bytes = 0


MEMO = _Memo(entries=2000, size=32 * 1024 * 1024)


def _front_key(request: HttpRequest) -> str | None:
    """The key of an anonymous GET at the front door, or None when it may not be served there:
    a session cookie (perhaps a member) or a pending message takes the whole stack."""
    if request.path_info == "/healthz":  # reports a cache that is down rather than failing on it
        return None
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies:
        return None
    language = cookies.get(settings.LANGUAGE_COOKIE_NAME, settings.LANGUAGE_CODE)
    if language not in _LANGUAGES:
        language = settings.LANGUAGE_CODE
    meta = request.META
    htmx = meta.get("HTTP_HX_REQUEST") == "true"  # as django-htmx reads it
    # The host as the stack takes it (X-Forwarded-Host only if trusted), unchecked: a host the
    # stack refuses with a 400 never had a page kept under it, so it misses here and gets its 400.
    host = request._get_raw_host()  # type: ignore[attr-defined]
    where = f"{request.path}?{meta.get('QUERY_STRING', '')}"
    raw = f"{request.scheme}|{host}|{where}|{language}|{htmx}"
    return "balai:front:" + hashlib.sha256(raw.encode()).hexdigest()


def _window() -> int:
    """The page-cache lifetime the clock is in: a kept page is never served past its own."""
    return int(time.time()) // max(settings.PUBLIC_PAGE_CACHE_SECONDS, 1)


def _current(kept: _Kept, routes: Any, version: Any) -> bool:
    return (
        kept.page.window == _window()
        and routes is not None
        and version is not None
        and kept.page.routes == routes[0]
        and kept.page.token == version[0]
    )


class PageCacheMiddleware:
    """Answer an anonymous GET for a public page from the copy kept as sent (see the module)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        page_cache = settings.PUBLIC_PAGE_CACHE_SECONDS  # 0: no page cache, read or written
        key = _front_key(request) if page_cache and request.method in ("GET", "HEAD") else None
        if key is not None:
            kept = self._find(key)
            if kept is not None:
                request.log_village = kept.village  # type: ignore[attr-defined]
                meta = request.META
                if ("HTTP_IF_NONE_MATCH" in meta or "HTTP_IF_MODIFIED_SINCE" in meta) and (
                    _not_modified(request, kept.page.etag, kept.page.changed)
                ):
                    return kept.not_modified()
                return kept.response()
        response = self.get_response(request)
        if key is not None:
            self._keep(request, key, response)
        return response

    @staticmethod
    def _find(key: str) -> _Kept | None:
        kept = MEMO.get(key)
        if kept is not None:  # one trip: are its two tokens still current?
            found = cache.get_many([ROUTES_VERSION_KEY, kept.page.version_key])
            if _current(kept, found.get(ROUTES_VERSION_KEY), found.get(kept.page.version_key)):
                return kept
            MEMO.drop(key)
        found = cache.get_many([key, ROUTES_VERSION_KEY])
        kept = found.get(key)
        if kept is None:
            return None
        if not _current(kept, found.get(ROUTES_VERSION_KEY), cache.get(kept.page.version_key)):
            return None
        MEMO.put(key, kept)
        return kept

    @staticmethod
    def _keep(request: HttpRequest, key: str, response: HttpResponseBase) -> None:
        page = getattr(request, "_balai_page", None)
        seconds = settings.PUBLIC_PAGE_CACHE_SECONDS
        if (
            page is None
            or page.routes is None
            or not seconds
            or response.status_code != 200
            or response.streaming
            or response.cookies
            or not is_marked_public(response)
            or "public" not in response.get("Cache-Control", "")
        ):
            return
        village = getattr(request, "village", None)
        kept = _Kept(
            page=page,
            village=getattr(village, "slug", None),
            status=response.status_code,
            headers=tuple(response.items()),
            content=response.content,  # type: ignore[attr-defined]  # not streaming
        )
        cache.set(key, kept, seconds)
        MEMO.put(key, kept)
