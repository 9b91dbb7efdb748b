"""The village's public map (/peta/) and its facilities and potential (/potensi/).

The map is an SVG drawn on the server: readable without JavaScript. When the district has set
a tile URL, the page also offers an interactive map; its script (and Leaflet, vendored) loads
only after the visitor asks for it, and only then does the CSP allow the tile host."""

from __future__ import annotations

from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from balai.lib.csp import POLICY
from balai.maps import selectors
from balai.maps.forms import tile_origins
from balai.villages.cache import cache_public_page
from balai.villages.requests import SiteRequest


def _with_tiles(response: HttpResponse, tile_url: str) -> HttpResponse:
    origins = tile_origins(tile_url)
    if origins:
        response.headers["Content-Security-Policy"] = POLICY.replace(
            "img-src 'self' data: blob:", f"img-src 'self' data: blob: {origins}"
        )
    return response


@require_safe
@cache_public_page
def village_map(request: SiteRequest) -> HttpResponse:
    village = request.village
    data = selectors.village_map(village)
    if data["svg"] is None:
        raise Http404("peta belum ada")
    settings = selectors.map_settings()
    ctx = {**data, "tiles": settings if settings.tile_url else None}
    return _with_tiles(render(request, "maps/site/map.html", ctx), settings.tile_url)


@require_safe
@cache_public_page
def map_data(request: SiteRequest) -> HttpResponse:
    """The same map as GeoJSON for the interactive layer (display geometry, public points)."""
    data = selectors.village_map_geojson(request.village)
    if data is None:
        raise Http404("peta belum ada")
    return JsonResponse(data)


@require_safe
@cache_public_page
def potential(request: SiteRequest) -> HttpResponse:
    village = request.village
    ctx = {
        "facilities": selectors.facility_counts(village),
        "potential": selectors.village_potential(village),
        "boundary": selectors.village_boundary(village),
        "has_map": selectors.has_map(village),
    }
    if not ctx["facilities"] and not ctx["potential"]:
        raise Http404("potensi belum diisi")
    return render(request, "maps/site/potential.html", ctx)
