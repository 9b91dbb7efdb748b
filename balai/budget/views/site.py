"""Public village pages: the APBDes transparency page per year, its downloads and poster, and
the development projects. Desa only: a kelurahan has no APBDes, so these pages do not exist."""

from __future__ import annotations

import json

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from balai.budget import selectors
from balai.budget.models import FiscalYear
from balai.budget.poster import poster_pdf
from balai.budget.report import semester_of, semester_report_pdf
from balai.lib import charts
from balai.lib.exports import attachment, csv_response
from balai.lib.numbers import percent, short_rupiah
from balai.villages.cache import cache_public_page
from balai.villages.permissions import desa_only
from balai.villages.requests import VillageRequest
from balai.villages.templatetags.sites import site_reverse


def amount_chart(chart_id: str, title: str, items: list[tuple[str, int, int | None]]) -> charts.Svg:
    """Budget bars, with the realisation inside each (None: the budget alone, as the district
    totals are); the amounts and percentages are in the table beside."""
    bars = [
        charts.Bar(
            label,
            budget,
            short_rupiah(budget) + ("" if realised is None else f" · {percent(realised, budget)}"),
            inner=realised,
        )
        for label, budget, realised in items
    ]
    return charts.bar_chart(chart_id=chart_id, title=title, bars=bars)


def _year(request: VillageRequest, tahun: int) -> FiscalYear:
    fy = selectors.public_year(request.village, tahun)
    if fy is None:
        raise Http404("belum ditetapkan")
    return fy


@require_safe
@cache_public_page
@desa_only()
def budget_index(request: VillageRequest) -> HttpResponse:
    years = selectors.public_years(request.village)
    if years:
        return redirect(site_reverse(request, "budget_year", tahun=years[0].year))
    return render(request, "budget/site/none.html", {"year": None})


@require_safe
@cache_public_page
@desa_only()
def budget_year(request: VillageRequest, tahun: int) -> HttpResponse:
    fy = selectors.public_year(request.village, tahun)
    years = selectors.public_years(request.village)
    if fy is None:
        return render(request, "budget/site/none.html", {"year": tahun, "years": years}, status=404)
    tables = selectors.year_tables(fy)
    history = sorted(years, key=lambda y: y.year)
    ctx = {
        "fy": fy,
        "t": tables,
        "years": years,
        "history": history,
        "income_chart": amount_chart(
            "chart-income",
            _("Pendapatan menurut sumber"),
            [(r["label"], r["budget"], r["realised"]) for r in tables["income"]],
        ),
        "bidang_chart": amount_chart(
            "chart-bidang",
            _("Belanja menurut bidang"),
            [(r["short"], r["budget"], r["realised"]) for r in tables["bidang"]],
        ),
        "source_chart": amount_chart(
            "chart-source",
            _("Belanja menurut sumber dana"),
            [(r["label"], r["budget"], r["realised"]) for r in tables["spending_by_source"]],
        ),
        "years_chart": _years_chart(history),
        "projects": list(selectors.published_projects(request.village).filter(fiscal_year=fy)),
    }
    return render(request, "budget/site/year.html", ctx)


def _years_chart(history: list[FiscalYear]) -> charts.Svg:
    income, spending = _("Pendapatan"), _("Belanja")
    columns = [
        charts.Column(
            str(y.year),
            (y.income_budget, y.spending_budget),
            (
                f"{y.year} · {income} {short_rupiah(y.income_budget)}",
                f"{y.year} · {spending} {short_rupiah(y.spending_budget)}",
            ),
        )
        for y in history
    ]
    series = [charts.Series(income, charts.MID_GREEN), charts.Series(spending, charts.GREEN)]
    return charts.column_chart(
        chart_id="chart-years",
        title=_("Pendapatan dan belanja per tahun"),
        columns=columns,
        series=series,
    )


@require_safe
@cache_public_page
@desa_only()
def budget_year_csv(request: VillageRequest, tahun: int) -> HttpResponse:
    fy = _year(request, tahun)
    name = f"apbdes-{request.village.slug}-{tahun}.csv"
    return csv_response(name, selectors.export_rows(fy), personal=False)


@require_safe
@cache_public_page
@desa_only()
def budget_year_json(request: VillageRequest, tahun: int) -> HttpResponse:
    fy = _year(request, tahun)
    payload = {
        "desa": request.village.display_name,
        "tahun": fy.year,
        "status": fy.status,
        "perdes": fy.perdes_number,
        "realisasi_sampai": fy.realised_until.isoformat() if fy.realised_until else None,
        "ringkasan": fy.summary,
    }
    response = HttpResponse(
        json.dumps(payload, ensure_ascii=False, indent=1),
        content_type="application/json; charset=utf-8",
    )
    return attachment(response, f"apbdes-{request.village.slug}-{tahun}.json", personal=False)


def poster_response(
    request: VillageRequest, fy: FiscalYear, *, inline: bool = True
) -> HttpResponse:
    village = request.village
    projects = list(
        selectors.published_projects(village).filter(fiscal_year=fy).order_by("-budget")
    )
    url = village.public_base_url() + f"apbdes/{fy.year}/"
    size = "a1" if request.GET.get("ukuran") == "a1" else "a3"
    pdf = poster_pdf(
        village=village,
        fiscal_year=fy,
        tables=selectors.year_tables(fy),
        projects=projects,
        url=url,
        size=size,
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    disposition = "inline" if inline else "attachment"
    name = f"poster-apbdes-{village.slug}-{fy.year}-{size}.pdf"
    response["Content-Disposition"] = f'{disposition}; filename="{name}"'
    return response


def report_response(request: VillageRequest, fy: FiscalYear) -> HttpResponse:
    semester = 1 if request.GET.get("semester") == "1" else semester_of(fy)
    pdf = semester_report_pdf(village=request.village, fiscal_year=fy, semester=semester)
    response = HttpResponse(pdf, content_type="application/pdf")
    name = f"realisasi-apbdes-{request.village.slug}-{fy.year}-semester-{semester}.pdf"
    response["Content-Disposition"] = f'inline; filename="{name}"'
    return response


@require_safe
@cache_public_page
@desa_only()
def budget_report(request: VillageRequest, tahun: int) -> HttpResponse:
    return report_response(request, _year(request, tahun))


@require_safe
@cache_public_page
@desa_only()
def budget_poster(request: VillageRequest, tahun: int) -> HttpResponse:
    return poster_response(request, _year(request, tahun))


@require_safe
@cache_public_page
@desa_only()
def budget_projects(request: VillageRequest) -> HttpResponse:
    projects = list(selectors.published_projects(request.village))
    if not projects:
        raise Http404("belum ada pembangunan")
    located = [p for p in projects if p.latitude is not None and p.longitude is not None]
    points = [
        charts.Point(
            p.name,
            site_reverse(request, "budget_project", slug=p.slug),
            float(p.latitude),
            float(p.longitude),
        )
        for p in located
        if p.latitude is not None and p.longitude is not None
    ]
    ctx = {
        "projects": projects,
        "located": located,
        "map": charts.point_map(
            chart_id="chart-map", title=_("Sebaran lokasi pembangunan"), points=points
        ),
    }
    return render(request, "budget/site/projects.html", ctx)


@require_safe
@cache_public_page
@desa_only()
def budget_project(request: VillageRequest, slug: str) -> HttpResponse:
    project = get_object_or_404(selectors.published_projects(request.village), slug=slug)
    reports = list(project.reports.all())
    lines = list(project.lines.select_related("kegiatan", "account"))
    return render(
        request,
        "budget/site/project.html",
        {"project": project, "reports": reports, "lines": lines},
    )
