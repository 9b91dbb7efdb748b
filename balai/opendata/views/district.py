"""The district's open data on the portal host: /data/ lists the district's own datasets and
every village that publishes data, the district datasets' pages and files, and the district
DCAT catalogue holding every live village's datasets (what a Satu Data portal harvests)."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from balai.opendata.catalogue import DISTRICT_ORG, Catalogue, Entry, district_catalogue
from balai.opendata.views.common import (
    FORMATS,
    catalogue_response,
    dataset_context,
    entry_for,
    file_response,
)
from balai.villages.cache import cache_public_page


def _own(cat: Catalogue) -> list[Entry]:
    return [e for e in cat.entries if e.org == DISTRICT_ORG]


@require_safe
@cache_public_page
def index(request: HttpRequest) -> HttpResponse:
    cat = district_catalogue()
    counts: dict[str, int] = {}
    bases: dict[str, str] = {}
    for e in cat.entries:
        counts[e.org] = counts.get(e.org, 0) + 1
        bases[e.org] = e.base
    villages = [
        {"title": title, "code": code, "count": counts[slug], "href": bases[slug]}
        for slug, title, code in cat.orgs
        if slug != DISTRICT_ORG and slug in counts
    ]
    ctx = {"catalogue": cat, "entries": _own(cat), "villages": villages, "total": len(cat.entries)}
    return render(request, "opendata/district/index.html", ctx)


@require_safe
@cache_public_page
def dataset(request: HttpRequest, key: str) -> HttpResponse:
    cat = district_catalogue()
    ctx = dataset_context(cat, entry_for(_own(cat), key), None)
    return render(request, "opendata/district/dataset.html", ctx)


@require_safe
@cache_public_page
def download(request: HttpRequest, key: str, fmt: str) -> HttpResponse:
    if fmt not in FORMATS:
        raise Http404("format tidak dikenal")
    return file_response(entry_for(_own(district_catalogue()), key), None, fmt)


@require_safe
@cache_public_page
def catalogue(request: HttpRequest, fmt: str) -> HttpResponse:
    return catalogue_response(district_catalogue(), fmt)
