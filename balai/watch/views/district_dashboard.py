"""The district's watch on the district dashboard: the freshness table (the district sees every
village, a kecamatan viewer theirs, a mentor the villages assigned to them) and the integrity
alerts (district admins only)."""

from __future__ import annotations

from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from balai.lib.pagination import paginate
from balai.regions.models import Region
from balai.villages.permissions import district_admin_required
from balai.villages.requests import SignedInRequest
from balai.watch import selectors, services

ALERTS_PER_PAGE = 50


def freshness(request: SignedInRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    scope = selectors.freshness_viewer_scope(request.user)
    if scope is None:
        raise Http404("halaman tidak ditemukan")
    sort = request.GET.get("urut", "skor")
    sort = sort if sort in selectors.SORTS else "skor"
    kecamatan = request.GET.get("kecamatan", "")
    slipped = request.GET.get("turun") == "1"
    rows = selectors.freshness_table(scope=scope, kecamatan=kecamatan, sort=sort, slipped=slipped)
    options = Region.objects.filter(
        code__in=selectors.freshness_table(scope=scope).values("village__region__parent_id")
    ).order_by("name")
    ctx = {
        "rows": [(row, selectors.freshness_cells(row)) for row in rows],
        "columns": selectors.freshness_columns(),
        "sort": sort,
        "sort_options": list(selectors.SORT_LABELS.items()),
        "kecamatan_options": options,
        "chosen_kecamatan": kecamatan,
        "slipped": slipped,
    }
    return render(request, "watch/district_dashboard/freshness.html", ctx)


@district_admin_required
def alerts(request: SignedInRequest) -> HttpResponse:
    show_all = request.GET.get("semua") == "1"
    rows = selectors.integrity_alerts(show_all=show_all)
    ctx = {"page": paginate(request, rows, ALERTS_PER_PAGE), "show_all": show_all}
    return render(request, "watch/district_dashboard/alerts.html", ctx)


@district_admin_required
@require_POST
def alert_handle(request: SignedInRequest, pk: int) -> HttpResponse:
    services.integrity_alert_handle(pk=pk)
    return redirect("watch_district_dashboard:alerts")
