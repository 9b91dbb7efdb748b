"""Imports and exports on the dashboard: upload, progress (polled with htmx every second, or a
refresh link with JS off), report, confirmation, the template and the register export."""

from __future__ import annotations

import tempfile
from pathlib import Path

from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from balai.audit.services import audit_record
from balai.population import spreadsheets
from balai.population.forms import UploadForm
from balai.population.import_reader import ImportFileError
from balai.population.import_service import import_start
from balai.population.models import PopulationImport
from balai.population.tasks import import_apply_task
from balai.villages.permissions import village_role_required


def _import(request: HttpRequest, pk: int) -> PopulationImport:
    return get_object_or_404(PopulationImport.objects.for_village(request.village), pk=pk)


def _xlsx(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=spreadsheets.XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@village_role_required("personal")
def imports(request: HttpRequest) -> HttpResponse:
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            imp = import_start(
                village=request.village, user=request.user, upload=form.cleaned_data["file"]
            )
        except ImportFileError as exc:
            form.add_error("file", str(exc))
        else:
            return redirect("population_dashboard:import", slug=request.village.slug, pk=imp.pk)
    history = PopulationImport.objects.for_village(request.village)[:10]
    return render(request, "population/dashboard/imports.html", {"form": form, "history": history})


@village_role_required("personal")
def import_detail(request: HttpRequest, pk: int) -> HttpResponse:
    imp = _import(request, pk)
    ctx = {"imp": imp, "report": imp.report}
    if request.headers.get("HX-Request") and imp.is_running:
        return render(request, "population/dashboard/_import_progress.html", ctx)
    if request.headers.get("HX-Request"):
        # Finished: the whole page reloads so the report and the confirm button appear.
        response = HttpResponse(status=204)
        response["HX-Refresh"] = "true"
        return response
    return render(request, "population/dashboard/import.html", ctx)


@village_role_required("personal")
@require_POST
def import_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    imp = _import(request, pk)
    if imp.status == PopulationImport.Status.CHECKED:
        imp.status, imp.progress = PopulationImport.Status.IMPORTING, 0
        imp.save(update_fields=["status", "progress"])
        import_apply_task.enqueue(imp.pk)  # the DB backend commits the task row with ours
    return redirect("population_dashboard:import", slug=request.village.slug, pk=imp.pk)


@village_role_required("personal")
def import_report(request: HttpRequest, pk: int) -> HttpResponse:
    imp = _import(request, pk)
    return _xlsx(spreadsheets.report_xlsx(imp.report), f"laporan-impor-{imp.pk}.xlsx")


@village_role_required("personal")
def template(request: HttpRequest) -> HttpResponse:
    return _xlsx(spreadsheets.template_xlsx(), "templat-data-penduduk.xlsx")


@village_role_required("personal")
@require_POST
def export(request: HttpRequest) -> HttpResponse:
    village = request.village
    handle = tempfile.NamedTemporaryFile(suffix=".xlsx")
    count = spreadsheets.register_xlsx(village, Path(handle.name))
    audit_record(actor=request.user, village=village, action="population.export", rows=count)
    name = f"penduduk-{village.slug}-{timezone.localdate():%Y%m%d}.xlsx"
    return FileResponse(
        open(handle.name, "rb"),
        as_attachment=True,
        filename=name,
        content_type=spreadsheets.XLSX,
    )
