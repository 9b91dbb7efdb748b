"""Resolve each request to at most one village: custom domain → subdomain → /desa/<slug>/.

Host forms switch the request to the village-host URLconf (village pages at the root); the
path form keeps the district URLconf, whose /desa/<slug>/ routes carry a `village_slug` that
this middleware turns into `request.village` before the view runs.

Both lookups go through the cache (villages/cache.py): the host or slug → village id map under
the routes token, and for a visitor without a session cookie the Village row itself under the
village's version token, so a page served from the page cache costs no SQL query. A visitor with
a session cookie (a member, perhaps previewing a draft) gets the row as it is in the database.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from balai.villages.cache import ROUTES_VERSION_KEY, village_version_key, with_version
from balai.villages.models import Village
from balai.villages.permissions import can_preview
from balai.villages.requests import BalaiRequest

RESERVED_SUBDOMAINS = {"www", "api", "admin", "dasbor", "static", "media", "mail"}
# Hosts under these suffixes can only be village domains: an unknown one gets the 404 page,
# not the district portal pretending to be the village.
VILLAGE_ONLY_SUFFIXES = (".desa.id",)
UNKNOWN = Village(slug="")
# What the cached map holds besides a village id.
_PORTAL, _NOT_FOUND = -1, 0
# Routes are forgotten on every saved change (routes_changed); the timeout heals within the hour
# what no signal reports (a bulk update of regions, a change made in SQL by hand).
ROUTE_SECONDS = 60 * 60


def _village_for_host(host: str) -> Village | None:
    host = host.split(":", 1)[0].lower().rstrip(".")
    village = (
        Village.objects.select_related("region", "region__parent")
        .filter(domains__domain=host)
        .first()
    )
    if village:
        return village
    suffix = "." + settings.DISTRICT_DOMAIN.lower()
    if settings.VILLAGE_SUBDOMAINS and host.endswith(suffix):
        slug = host[: -len(suffix)]
        if slug and "." not in slug and slug not in RESERVED_SUBDOMAINS:
            found = Village.objects.select_related("region", "region__parent").filter(slug=slug)
            return found.first() or UNKNOWN  # unknown subdomain: 404, not the portal
    if host.endswith(VILLAGE_ONLY_SUFFIXES):
        return UNKNOWN
    return None


def _route(key: str, find: Callable[[], int]) -> tuple[str, int]:
    """(routes token, what `find` answers), cached under the token read *before* `find` runs:
    an answer read from rows a change has since replaced is never taken for a current one."""
    version, stored = with_version(ROUTES_VERSION_KEY, key)
    routes = version[0]
    if stored is not None and stored[0] == routes:
        return routes, stored[1]
    found = find()
    cache.set(key, (routes, found), ROUTE_SECONDS)
    return routes, found


def _host_route(host: str) -> tuple[str, int]:
    """The village id serving `host`, _NOT_FOUND for a village host nobody has, or _PORTAL."""

    def find() -> int:
        village = _village_for_host(host)
        return _PORTAL if village is None else (village.pk or _NOT_FOUND)

    # The answer also depends on two settings (tests change them).
    where = f"{settings.DISTRICT_DOMAIN}:{int(settings.VILLAGE_SUBDOMAINS)}"
    return _route(f"balai:route:host:{where}:{host}", find)


def _slug_route(slug: str) -> tuple[str, int]:
    def find() -> int:
        return Village.objects.filter(slug=slug).values_list("pk", flat=True).first() or 0

    return _route(f"balai:route:slug:{slug}", find)


def _load(village_id: int) -> Village:
    try:
        return Village.objects.select_related("region", "region__parent").get(pk=village_id)
    except Village.DoesNotExist as exc:  # deleted since the map was read
        raise Http404("desa tidak ditemukan") from exc


def _village(request: BalaiRequest, village_id: int, routes: str) -> Village:
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        return _load(village_id)
    # The row is kept with the routes token and the village's version token read before it
    # was loaded; either moving (a save of the village, a publish) means loading it again.
    key = f"balai:route:village:{village_id}"
    version, stored = with_version(village_version_key(village_id), key)
    request.village_version = version
    tag = f"{routes}.{version[0]}"
    if stored is not None and stored[0] == tag:
        return stored[1]
    village = _load(village_id)
    cache.set(key, (tag, village), ROUTE_SECONDS)
    return village


class VillageRoutingMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: BalaiRequest) -> HttpResponse:
        request.village = None
        request.village_host = False
        if request.path_info == "/healthz":
            # The same answer on every host, and without the routes (which live in the cache):
            # a cache that is down must show as a failed check, not as an error page.
            return self.get_response(request)
        host = request.get_host().split(":", 1)[0].lower().rstrip(".")
        request.routes_version, found = _host_route(host)
        if found != _PORTAL:
            request.village_host = True
            if found == _NOT_FOUND:  # links on the 404 page must leave this host
                return render(request, "404.html", status=404)
            request.village = _village(request, found, request.routes_version)
            request.urlconf = settings.VILLAGE_HOST_URLCONF
        return self.get_response(request)

    def process_view(
        self,
        request: BalaiRequest,
        view_func: Callable[..., HttpResponse],
        view_args: tuple[Any, ...],
        view_kwargs: dict[str, Any],
    ) -> HttpResponse | None:
        slug = view_kwargs.pop("village_slug", None)
        if slug is None or request.village_host:
            return self._gate(request)
        routes, found = _slug_route(slug)
        if not found:
            raise Http404("desa tidak ditemukan")
        request.village = _village(request, found, routes)
        return self._gate(request)

    def _gate(self, request: BalaiRequest) -> HttpResponse | None:
        """Draft sites exist only for their members; suspended ones show a notice."""
        village = request.village
        if village is None or village.is_live:
            return None
        if can_preview(request.user, village):
            return None
        if village.status == Village.Status.SUSPENDED:
            return render(request, "villages/site/suspended.html", {"village": village}, status=503)
        raise Http404("situs desa belum tayang")
