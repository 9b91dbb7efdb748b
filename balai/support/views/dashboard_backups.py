"""The village's own backup: build an archive in a task, watch its progress, download it.

Personal data is in the archive (it is the village's own data), so only the village's admins
and district admins may open these pages; every download is audit-logged.
"""

from __future__ import annotations

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from balai.audit.services import audit_record
from balai.support.models import VillageExport
from balai.support.tasks import village_export_build
from balai.villages.permissions import village_role_required


def _admin_only(request: HttpRequest) -> None:
    if request.role not in ("admin", "district"):
        raise Http404("hanya admin desa")


@village_role_required("view")
def backup(request: HttpRequest) -> HttpResponse:
    _admin_only(request)
    exports = VillageExport.objects.for_village(request.village).select_related("requested_by")[:5]
    template = (
        "support/dashboard/_backup_status.html" if request.htmx else "support/dashboard/backup.html"
    )
    busy = any(e.status in ("pending", "running") for e in exports)
    return render(request, template, {"exports": exports, "busy": busy})


@village_role_required("view")
@require_POST
def backup_create(request: HttpRequest) -> HttpResponse:
    _admin_only(request)
    export = VillageExport.objects.create(village=request.village, requested_by=request.user)
    village_export_build.enqueue(export.pk)
    return redirect("support_dashboard:backup", slug=request.village.slug)


@village_role_required("view")
def backup_download(request: HttpRequest, pk: int) -> HttpResponse:
    _admin_only(request)
    export = get_object_or_404(
        VillageExport.objects.for_village(request.village), pk=pk, status="done"
    )
    audit_record(
        actor=request.user,
        action="village.export_download",
        target=request.village.slug,
        village=request.village,
        export=export.pk,
    )
    stamp = export.created_at.strftime("%Y%m%d-%H%M")
    return FileResponse(
        export.file.open("rb"),
        as_attachment=True,
        filename=f"cadangan-{request.village.slug}-{stamp}.zip",
        content_type="application/zip",
    )
