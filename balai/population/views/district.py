"""District statistics: the same tables for the whole kabupaten or one kecamatan, summed from
the live villages' stored figures (GROUP BY, no copy of any personal record)."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from balai.population import selectors
from balai.population.charts import chart_for
from balai.population.figures import BY_KEY, CATEGORIES
from balai.population.views.site import table_csv, table_json
from balai.regions.models import Region
from balai.villages.cache import cache_public_page


def _scope(request: HttpRequest):
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
        "chart": chart_for(table, str(table.category.label)),
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
    current = BY_KEY[kategori]
    ctx = {
        "table": table,
        "chart": chart_for(table, str(current.label)),
        "current": current,
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
    return table_csv(table, name) if fmt == "csv" else table_json(table, name)
