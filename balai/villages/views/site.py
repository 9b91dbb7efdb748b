"""The public village site. Views reach data only through request.village, which the routing
middleware sets (custom domain, subdomain or /desa/<slug>/) and gates (draft, suspended)."""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from balai.villages import selectors
from balai.villages.cache import cache_public_page
from balai.villages.colors import theme_css
from balai.villages.navigation import site_menu
from balai.villages.orgchart import government_chart
from balai.villages.requests import SiteRequest


@require_safe
@cache_public_page
def home(request: SiteRequest) -> HttpResponse:
    if request.GET:  # WordPress's /?p=<id>, /?page_id=<id> (balai/moving)
        from balai.moving.views.site import old_query

        if (moved := old_query(request)) is not None:
            return moved
    village = request.village
    ctx = {
        "head": selectors.head_of_village(village),
        "quick_links": site_menu(village),
        "intro": village.vision or village.history,
    }
    return render(request, "villages/site/home.html", ctx)


@require_safe
@cache_public_page
def profile(request: SiteRequest) -> HttpResponse:
    village = request.village
    if not selectors.profile_is_filled(village):
        raise Http404("profil belum diisi")
    ctx = {
        "missions": selectors.mission_items(village),
        "map_point": selectors.map_point(village),
    }
    return render(request, "villages/site/profile.html", ctx)


@require_safe
@cache_public_page
def government(request: SiteRequest) -> HttpResponse:
    chart = government_chart(selectors.officials_for(request.village))
    if chart is None:
        raise Http404("belum ada perangkat desa")
    return render(request, "villages/site/government.html", {"chart": chart})


@require_safe
@cache_public_page
def page(request: SiteRequest, page_slug: str) -> HttpResponse:
    found = selectors.published_page(request.village, page_slug)
    if found is None:
        raise Http404("halaman tidak ditemukan")
    return render(request, "villages/site/page.html", {"page": found})


@require_safe
def theme(request: SiteRequest) -> HttpResponse:
    """The village colour as CSS: the CSP forbids inline styles. The link carries
    ?v=<content_version>, so a year of caching is safe: a new colour is a new address."""
    response = HttpResponse(
        theme_css(request.village.primary_color), content_type="text/css; charset=utf-8"
    )
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    return response
