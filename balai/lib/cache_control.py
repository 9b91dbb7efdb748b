"""Cache-Control on every response: `public` with validators, `private, no-store`, or `no-cache`.

Three kinds of response, decided once, by the outermost of our middleware (it sees the cookies
the session, CSRF and message middleware set on the way out):

- **Personal** → `private, no-store`. A shared computer at the village office, a phone passed
  around, or a caching proxy of a school or a carrier must not keep a copy of a dashboard page, an
  export or an applicant's tracking page. That is every response under the dashboard prefixes
  (settings.NO_STORE_PATH_PREFIXES, "/dasbor/"), every response to a signed-in visitor, every
  response that put a CSRF token in its page or sets a cookie, and the public pages that are
  personal (the `no_store` decorator: a tracking page, an invitation). A view that already set
  `no-store` (Django's `never_cache`) keeps its stricter header, and outside the dashboard a view
  that explicitly said `public` vouches that its response is the same for everyone (the village's
  theme CSS), so a signed-in visitor's copy may be kept too.
- **Public** → `public, max-age=…, stale-while-revalidate=…` with a strong `ETag` and
  `Last-Modified`, set by `mark_public` (the village page cache, villages/cache.py, which knows the
  content version the validators come from). `Vary: Host, Cookie, HX-Request`: the page depends
  on the site's host, on the language cookie and on whether htmx asked for it; the session cookie
  never reaches a public response (a signed-in visitor's response is personal).
- **Anything else** (an anonymous search, a form page without a token, a 404, a redirect) →
  `no-cache`: no edge or browser reuses it without asking, so an edge may simply obey the headers.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.utils.cache import patch_vary_headers
from django.utils.http import http_date

NO_STORE = "private, no-store"
NO_CACHE = "no-cache"
PUBLIC_VARY = ("Host", "Cookie", "HX-Request")
_MARK = "_balai_personal"
_PUBLIC = "_balai_public"


def no_store(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Mark a public view whose pages are personal (contents no one else may see)."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = view(request, *args, **kwargs)
        setattr(response, _MARK, True)
        return response

    return wrapper


def public_cache_control() -> str:
    """Browsers ask again on every view (max-age=0: a 304 from the ETag, no SQL), so a visitor
    sees a story, a correction or an approved comment as soon as it is published; shared caches
    (nginx's micro-cache, a CDN) keep the page PUBLIC_MAX_AGE seconds and may serve it stale
    while they ask again."""
    return (
        f"public, max-age=0, s-maxage={settings.PUBLIC_MAX_AGE}, "
        f"stale-while-revalidate={settings.PUBLIC_STALE_WHILE_REVALIDATE}"
    )


def mark_public(response: HttpResponseBase, *, etag: str, last_modified: int) -> None:
    """A response that is the same for every anonymous visitor of this URL (in this language):
    shareable by any cache, revalidated with `etag` (quoted, strong) and `last_modified`."""
    response["Cache-Control"] = public_cache_control()
    response["ETag"] = etag
    response["Last-Modified"] = http_date(last_modified)
    patch_vary_headers(response, PUBLIC_VARY)
    setattr(response, _PUBLIC, True)


def is_marked_public(response: HttpResponseBase) -> bool:
    """Whether `mark_public` made this response shareable (and nothing later made it personal)."""
    return bool(getattr(response, _PUBLIC, False))


def signed_in(request: HttpRequest) -> bool:
    # Without a session cookie nobody is signed in; not loading the session keeps anonymous
    # responses free of a database query.
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return False
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated)


def is_personal(request: HttpRequest, response: HttpResponseBase) -> bool:
    if getattr(response, _MARK, False):
        return True
    if request.path.startswith(tuple(settings.NO_STORE_PATH_PREFIXES)):
        return True
    # The page holds this visitor's CSRF token, or the response hands out a cookie.
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or response.cookies:
        return True
    return "public" not in response.get("Cache-Control", "") and signed_in(request)


class NoStoreMiddleware:
    """Decide the Cache-Control of every response (see the module). Sits outside the session,
    CSRF and message middleware so it sees every cookie they set."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        header = response.get("Cache-Control", "")
        if is_personal(request, response):
            if "no-store" not in header:
                response["Cache-Control"] = NO_STORE
            if getattr(response, _PUBLIC, False):  # validators of a shared copy: not this one
                del response["ETag"]
                del response["Last-Modified"]
        elif not header:
            response["Cache-Control"] = NO_CACHE
        return response
