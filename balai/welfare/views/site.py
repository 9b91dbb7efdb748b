"""Public welfare pages of one village: figures from stored rows (small cells suppressed),
the announced recipient lists (name — masked by default —, dusun/RT and period only, kept out
of search engines) and the objection form. No page, download or URL here carries a NIK,
No. KK, address or birth date, and there is no search by name or NIK."""

from __future__ import annotations

import json
from typing import Any

from django.db.models import QuerySet
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_safe

from balai.lib import charts
from balai.lib.exports import attachment, csv_response
from balai.lib.net import client_network
from balai.lib.ratelimit import rate_limit_hit, too_many_message
from balai.villages.cache import cache_public_page
from balai.villages.requests import VillageRequest
from balai.villages.templatetags.sites import site_reverse
from balai.welfare import selectors
from balai.welfare.forms import ObjectionForm
from balai.welfare.models import Programme, WelfareFigure
from balai.welfare.selectors import WTable
from balai.welfare.services import OBJECTION_LIMIT, objection_send

NOINDEX = "noindex, noarchive"  # the announced lists: names stay off search engines


@require_safe
@cache_public_page
def index(request: VillageRequest) -> HttpResponse:
    village = request.village
    lists = list(selectors.public_programmes(village))
    if not lists and not selectors.has_figures(village):
        raise Http404("belum ada data bantuan sosial")
    return render(
        request, "welfare/site/index.html", page_context(selectors.village_figures(village), lists)
    )


def _chart(table: WTable) -> charts.Svg:
    return charts.bar_chart(chart_id=f"chart-{table.key}", title=table.title, bars=table.bars)


def page_context(
    qs: QuerySet[WelfareFigure], lists: list[Programme], *, district: bool = False
) -> dict[str, Any]:
    tables = selectors.tables(qs, district=district)
    trend = selectors.trend_table(tables["program"])
    return {
        "tables": [(t, _chart(t)) for t in tables.values()],
        "trend": trend,
        "trend_chart": _chart(trend),
        "coverage": selectors.coverage(qs),
        "lists": lists,
    }


def table_download(table: WTable, fmt: str, filename: str) -> HttpResponse:
    if fmt == "csv":
        return csv_response(f"{filename}.csv", table.csv_rows, personal=False)
    response = HttpResponse(
        json.dumps(table.data, ensure_ascii=False), content_type="application/json; charset=utf-8"
    )
    return attachment(response, f"{filename}.json", personal=False)


@require_safe
@cache_public_page
def download(request: VillageRequest, key: str, fmt: str) -> HttpResponse:
    tables = selectors.tables(selectors.village_figures(request.village))
    if key not in tables:
        raise Http404("tabel tidak ditemukan")
    return table_download(tables[key], fmt, f"bansos-{request.village.slug}-{key}")


@require_safe
@cache_public_page
def announced(request: VillageRequest, pk: int) -> HttpResponse:
    programme = get_object_or_404(selectors.public_programmes(request.village), pk=pk)
    ctx = {
        "programme": programme,
        "rows": selectors.announced_rows(request.village, programme),
        "masked": selectors.names_masked(),
        "robots": NOINDEX,
    }
    response = render(request, "welfare/site/list.html", ctx)
    response["X-Robots-Tag"] = NOINDEX
    return response


def objection(request: VillageRequest, pk: int) -> HttpResponse:
    programme = get_object_or_404(selectors.public_programmes(request.village), pk=pk)
    form = ObjectionForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        thanks = site_reverse(request, "welfare_objection", pk=pk) + "?terkirim=1"
        if form.cleaned_data.get("website"):  # the honeypot: people never see this field
            return redirect(thanks)
        network = client_network(request)
        if rate_limit_hit(scope="welfare-objection", value=network, limit=OBJECTION_LIMIT):
            form.add_error(None, too_many_message(OBJECTION_LIMIT))
            status = 429
        else:
            objection_send(programme=programme, **form.data_fields())
            return redirect(thanks)
    sent = request.method == "GET" and request.GET.get("terkirim") == "1"
    ctx = {"programme": programme, "form": form, "sent": sent, "robots": NOINDEX}
    return render(request, "welfare/site/objection.html", ctx, status=status)
