"""Cache-Control for pages with personal data: `private, no-store`.

A shared computer at the village office, a phone passed around, or a caching proxy of a school
or a carrier must not keep a copy of a dashboard page, an export or an applicant's tracking page.
So every response to a signed-in visitor and every response under the dashboard prefixes
(settings.NO_STORE_PATH_PREFIXES, "/dasbor/") gets `Cache-Control: private, no-store`, and public
pages that are personal (a tracking page, an invitation) say so with the `no_store` decorator.
A view that already set `no-store` (Django's `never_cache`) keeps its stricter header, and outside
the dashboard a view that explicitly said `public` vouches that its response is the same for
everyone (the village's theme CSS), so a signed-in visitor's copy may be kept too.

Anonymous public pages are left alone: they are the ones the page cache and browsers may keep.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse

NO_STORE = "private, no-store"
_MARK = "_balai_personal"


def no_store(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Mark a public view whose pages are personal (contents no one else may see)."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = view(request, *args, **kwargs)
        setattr(response, _MARK, True)
        return response

    return wrapper


def _signed_in(request: HttpRequest) -> bool:
    # Without a session cookie nobody is signed in; not loading the session keeps anonymous
    # responses free of a needless `Vary: Cookie`.
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return False
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated)


def is_personal(request: HttpRequest, response: HttpResponse) -> bool:
    if getattr(response, _MARK, False):
        return True
    if request.path.startswith(tuple(settings.NO_STORE_PATH_PREFIXES)):
        return True
    return "public" not in response.get("Cache-Control", "") and _signed_in(request)


class NoStoreMiddleware:
    """Put `Cache-Control: private, no-store` on every personal response (see the module)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if is_personal(request, response) and "no-store" not in response.get("Cache-Control", ""):
            response["Cache-Control"] = NO_STORE
        return response
