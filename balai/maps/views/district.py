"""The district's public map of every desa (/peta/) and its facilities and potential summary."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from balai.maps import selectors
from balai.villages.cache import cache_public_page


@require_safe
@cache_public_page
def district_map(request: HttpRequest) -> HttpResponse:
    measure = request.GET.get("ukuran", "status")
    data = selectors.district_map(measure)
    ctx = {**data, "measures": list(selectors.MEASURES.items())}
    return render(request, "maps/district/map.html", ctx)


@require_safe
@cache_public_page
def district_potential(request: HttpRequest) -> HttpResponse:
    return render(request, "maps/district/potential.html", selectors.district_potential())
