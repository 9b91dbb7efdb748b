"""The district's public portal: home, the village directory and search. No personal data."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from balai.portal import selectors
from balai.villages.cache import cache_public_page


@cache_public_page
def home(request: HttpRequest) -> HttpResponse:
    rows = selectors.village_rows()
    ctx = {
        "counts": selectors.portal_counts(rows),
        "groups": selectors.group_by_kecamatan(rows),
    }
    return render(request, "portal/district/home.html", ctx)


@cache_public_page
def directory(request: HttpRequest) -> HttpResponse:
    rows = selectors.village_rows()
    kecamatan = {r.kecamatan.code: r.kecamatan for r in rows}
    chosen = request.GET.get("kecamatan", "")
    chosen = chosen if chosen in kecamatan else ""
    status = request.GET.get("status", "")
    status = status if status in selectors.PUBLIC_STATUSES else ""
    shown = selectors.village_rows_filter(rows, kecamatan=chosen, status=status)
    ctx = {
        "counts": selectors.portal_counts(rows),
        "groups": selectors.group_by_kecamatan(shown),
        "shown": len(shown),
        "kecamatan_options": sorted(kecamatan.values(), key=lambda k: k.name),
        "status_options": selectors.PUBLIC_STATUS_LABELS.items(),
        "chosen_kecamatan": chosen,
        "chosen_status": status,
        "filtered": bool(chosen or status),
    }
    return render(request, "portal/district/directory.html", ctx)


@cache_public_page
def search(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:100]
    results = None
    if query:
        results = selectors.village_rows_filter(selectors.village_rows(), query=query)
    return render(request, "portal/district/search.html", {"query": query, "results": results})
