"""Public statistics of one village, read only from stored figures; small cells suppressed.
No page, download or URL here carries anything about one person."""

from __future__ import annotations

import csv
import json

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from balai.population import selectors
from balai.population.charts import chart_for
from balai.population.figures import BY_KEY
from balai.population.selectors import Table
from balai.villages.cache import cache_public_page


def _published(request: HttpRequest, key: str):
    categories = selectors.published_categories(request.village)
    if (
        key not in BY_KEY
        or BY_KEY[key] not in categories
        or not selectors.has_figures(request.village)
    ):
        raise Http404("statistik tidak ditemukan")
    return BY_KEY[key], categories


@require_safe
@cache_public_page
def index(request: HttpRequest) -> HttpResponse:
    village = request.village
    if not selectors.has_figures(village):
        raise Http404("belum ada statistik")
    categories = selectors.published_categories(village)
    ctx = {"summary": selectors.village_summary(village), "categories": categories}
    if any(c.key == "umur" for c in categories):
        table = selectors.village_table(village, "umur")
        ctx.update(table=table, chart=chart_for(table, str(table.category.label)))
    return render(request, "population/site/index.html", ctx)


@require_safe
@cache_public_page
def category(request: HttpRequest, kategori: str) -> HttpResponse:
    current, categories = _published(request, kategori)
    table = selectors.village_table(request.village, kategori)
    ctx = {
        "table": table,
        "chart": chart_for(table, str(current.label)),
        "categories": categories,
        "current": current,
    }
    return render(request, "population/site/category.html", ctx)


def table_csv(table: Table, filename: str) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    writer = csv.writer(response)
    writer.writerow(["kategori", "laki_laki", "perempuan", "jumlah"])
    for row in table.rows:
        writer.writerow([row.label, *(c.text.replace(".", "") for c in row.cells)])
    return response


def table_json(table: Table, filename: str) -> HttpResponse:
    data = {
        "kategori": str(table.category.label),
        "satuan": table.category.unit,
        "batas_sel_kecil": selectors.small_cell(),
        # null = hidden: either below the threshold, or hidden so that one cannot be computed.
        "keterangan": "null = disembunyikan (kurang dari batas, atau agar angka kecil tidak "
        "dapat dihitung dari jumlahnya)",
        "baris": [
            {
                "label": row.label,
                "jenis": row.kind,
                **{
                    key: None if c.hidden else c.count
                    for key, c in zip(("laki_laki", "perempuan", "jumlah"), row.cells, strict=True)
                },
                "disembunyikan": any(c.hidden for c in row.cells),
            }
            for row in table.rows
        ],
    }
    response = HttpResponse(json.dumps(data, ensure_ascii=False), content_type="application/json")
    response["Content-Disposition"] = f'attachment; filename="{filename}.json"'
    return response


@require_safe
@cache_public_page
def download(request: HttpRequest, kategori: str, fmt: str) -> HttpResponse:
    _published(request, kategori)
    table = selectors.village_table(request.village, kategori)
    name = f"statistik-{request.village.slug}-{kategori}"
    return table_csv(table, name) if fmt == "csv" else table_json(table, name)
