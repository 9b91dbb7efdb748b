"""Imports and exports on the register's dashboard: the upload form (handed to the import
pipeline, whose job page shows progress, the report and the confirmation), the template and
the register export."""

from __future__ import annotations

import tempfile
from pathlib import Path

from django.http import FileResponse, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from balai.audit.services import audit_record
from balai.imports.errors import ImportFileError
from balai.imports.models import ImportJob
from balai.imports.services import job_start
from balai.lib.exports import attachment, xlsx_response
from balai.population import spreadsheets
from balai.population.forms import UploadForm
from balai.population.importers import ResidentsImporter
from balai.villages.permissions import village_role_required
from balai.villages.requests import VillageRequest


@village_role_required("personal")
def imports(request: VillageRequest) -> HttpResponse:
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            job = job_start(
                village=request.village,
                user=request.user,
                importer=ResidentsImporter.key,
                upload=form.cleaned_data["file"],
            )
        except ImportFileError as exc:
            form.add_error("file", str(exc))
        else:
            return redirect("population_dashboard:import", slug=request.village.slug, pk=job.pk)
    history = ImportJob.objects.for_village(request.village).filter(importer=ResidentsImporter.key)[
        :10
    ]
    return render(request, "population/dashboard/imports.html", {"form": form, "history": history})


@village_role_required("personal")
def template(request: VillageRequest) -> HttpResponse:
    return xlsx_response("templat-data-penduduk.xlsx", spreadsheets.template_xlsx(), personal=False)


@village_role_required("personal")
@require_POST
def export(request: VillageRequest) -> HttpResponse:
    village = request.village
    handle = tempfile.NamedTemporaryFile(suffix=".xlsx")
    count = spreadsheets.register_xlsx(village, Path(handle.name))
    audit_record(actor=request.user, village=village, action="population.export", rows=count)
    name = f"penduduk-{village.slug}-{timezone.localdate():%Y%m%d}.xlsx"
    response = FileResponse(
        open(handle.name, "rb"),
        as_attachment=True,
        filename=name,
        content_type=spreadsheets.XLSX,
    )
    return attachment(response, name, personal=True)  # type: ignore[arg-type]
