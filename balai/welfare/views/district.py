"""District-wide welfare figures (public) and the district admins' overview (no personal
data: counts per village)."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from balai.population.selectors import live_villages
from balai.villages.cache import cache_public_page
from balai.welfare import selectors
from balai.welfare.models import WelfareFigure
from balai.welfare.views.site import page_context, table_download


def _figures() -> QuerySet[WelfareFigure]:
    return WelfareFigure.objects.filter(village__in=live_villages())


@require_safe
@cache_public_page
def index(request: HttpRequest) -> HttpResponse:
    ctx = page_context(_figures(), [], district=True)
    return render(request, "welfare/district/index.html", ctx)


@require_safe
@cache_public_page
def download(request: HttpRequest, key: str, fmt: str) -> HttpResponse:
    tables = selectors.tables(_figures(), district=True)
    if key not in tables:
        raise Http404("tabel tidak ditemukan")
    return table_download(tables[key], fmt, f"bansos-kabupaten-{key}")
