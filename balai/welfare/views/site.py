"""Public welfare pages of one village: figures from stored rows (small cells suppressed),
the announced recipient lists (name, dusun/RT and period only) and the objection form.
No page, download or URL here carries a NIK, No. KK, address or birth date, and there is
no search by name or NIK."""

from __future__ import annotations

import csv
import json

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_safe

from balai.population.charts import bars
from balai.villages.cache import cache_public_page
from balai.villages.templatetags.sites import site_reverse
from balai.welfare import selectors
from balai.welfare.forms import ObjectionForm
from balai.welfare.models import Recipient
from balai.welfare.services import RateLimited, objection_send


@require_safe
@cache_public_page
def index(request: HttpRequest) -> HttpResponse:
    village = request.village
    lists = list(selectors.public_programmes(village))
    if not lists and not selectors.has_figures(village):
        raise Http404("belum ada data bantuan sosial")
    return render(
        request, "welfare/site/index.html", page_context(selectors.village_figures(village), lists)
    )


def page_context(qs, lists, *, district: bool = False) -> dict:
    tables = selectors.tables(qs, district=district)
    trend = selectors.trend_table(tables["program"])
    return {
        "tables": [(t, _chart(t)) for t in tables.values()],
        "trend": trend,
        "trend_chart": _chart(trend),
        "coverage": selectors.coverage(qs),
        "lists": lists,
    }


def _chart(table) -> str:
    # Several charts share a page: each needs its own <title> id for aria-labelledby.
    return bars(table, table.title)


def table_download(table, fmt: str, filename: str) -> HttpResponse:
    if fmt == "json":
        data = {
            "judul": table.title,
            "batas_sel_kecil": table.threshold,
            "kolom": table.columns,
            "baris": [
                {
                    "label": r.label,
                    "nilai": [None if c.hidden else c.count for c in [r.cell, *r.extra]],
                }
                for r in table.rows
            ],
        }
        response = HttpResponse(
            json.dumps(data, ensure_ascii=False), content_type="application/json"
        )
    else:
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        writer = csv.writer(response)
        writer.writerow(["kelompok", *table.columns])
        for r in table.rows:
            writer.writerow([r.label, *(c.text.replace(".", "") for c in [r.cell, *r.extra])])
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response


@require_safe
@cache_public_page
def download(request: HttpRequest, key: str, fmt: str) -> HttpResponse:
    tables = selectors.tables(selectors.village_figures(request.village))
    if key not in tables:
        raise Http404("tabel tidak ditemukan")
    return table_download(tables[key], fmt, f"bansos-{request.village.slug}-{key}")


def mask(name: str) -> str:
    return " ".join(w[0] + "*" * (len(w) - 1) for w in name.split())


@require_safe
@cache_public_page
def announced(request: HttpRequest, pk: int) -> HttpResponse:
    programme = get_object_or_404(selectors.public_programmes(request.village), pk=pk)
    people = (
        Recipient.objects.for_village(request.village)
        .filter(programme=programme, status="active")
        .select_related("area")
        .only("name", "start", "end", "area__dusun", "area__rt", "area__rw")
    )
    masked = getattr(settings, "WELFARE_MASK_NAMES", False)
    rows = [
        {"name": mask(r.name) if masked else r.name, "area": r.area, "start": r.start, "end": r.end}
        for r in people
    ]
    return render(
        request, "welfare/site/list.html", {"programme": programme, "rows": rows, "masked": masked}
    )


def objection(request: HttpRequest, pk: int) -> HttpResponse:
    programme = get_object_or_404(selectors.public_programmes(request.village), pk=pk)
    form = ObjectionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        thanks = site_reverse(request, "welfare_objection", pk=pk) + "?terkirim=1"
        if form.cleaned_data.get("website"):  # the honeypot: people never see this field
            return redirect(thanks)
        try:
            objection_send(
                programme=programme, ip=request.META.get("REMOTE_ADDR", ""), **form.data_fields()
            )
        except RateLimited as exc:
            form.add_error(None, str(exc))
        else:
            return redirect(thanks)
    sent = request.method == "GET" and request.GET.get("terkirim") == "1"
    ctx = {"programme": programme, "form": form, "sent": sent}
    return render(request, "welfare/site/objection.html", ctx)
