"""Anonymous public pages, cached per village and invalidated on publish.

The key holds the village's content_version, so bumping it (any publish) orphans every cached
page of that village at once; district pages hold a district version bumped by any publish.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils.translation import get_language

DISTRICT_VERSION_KEY = "balai:district-version"


def district_version() -> int:
    version = cache.get(DISTRICT_VERSION_KEY)
    if version is None:
        version = 1
        cache.add(DISTRICT_VERSION_KEY, version, None)
    return version


def district_version_bump() -> None:
    try:
        cache.incr(DISTRICT_VERSION_KEY)
    except ValueError:
        cache.set(DISTRICT_VERSION_KEY, 2, None)


def _key(request: HttpRequest, scope: str) -> str:
    # bool(): HtmxDetails has no stable str(), which would make every key unique.
    htmx = bool(getattr(request, "htmx", False))
    raw = f"{request.get_host()}|{request.get_full_path()}|{get_language()}|{htmx}"
    return f"balai:page:{scope}:{hashlib.sha256(raw.encode()).hexdigest()}"


def cache_public_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Cache a GET page for anonymous visitors; members and POSTs always see it fresh."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if request.method != "GET" or request.user.is_authenticated or request.GET.get("q"):
            return view(request, *args, **kwargs)
        village = getattr(request, "village", None)
        scope = f"v{village.pk}.{village.content_version}" if village else f"d{district_version()}"
        key = _key(request, scope)
        cached = cache.get(key)
        if cached is not None:
            return cached
        response = view(request, *args, **kwargs)
        # A page that put a CSRF token in a form is personal to this visitor: never shared.
        used_csrf = request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        if response.status_code == 200 and not response.cookies and not used_csrf:
            if hasattr(response, "render") and callable(response.render):
                response.render()
            cache.set(key, response, settings.PUBLIC_PAGE_CACHE_SECONDS)
        return response

    return wrapper
