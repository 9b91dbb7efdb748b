"""Public village pages: the APBDes transparency page per year, its downloads and poster, and
the development projects. Desa only: a kelurahan has no APBDes, so these pages do not exist."""

from __future__ import annotations

import csv
import json

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from balai.budget import charts, selectors
from balai.budget.poster import poster_pdf
from balai.budget.report import semester_of, semester_report_pdf
from balai.villages.cache import cache_public_page
from balai.villages.templatetags.sites import site_reverse


def _desa(request: HttpRequest) -> None:
    if request.village.is_kelurahan:
        raise Http404("kelurahan tidak memiliki APBDes")


@require_safe
@cache_public_page
def budget_index(request: HttpRequest) -> HttpResponse:
    _desa(request)
    years = selectors.public_years(request.village)
    if years:
        return redirect(site_reverse(request, "budget_year", tahun=years[0].year))
    return render(request, "budget/site/none.html", {"year": None}, status=200)


def _year_or_none(request: HttpRequest, tahun: int):
    _desa(request)
    return selectors.public_year(request.village, tahun)


@require_safe
@cache_public_page
def budget_year(request: HttpRequest, tahun: int) -> HttpResponse:
    fy = _year_or_none(request, tahun)
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
        "income_chart": charts.bar_chart(
            _("Pendapatan menurut sumber"),
            [(r["label"], r["budget"], r["realised"]) for r in tables["income"]],
        ),
        "bidang_chart": charts.bar_chart(
            _("Belanja menurut bidang"),
            [(r["short"], r["budget"], r["realised"]) for r in tables["bidang"]],
        ),
        "years_chart": charts.year_chart(
            _("Pendapatan dan belanja per tahun"),
            [(y.year, y.income_budget, y.spending_budget) for y in history],
        ),
        "projects": list(selectors.published_projects(request.village).filter(fiscal_year=fy)),
    }
    return render(request, "budget/site/year.html", ctx)


@require_safe
@cache_public_page
def budget_year_csv(request: HttpRequest, tahun: int) -> HttpResponse:
    fy = _year_or_none(request, tahun)
    if fy is None:
        raise Http404("belum ditetapkan")
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="apbdes-{request.village.slug}-{tahun}.csv"'
    )
    response.write("\ufeff")  # so spreadsheet programs read the file as UTF-8
    writer = csv.writer(response)
    writer.writerow(
        [
            "jenis",
            "kegiatan",
            "nama_kegiatan",
            "kode",
            "rekening",
            "sumber",
            "anggaran",
            "perubahan",
            "realisasi",
        ]
    )
    for line in selectors.export_lines(fy):
        writer.writerow(
            [
                line.get_kind_display(),
                line.kegiatan.code if line.kegiatan else "",
                line.kegiatan.name if line.kegiatan else "",
                line.account.code,
                line.account.name,
                line.source,
                line.original_amount,
                "" if line.revised_amount is None else line.revised_amount,
                line.realised,
            ]
        )
    return response


@require_safe
@cache_public_page
def budget_year_json(request: HttpRequest, tahun: int) -> HttpResponse:
    fy = _year_or_none(request, tahun)
    if fy is None:
        raise Http404("belum ditetapkan")
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
    response["Content-Disposition"] = (
        f'attachment; filename="apbdes-{request.village.slug}-{tahun}.json"'
    )
    return response


def poster_response(request: HttpRequest, fy, *, inline: bool = True) -> HttpResponse:
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


def report_response(request: HttpRequest, fy) -> HttpResponse:
    semester = 1 if request.GET.get("semester") == "1" else semester_of(fy)
    pdf = semester_report_pdf(village=request.village, fiscal_year=fy, semester=semester)
    response = HttpResponse(pdf, content_type="application/pdf")
    name = f"realisasi-apbdes-{request.village.slug}-{fy.year}-semester-{semester}.pdf"
    response["Content-Disposition"] = f'inline; filename="{name}"'
    return response


@require_safe
@cache_public_page
def budget_report(request: HttpRequest, tahun: int) -> HttpResponse:
    fy = _year_or_none(request, tahun)
    if fy is None:
        raise Http404("belum ditetapkan")
    return report_response(request, fy)


@require_safe
@cache_public_page
def budget_poster(request: HttpRequest, tahun: int) -> HttpResponse:
    fy = _year_or_none(request, tahun)
    if fy is None:
        raise Http404("belum ditetapkan")
    return poster_response(request, fy)


@require_safe
@cache_public_page
def budget_projects(request: HttpRequest) -> HttpResponse:
    _desa(request)
    projects = list(selectors.published_projects(request.village))
    if not projects:
        raise Http404("belum ada pembangunan")
    located = [p for p in projects if p.latitude is not None and p.longitude is not None]
    points = [
        (
            p.name,
            site_reverse(request, "budget_project", slug=p.slug),
            float(p.latitude),
            float(p.longitude),
        )
        for p in located
    ]
    ctx = {
        "projects": projects,
        "located": located,
        "map": charts.points_map(_("Sebaran lokasi pembangunan"), points),
    }
    return render(request, "budget/site/projects.html", ctx)


@require_safe
@cache_public_page
def budget_project(request: HttpRequest, slug: str) -> HttpResponse:
    _desa(request)
    project = get_object_or_404(selectors.published_projects(request.village), slug=slug)
    reports = list(project.reports.all())
    lines = list(project.lines.select_related("kegiatan", "account"))
    return render(
        request,
        "budget/site/project.html",
        {"project": project, "reports": reports, "lines": lines},
    )
