"""The freshness table: the district sees every village, a kecamatan viewer theirs, a mentor
the villages assigned to them."""

from __future__ import annotations

from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from balai.regions.models import Region
from balai.support import freshness_selectors as fs


def freshness(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    scope = fs.freshness_viewer_scope(request.user)
    if scope is None:
        raise Http404("halaman tidak ditemukan")
    sort = request.GET.get("urut", "skor")
    sort = sort if sort in fs.SORTS else "skor"
    kecamatan = request.GET.get("kecamatan", "")
    slipped = request.GET.get("turun") == "1"
    rows = list(fs.freshness_table(scope=scope, kecamatan=kecamatan, sort=sort, slipped=slipped))
    options = Region.objects.filter(
        code__in=fs.freshness_table(scope=scope).values("village__region__parent_id")
    ).order_by("name")
    ctx = {
        "rows": [(row, fs.freshness_cells(row)) for row in rows],
        "columns": fs.freshness_columns(),
        "sort": sort,
        "kecamatan_options": options,
        "chosen_kecamatan": kecamatan,
        "slipped": slipped,
    }
    return render(request, "support/district_dashboard/freshness.html", ctx)
