"""Public statistics of one village, read only from stored figures; small cells suppressed.
No page, download or URL here carries anything about one person."""

from __future__ import annotations

import json

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from balai.lib import charts
from balai.lib.exports import attachment, csv_response
from balai.population import selectors
from balai.population.figures import BY_KEY, Category
from balai.population.selectors import Table
from balai.villages.cache import cache_public_page
from balai.villages.requests import VillageRequest


def statistics_chart(table: Table, chart_id: str = "chart-statistik") -> charts.Svg:
    """The age table as a pyramid, every other table as bars; the table itself sits beside."""
    title = str(table.category.label)
    if table.category.key == "umur":
        return charts.pyramid_chart(
            chart_id=chart_id,
            title=title,
            rows=table.pyramid,
            left_key=_("Laki-laki"),
            right_key=_("Perempuan"),
        )
    return charts.bar_chart(
        chart_id=chart_id, title=title, bars=table.bars, empty_text=_("Belum ada data.")
    )


def table_download(table: Table, filename: str, fmt: str) -> HttpResponse:
    """The CSV or JSON of one table: the numbers of the page, hidden cells hidden."""
    if fmt == "csv":
        return csv_response(f"{filename}.csv", selectors.table_rows(table), personal=False)
    content = json.dumps(selectors.table_data(table), ensure_ascii=False)
    response = HttpResponse(content, content_type="application/json; charset=utf-8")
    return attachment(response, f"{filename}.json", personal=False)


def _published(request: VillageRequest, key: str) -> tuple[Category, list[Category]]:
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
def index(request: VillageRequest) -> HttpResponse:
    village = request.village
    if not selectors.has_figures(village):
        raise Http404("belum ada statistik")
    categories = selectors.published_categories(village)
    ctx: dict[str, object] = {
        "summary": selectors.village_summary(village),
        "categories": categories,
    }
    if any(c.key == "umur" for c in categories):
        table = selectors.village_table(village, "umur")
        ctx.update(table=table, chart=statistics_chart(table))
    return render(request, "population/site/index.html", ctx)


@require_safe
@cache_public_page
def category(request: VillageRequest, kategori: str) -> HttpResponse:
    current, categories = _published(request, kategori)
    table = selectors.village_table(request.village, kategori)
    ctx = {
        "table": table,
        "chart": statistics_chart(table),
        "categories": categories,
        "current": current,
    }
    return render(request, "population/site/category.html", ctx)


@require_safe
@cache_public_page
def download(request: VillageRequest, kategori: str, fmt: str) -> HttpResponse:
    _published(request, kategori)
    table = selectors.village_table(request.village, kategori)
    return table_download(table, f"statistik-{request.village.slug}-{kategori}", fmt)
