"""The APBDes spreadsheet import on the dashboard: upload → dry run (a task) → report of every
refused row → confirm → all-or-nothing replacement of the year."""

from __future__ import annotations

import csv

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from balai.budget import imports
from balai.budget.forms import ImportForm
from balai.budget.models import ImportBatch
from balai.budget.tasks import import_check
from balai.budget.views.dashboard import _year
from balai.villages.permissions import village_role_required

TEMPLATE_ROWS = [
    ["kegiatan", "kode", "uraian", "sumber", "anggaran", "perubahan", "realisasi"],
    ["", "4.2.1.01", "Dana Desa", "", "1.000.000.000", "", "600.000.000"],
    ["", "4.2.3.01", "Alokasi Dana Desa", "", "550.000.000", "", "275.000.000"],
    ["1.1.01", "5.1.1.01", "Penghasilan tetap kepala desa", "ADD", "36.000.000", "", "18.000.000"],
    ["2.3.10", "5.3.5.03", "Bahan pengerasan jalan desa", "DDS", "250.000.000", "", "100.000.000"],
    ["", "6.1.1.01", "SiLPA tahun sebelumnya", "", "45.000.000", "", "45.000.000"],
]


def _batch(request: HttpRequest, fy, pk: int) -> ImportBatch:
    return get_object_or_404(
        ImportBatch.objects.for_village(request.village).filter(fiscal_year=fy), pk=pk
    )


@village_role_required("budget")
def import_start(request: HttpRequest, year: int) -> HttpResponse:
    fy = _year(request, year)
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        batch = ImportBatch(
            village=request.village,
            fiscal_year=fy,
            uploaded_by=request.user,
            file_name=upload.name[:200],
            realised_on=form.cleaned_data["realised_on"],
        )
        batch.file.save(f"impor.{upload.name.rsplit('.', 1)[-1][:5]}", upload, save=False)
        batch.save()
        import_check.enqueue(batch.pk)
        return redirect(
            "budget_dashboard:import_batch", slug=request.village.slug, year=fy.year, pk=batch.pk
        )
    return render(request, "budget/dashboard/import_start.html", {"fy": fy, "form": form})


@village_role_required("budget")
def import_batch(request: HttpRequest, year: int, pk: int) -> HttpResponse:
    fy = _year(request, year)
    batch = _batch(request, fy, pk)
    template = (
        "budget/dashboard/_import_report.html"
        if request.htmx
        else "budget/dashboard/import_batch.html"
    )
    return render(request, template, {"fy": fy, "batch": batch})


@village_role_required("budget")
@require_POST
def import_apply(request: HttpRequest, year: int, pk: int) -> HttpResponse:
    fy = _year(request, year)
    batch = _batch(request, fy, pk)
    if batch.status != ImportBatch.Status.CHECKED:
        messages.error(request, _("Impor ini tidak dapat diterapkan lagi."))
        return redirect(
            "budget_dashboard:import_batch", slug=request.village.slug, year=fy.year, pk=pk
        )
    imports.import_batch_apply(batch=batch, actor=request.user)
    messages.success(
        request,
        _("%(n)s baris APBDes %(year)s tersimpan. Versi sebelumnya disimpan.")
        % {"n": batch.row_count, "year": fy.year},
    )
    return redirect("budget_dashboard:year", slug=request.village.slug, year=fy.year)


@village_role_required("budget")
def import_errors_csv(request: HttpRequest, year: int, pk: int) -> HttpResponse:
    batch = _batch(request, _year(request, year), pk)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="impor-{year}-ditolak.csv"'
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow(["baris", "kolom", "alasan"])
    for error in batch.errors:
        writer.writerow([error["row"], error["column"], error["reason"]])
    return response


@village_role_required("budget")
def import_template(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="templat-apbdes.csv"'
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";")
    writer.writerows(TEMPLATE_ROWS)
    return response
