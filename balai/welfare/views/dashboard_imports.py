"""Welfare imports on the dashboard: the upload form (a programme's recipient list, or the
welfare ranking) handed to the import pipeline, and the templates."""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render

from balai.imports.errors import ImportFileError
from balai.imports.models import ImportJob
from balai.imports.registry import keys
from balai.imports.services import job_start
from balai.lib.exports import csv_response
from balai.villages.permissions import village_role_required
from balai.villages.requests import VillageRequest
from balai.welfare.forms import UploadForm
from balai.welfare.import_ranking import RANKING_COLUMNS
from balai.welfare.import_rows import RECIPIENT_COLUMNS
from balai.welfare.importers import RankingImporter, RecipientsImporter
from balai.welfare.models import Programme

AREA = "personal"


@village_role_required(AREA)
def imports(request: VillageRequest) -> HttpResponse:
    form = UploadForm(request.POST or None, request.FILES or None, village=request.village)
    if not form.is_bound and request.GET.get("program"):
        form.initial["programme"] = request.GET["program"]
    if request.method == "POST" and form.is_valid():
        programme = form.cleaned_data["programme"]
        try:
            job = job_start(
                village=request.village,
                user=request.user,
                importer=RecipientsImporter.key if programme else RankingImporter.key,
                upload=form.cleaned_data["file"],
                params={"programme": programme.pk} if programme else {},
            )
        except ImportFileError as exc:
            form.add_error("file", str(exc))
        else:
            return redirect("welfare_dashboard:import", slug=request.village.slug, pk=job.pk)
    history = list(
        ImportJob.objects.for_village(request.village).filter(importer__in=keys("welfare"))[:10]
    )
    names = dict(
        Programme.objects.for_village(request.village)
        .filter(pk__in=[j.params.get("programme") for j in history])
        .values_list("pk", "name")
    )
    rows = [(job, names.get(job.params.get("programme"), "")) for job in history]
    return render(request, "welfare/dashboard/imports.html", {"form": form, "history": rows})


@village_role_required(AREA)
def template(request: VillageRequest, target: str) -> HttpResponse:
    if target not in ("penerima", "peringkat"):
        raise Http404("templat tidak ditemukan")
    columns = RECIPIENT_COLUMNS if target == "penerima" else RANKING_COLUMNS
    return csv_response(f"templat-bansos-{target}.csv", [columns], personal=False)
