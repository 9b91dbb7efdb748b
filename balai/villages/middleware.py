"""Resolve each request to at most one village: custom domain → subdomain → /desa/<slug>/.

Host forms switch the request to the village-host URLconf (village pages at the root); the
path form keeps the district URLconf, whose /desa/<slug>/ routes carry a `village_slug` that
this middleware turns into `request.village` before the view runs.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from balai.villages.models import Village
from balai.villages.permissions import can_preview
from balai.villages.requests import BalaiRequest

RESERVED_SUBDOMAINS = {"www", "api", "admin", "dasbor", "static", "media", "mail"}
# Hosts under these suffixes can only be village domains: an unknown one gets the 404 page,
# not the district portal pretending to be the village.
VILLAGE_ONLY_SUFFIXES = (".desa.id",)
UNKNOWN = Village(slug="")


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


class VillageRoutingMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: BalaiRequest) -> HttpResponse:
        request.village = None
        request.village_host = False
        village = _village_for_host(request.get_host())
        if village is not None:
            if not village.pk:
                request.village_host = True  # links on the 404 page must leave this host
                return render(request, "404.html", status=404)
            request.village = village
            request.village_host = True
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
        try:
            request.village = Village.objects.select_related("region", "region__parent").get(
                slug=slug
            )
        except Village.DoesNotExist as exc:
            raise Http404("desa tidak ditemukan") from exc
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
