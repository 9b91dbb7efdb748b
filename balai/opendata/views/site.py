"""A village's open data: /data/ lists its datasets, a page per dataset shows the metadata and
the first rows, and the files (CSV, data dictionary, JSON) and the DCAT catalogue (JSON-LD,
Turtle) are what a harvester reads. Aggregates only; every response is public and cached under
the village's version."""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from balai.opendata.catalogue import village_catalogue
from balai.opendata.views.common import (
    FORMATS,
    catalogue_response,
    dataset_context,
    entry_for,
    file_response,
)
from balai.villages.cache import cache_public_page
from balai.villages.requests import SiteRequest


@require_safe
@cache_public_page
def index(request: SiteRequest) -> HttpResponse:
    cat = village_catalogue(request.village)
    if not cat.entries:
        raise Http404("desa ini belum menerbitkan data")
    return render(request, "opendata/site/index.html", {"catalogue": cat})


@require_safe
@cache_public_page
def dataset(request: SiteRequest, key: str) -> HttpResponse:
    cat = village_catalogue(request.village)
    ctx = dataset_context(cat, entry_for(cat.entries, key), request.village)
    return render(request, "opendata/site/dataset.html", ctx)


@require_safe
@cache_public_page
def download(request: SiteRequest, key: str, fmt: str) -> HttpResponse:
    if fmt not in FORMATS:
        raise Http404("format tidak dikenal")
    return file_response(
        entry_for(village_catalogue(request.village).entries, key), request.village, fmt
    )


@require_safe
@cache_public_page
def catalogue(request: SiteRequest, fmt: str) -> HttpResponse:
    cat = village_catalogue(request.village)
    if not cat.entries:
        raise Http404("desa ini belum menerbitkan data")
    return catalogue_response(cat, fmt)
