"""The village dashboard for the APBDes: years, lines, realisation, approval and the poster.
Village admins, assigned mentors and district admins (area "budget"); others get 404."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from balai.budget import selectors, services
from balai.budget.forms import ApproveForm, LineForm, RealisationForm, YearForm
from balai.budget.models import Account, BudgetLine, FiscalYear
from balai.budget.views.site import poster_response, report_response
from balai.villages.permissions import desa_only, village_role_required
from balai.villages.requests import VillageRequest


def _year(request: VillageRequest, year: int) -> FiscalYear:
    return get_object_or_404(FiscalYear.objects.for_village(request.village), year=year)


def _line(request: VillageRequest, fy: FiscalYear, pk: int) -> BudgetLine:
    lines = BudgetLine.objects.for_village(request.village).filter(fiscal_year=fy)
    return get_object_or_404(lines.select_related("account", "kegiatan"), pk=pk)


def _to_year(request: VillageRequest, fy: FiscalYear) -> HttpResponse:
    return redirect("budget_dashboard:year", slug=request.village.slug, year=fy.year)


@village_role_required("budget")
@desa_only("budget/dashboard/kelurahan.html")
def years(request: VillageRequest) -> HttpResponse:
    village = request.village
    form = YearForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            fy = services.fiscal_year_create(
                village=village, year=form.cleaned_data["year"], actor=request.user
            )
        except ValidationError as exc:
            form.add_error("year", exc)
        else:
            return _to_year(request, fy)
    rows = FiscalYear.objects.for_village(village).defer("summary")
    return render(request, "budget/dashboard/years.html", {"years": rows, "form": form})


@village_role_required("budget")
@desa_only()
def year(request: VillageRequest, year: int) -> HttpResponse:
    fy = _year(request, year)
    lines = selectors.export_lines(fy)
    ctx = {
        "fy": fy,
        "lines": lines,
        "t": selectors.year_tables(fy),
        "last_version": fy.versions.first(),
        "balance": selectors.year_balance(fy),
    }
    return render(request, "budget/dashboard/year.html", ctx)


def _account_options() -> dict[str, list[Account]]:
    accounts = Account.objects.filter(level__in=["objek", "kegiatan"]).only("code", "name", "level")
    return {
        "objek": [a for a in accounts if a.level == "objek"],
        "kegiatan": [a for a in accounts if a.level == "kegiatan"],
    }


def _edit_line(request: VillageRequest, fy: FiscalYear, line: BudgetLine) -> HttpResponse:
    form = LineForm(request.POST or None, instance=line)
    if request.method == "POST" and form.is_valid():
        services.line_save(line=form.instance, actor=request.user)
        messages.success(request, _("Baris %(code)s tersimpan.") % {"code": line.account.code})
        return _to_year(request, fy)
    return render(
        request,
        "budget/dashboard/line_form.html",
        {"fy": fy, "form": form, "line": line, "options": _account_options()},
    )


@village_role_required("budget")
@desa_only()
def line_add(request: VillageRequest, year: int) -> HttpResponse:
    fy = _year(request, year)
    return _edit_line(request, fy, BudgetLine(village=request.village, fiscal_year=fy))


@village_role_required("budget")
@desa_only()
def line_edit(request: VillageRequest, year: int, pk: int) -> HttpResponse:
    fy = _year(request, year)
    return _edit_line(request, fy, _line(request, fy, pk))


@village_role_required("budget")
@desa_only()
def line_delete(request: VillageRequest, year: int, pk: int) -> HttpResponse:
    fy = _year(request, year)
    line = _line(request, fy, pk)
    if request.method == "POST":
        services.line_delete(line=line, actor=request.user)
        messages.success(request, _("Baris dihapus."))
        return _to_year(request, fy)
    return render(request, "budget/dashboard/line_delete.html", {"fy": fy, "line": line})


@village_role_required("budget")
@desa_only()
def realisation_add(request: VillageRequest, year: int, pk: int) -> HttpResponse:
    fy = _year(request, year)
    line = _line(request, fy, pk)
    form = RealisationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.realisation_add(line=line, actor=request.user, **form.cleaned_data)
        messages.success(request, _("Realisasi tercatat."))
        return _to_year(request, fy)
    return render(
        request,
        "budget/dashboard/realisation_form.html",
        {"fy": fy, "line": line, "form": form, "entries": line.realisations.all()},
    )


@village_role_required("budget")
@desa_only()
def approve(request: VillageRequest, year: int) -> HttpResponse:
    fy = _year(request, year)
    revising = fy.status != FiscalYear.Status.DRAFT
    balance = selectors.year_balance(fy)
    form = ApproveForm(request.POST or None, balance=balance)
    if request.method == "POST" and form.is_valid():
        number, date = form.cleaned_data["number"], form.cleaned_data["date"]
        accepted = form.cleaned_data.get("imbalance_accepted", False)
        try:
            if revising:
                services.fiscal_year_revise(
                    fiscal_year=fy,
                    revision_number=number,
                    revision_date=date,
                    actor=request.user,
                    imbalance_accepted=accepted,
                )
            else:
                services.fiscal_year_approve(
                    fiscal_year=fy,
                    perdes_number=number,
                    perdes_date=date,
                    actor=request.user,
                    imbalance_accepted=accepted,
                )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request, _("APBDes %(year)s ditetapkan dan tampil di situs.") % {"year": fy.year}
            )
            return _to_year(request, fy)
    ctx = {"fy": fy, "form": form, "revising": revising, "balance": balance}
    return render(request, "budget/dashboard/approve.html", ctx)


@village_role_required("budget")
@desa_only()
def poster(request: VillageRequest, year: int) -> HttpResponse:
    """The poster for printing. An unbalanced year first shows the difference and asks for a
    tick (a second step on the server, so it holds without JavaScript)."""
    fy = _year(request, year)
    balance = selectors.year_balance(fy)
    if balance.balanced or request.GET.get("selisih") == "diperiksa":
        return poster_response(request, fy, inline=False)
    ctx = {
        "fy": fy,
        "balance": balance,
        "is_a1": request.GET.get("ukuran") == "a1",
        "unticked": "langkah" in request.GET,
    }
    return render(request, "budget/dashboard/poster_check.html", ctx)


@village_role_required("budget")
@desa_only()
def report(request: VillageRequest, year: int) -> HttpResponse:
    return report_response(request, _year(request, year))
