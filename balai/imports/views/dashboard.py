"""The pipeline's pages on a domain's dashboard: the job page (progress, polled every second
by htmx and refreshed by the browser with JavaScript off; then the report), the confirmation,
and the report download. Mounted by each domain under its own URLs with its own role check
(balai.imports.urls): a job of another domain or village is 404."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from django.http import HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from balai.imports import registry
from balai.imports.models import ImportJob
from balai.imports.pipeline import issues_load
from balai.imports.services import job_confirm, jobs_reap
from balai.lib.exports import xlsx_bytes, xlsx_response
from balai.villages.requests import VillageRequest


def _job(request: VillageRequest, pk: int, domain: str) -> ImportJob:
    jobs = ImportJob.objects.for_village(request.village).filter(importer__in=registry.keys(domain))
    return get_object_or_404(jobs.select_related("village", "uploaded_by"), pk=pk)


def job_page(request: VillageRequest, pk: int, domain: str) -> HttpResponse:
    job = _job(request, pk, domain)
    if job.is_running and jobs_reap(job=job):
        job.refresh_from_db()
    ctx = _context(job, domain)
    if request.headers.get("HX-Request"):
        if job.is_running:
            return render(request, "imports/_progress.html", ctx)
        response = HttpResponse(status=204)
        response["HX-Refresh"] = "true"  # the whole page, with the report and its buttons
        return response
    return render(request, "imports/job.html", ctx)


def _context(job: ImportJob, domain: str) -> dict[str, Any]:
    spec = registry.importer(job.importer)
    kwargs = {"slug": job.village.slug, "pk": job.pk}
    return {
        "job": job,
        "report": job.report,
        "page": spec.page(job),
        "summary_template": spec.summary_template,
        "urls": {
            "page": reverse(f"{domain}_dashboard:import", kwargs=kwargs),
            "confirm": reverse(f"{domain}_dashboard:import_confirm", kwargs=kwargs),
            "report": reverse(f"{domain}_dashboard:import_report", kwargs=kwargs),
        },
    }


def job_confirm_view(request: VillageRequest, pk: int, domain: str) -> HttpResponse:
    job = _job(request, pk, domain)  # first: another village's job id is 404, never 405
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    job_confirm(job=job)
    return redirect(f"{domain}_dashboard:import", slug=request.village.slug, pk=job.pk)


def job_report(request: VillageRequest, pk: int, domain: str) -> HttpResponse:
    """Every refused row (row, column, reason) on one sheet, the warnings on another."""
    job = _job(request, pk, domain)
    issues = issues_load(job)
    head = [_("baris"), _("kolom"), _("alasan")]
    sheets: dict[str, Iterable[Sequence[Any]]] = {
        _("baris ditolak"): [head, *issues["errors"]],
        _("peringatan"): [[_("baris"), _("kolom"), _("catatan")], *issues["warnings"]],
    }
    if job.failure:
        sheets = {_("berkas ditolak"): [[_("alasan")], [job.failure]], **sheets}
    content = xlsx_bytes(sheets, widths={0: 10, 1: 24, 2: 90})
    return xlsx_response(f"laporan-impor-{job.pk}.xlsx", content, personal=True)
