"""Welfare imports on the dashboard: upload, progress (htmx every second, or a refresh link
with JS off), the row report, confirmation, and the templates."""

from __future__ import annotations

import csv

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from balai.population.import_reader import ImportFileError
from balai.villages.permissions import village_role_required
from balai.welfare.forms import UploadForm
from balai.welfare.import_reader import RANKING_COLUMNS, RECIPIENT_COLUMNS
from balai.welfare.import_service import import_start
from balai.welfare.models import WelfareImport
from balai.welfare.tasks import import_apply_task

AREA = "personal"


def _import(request: HttpRequest, pk: int) -> WelfareImport:
    return get_object_or_404(WelfareImport.objects.for_village(request.village), pk=pk)


@village_role_required(AREA)
def imports(request: HttpRequest) -> HttpResponse:
    form = UploadForm(request.POST or None, request.FILES or None, village=request.village)
    if not form.is_bound and request.GET.get("program"):
        form.initial["programme"] = request.GET["program"]
    if request.method == "POST" and form.is_valid():
        try:
            imp = import_start(
                village=request.village,
                user=request.user,
                upload=form.cleaned_data["file"],
                programme=form.cleaned_data["programme"],
            )
        except ImportFileError as exc:
            form.add_error("file", str(exc))
        else:
            return redirect("welfare_dashboard:import", slug=request.village.slug, pk=imp.pk)
    history = WelfareImport.objects.for_village(request.village).select_related("programme")[:10]
    return render(request, "welfare/dashboard/imports.html", {"form": form, "history": history})


@village_role_required(AREA)
def import_detail(request: HttpRequest, pk: int) -> HttpResponse:
    imp = _import(request, pk)
    ctx = {"imp": imp, "report": imp.report}
    if request.headers.get("HX-Request") and imp.is_running:
        return render(request, "welfare/dashboard/_import_progress.html", ctx)
    if request.headers.get("HX-Request"):
        response = HttpResponse(status=204)
        response["HX-Refresh"] = "true"
        return response
    return render(request, "welfare/dashboard/import.html", ctx)


@village_role_required(AREA)
@require_POST
def import_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    imp = _import(request, pk)
    if imp.status == WelfareImport.Status.CHECKED:
        imp.status, imp.progress = WelfareImport.Status.IMPORTING, 0
        imp.save(update_fields=["status", "progress"])
        import_apply_task.enqueue(imp.pk)
    return redirect("welfare_dashboard:import", slug=request.village.slug, pk=imp.pk)


@village_role_required(AREA)
def template(request: HttpRequest, target: str) -> HttpResponse:
    if target not in ("penerima", "peringkat"):
        raise Http404("templat tidak ditemukan")
    columns = RECIPIENT_COLUMNS if target == "penerima" else RANKING_COLUMNS
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="templat-bansos-{target}.csv"'
    csv.writer(response).writerow(columns)
    return response
