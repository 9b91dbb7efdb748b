"""District-wide budget pages: which desa have published this year's APBDes and realisation,
district totals by source and bidang, and a sortable table of villages."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from balai.budget import selectors
from balai.budget.models import FiscalYear
from balai.budget.views.site import amount_chart
from balai.villages.cache import cache_public_page

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

Row = dict[str, Any]
# ?urut=<key>: (label, sort key, largest first)
SORTS: dict[str, tuple[StrOrPromise, Callable[[Row], Any], bool]] = {
    "nama": (gettext_lazy("nama"), lambda r: r["village"].name, False),
    "anggaran": (gettext_lazy("anggaran"), lambda r: r["budget"], True),
    "realisasi": (gettext_lazy("realisasi %"), lambda r: r["percent"], True),
    "dana-desa": (gettext_lazy("Dana Desa terpakai"), lambda r: r["dana_desa_spent"], True),
}


def _year(request: HttpRequest) -> int:
    latest = FiscalYear.objects.filter(status__in=selectors.PUBLIC).order_by("-year").first()
    default = latest.year if latest else timezone.localdate().year
    try:
        year = int(request.GET.get("tahun", default))
    except ValueError:
        year = default
    return year if 2015 <= year <= 2100 else default


def overview_context(request: HttpRequest) -> dict[str, Any]:
    year = _year(request)
    rows = selectors.district_years(year)
    sort = request.GET.get("urut", "nama")
    sort = sort if sort in SORTS else "nama"
    _label, key, reverse = SORTS[sort]
    rows.sort(key=key, reverse=reverse)
    published = [r for r in rows if r["fy"]]
    totals = selectors.district_totals(year)
    years = sorted(
        set(FiscalYear.objects.filter(status__in=selectors.PUBLIC).values_list("year", flat=True)),
        reverse=True,
    )
    return {
        "year": year,
        "years": years,
        "rows": rows,
        "sorts": [
            {"key": k, "label": label, "current": k == sort} for k, (label, _k, _r) in SORTS.items()
        ],
        "published": len(published),
        "with_realisation": sum(1 for r in published if r["fy"].spending_realised),
        "budget_total": sum(r["fy"].spending_budget for r in published),
        "realised_total": sum(r["fy"].spending_realised for r in published),
        "totals": totals,
        "income_chart": amount_chart(
            "chart-income",
            _("Pendapatan desa se-kabupaten menurut sumber"),
            [(t["label"], t["total"], None) for t in totals["income"]],
        ),
        "bidang_chart": amount_chart(
            "chart-bidang",
            _("Belanja desa se-kabupaten menurut bidang"),
            [(t["label"], t["total"], None) for t in totals["bidang"]],
        ),
    }


@require_safe
@cache_public_page
def overview(request: HttpRequest) -> HttpResponse:
    return render(request, "budget/district/overview.html", overview_context(request))
