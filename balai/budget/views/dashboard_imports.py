"""The APBDes import on the dashboard: the upload form of one fiscal year (a spreadsheet or a
Siskeudes zip), handed to the import pipeline, whose job page shows progress, the report of
every refused row and the confirmation; and the template."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import redirect, render

from balai.budget.forms import ImportForm
from balai.budget.importers import ApbdesImporter
from balai.budget.views.dashboard import _year
from balai.imports.errors import ImportFileError
from balai.imports.models import ImportJob
from balai.imports.services import job_start
from balai.lib.exports import csv_response
from balai.villages.permissions import desa_only, village_role_required
from balai.villages.requests import VillageRequest

TEMPLATE_ROWS = [
    ["kegiatan", "kode", "uraian", "sumber", "anggaran", "perubahan", "realisasi"],
    ["", "4.2.1.01", "Dana Desa", "", "1.000.000.000", "", "600.000.000"],
    ["", "4.2.3.01", "Alokasi Dana Desa", "", "550.000.000", "", "275.000.000"],
    ["1.1.01", "5.1.1.01", "Penghasilan tetap kepala desa", "ADD", "36.000.000", "", "18.000.000"],
    ["2.3.10", "5.3.5.03", "Bahan pengerasan jalan desa", "DDS", "250.000.000", "", "100.000.000"],
    ["", "6.1.1.01", "SiLPA tahun sebelumnya", "", "45.000.000", "", "45.000.000"],
]


@village_role_required("budget")
@desa_only()
def import_start(request: VillageRequest, year: int) -> HttpResponse:
    fy = _year(request, year)
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        realised_on = form.cleaned_data["realised_on"]
        try:
            job = job_start(
                village=request.village,
                user=request.user,
                importer=ApbdesImporter.key,
                upload=form.cleaned_data["file"],
                params={
                    "fiscal_year": fy.pk,
                    "realised_on": realised_on.isoformat() if realised_on else None,
                },
            )
        except ImportFileError as exc:
            form.add_error("file", str(exc))
        else:
            return redirect("budget_dashboard:import", slug=request.village.slug, pk=job.pk)
    history = ImportJob.objects.for_village(request.village).filter(
        importer=ApbdesImporter.key, params__fiscal_year=fy.pk
    )[:10]
    return render(
        request, "budget/dashboard/import_start.html", {"fy": fy, "form": form, "history": history}
    )


@village_role_required("budget")
@desa_only()
def import_template(request: VillageRequest) -> HttpResponse:
    return csv_response("templat-apbdes.csv", TEMPLATE_ROWS, personal=False, delimiter=";")
