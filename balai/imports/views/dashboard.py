"""The pipeline's pages on a domain's dashboard: the job page (progress, polled every second
by htmx and refreshed by the browser with JavaScript off; then the report), the confirmation,
and the report download. Mounted by each domain under its own URLs with its own role check
(balai.imports.urls): a job of another domain or village is 404."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from django.http import FileResponse, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from balai.audit.services import audit_record
from balai.imports import registry
from balai.imports.models import ImportJob
from balai.imports.pipeline import HELD, MARKED, issues_load, side_file
from balai.imports.services import job_confirm, job_confirm_partial, jobs_reap
from balai.lib.exports import XLSX_TYPE, attachment, xlsx_bytes, xlsx_response
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
            "marked": reverse(f"{domain}_dashboard:import_marked", kwargs=kwargs),
            "held": reverse(f"{domain}_dashboard:import_held", kwargs=kwargs),
            "partial": reverse(f"{domain}_dashboard:import_partial", kwargs=kwargs),
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


def job_partial_view(request: VillageRequest, pk: int, domain: str) -> HttpResponse:
    """The second choice of a refused file: what importing the good groups only would write
    and hold back, then (POST) that write."""
    job = _job(request, pk, domain)
    partial = job.report.get("partial")
    if job.status != ImportJob.Status.REFUSED or not partial:
        return redirect(f"{domain}_dashboard:import", slug=request.village.slug, pk=job.pk)
    if request.method == "POST":
        job_confirm_partial(job=job)
        return redirect(f"{domain}_dashboard:import", slug=request.village.slug, pk=job.pk)
    return render(request, "imports/partial.html", {**_context(job, domain), "partial": partial})


def job_marked(request: VillageRequest, pk: int, domain: str) -> HttpResponse:
    """The uploaded sheet with its faulty cells marked (written by the check)."""
    return _side_download(request, pk, domain, MARKED, "bertanda")


def job_held(request: VillageRequest, pk: int, domain: str) -> HttpResponse:
    """The rows held back from a good-families import, to fix and upload again."""
    return _side_download(request, pk, domain, HELD, "ditahan")


def _side_download(
    request: VillageRequest, pk: int, domain: str, suffix: str, label: str
) -> HttpResponse:
    job = _job(request, pk, domain)
    handle = side_file(job, suffix)
    if handle is None:  # none was written (nothing to mark), or it was purged: the job page
        return redirect(f"{domain}_dashboard:import", slug=request.village.slug, pk=job.pk)
    audit_record(
        actor=request.user,
        village=request.village,
        action=f"{domain}.import_download",
        target=_("impor %(n)s") % {"n": job.pk},
        file=label,
    )
    name = f"impor-{job.pk}-{label}.xlsx"
    response = FileResponse(handle, as_attachment=True, filename=name, content_type=XLSX_TYPE)
    return attachment(response, name, personal=True)  # type: ignore[arg-type]
