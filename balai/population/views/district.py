"""District statistics: the same tables for the whole kabupaten or one kecamatan, summed from
the live villages' stored figures (GROUP BY, no copy of any personal record)."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from balai.population import selectors
from balai.population.figures import BY_KEY, CATEGORIES
from balai.population.views.site import statistics_chart, table_download
from balai.regions.models import Region
from balai.villages.cache import cache_public_page
from balai.villages.models import Village


def _scope(request: HttpRequest) -> tuple[QuerySet[Village], Region | None]:
    """(villages, kecamatan or None) from ?kecamatan=<code>."""
    code = request.GET.get("kecamatan", "")
    villages = selectors.live_villages()
    if not code:
        return villages, None
    kecamatan = Region.objects.filter(code=code, level=Region.Level.KECAMATAN).first()
    if kecamatan is None:
        raise Http404("kecamatan tidak ditemukan")
    return villages.filter(region__parent=kecamatan), kecamatan


@require_safe
@cache_public_page
def index(request: HttpRequest) -> HttpResponse:
    villages, kecamatan = _scope(request)
    table = selectors.district_table("umur", villages=villages)
    ctx = {
        "table": table,
        "chart": statistics_chart(table),
        "kecamatan_rows": selectors.district_kecamatan_rows(),
        "kecamatan": kecamatan,
        "categories": CATEGORIES,
    }
    return render(request, "population/district/index.html", ctx)


@require_safe
@cache_public_page
def category(request: HttpRequest, kategori: str) -> HttpResponse:
    if kategori not in BY_KEY:
        raise Http404("statistik tidak ditemukan")
    villages, kecamatan = _scope(request)
    table = selectors.district_table(kategori, villages=villages)
    ctx = {
        "table": table,
        "chart": statistics_chart(table),
        "current": BY_KEY[kategori],
        "kecamatan": kecamatan,
        "categories": CATEGORIES,
    }
    return render(request, "population/district/category.html", ctx)


@require_safe
@cache_public_page
def download(request: HttpRequest, kategori: str, fmt: str) -> HttpResponse:
    if kategori not in BY_KEY:
        raise Http404("statistik tidak ditemukan")
    villages, kecamatan = _scope(request)
    table = selectors.district_table(kategori, villages=villages)
    name = f"statistik-{kecamatan.code if kecamatan else 'kabupaten'}-{kategori}"
    return table_download(table, name, fmt)
