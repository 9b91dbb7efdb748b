"""The village's own backup: build an archive in a task, watch its progress, download it.

Personal data is in the archive (it is the village's own data), so only the village's admins
and district admins may open these pages (area "members"); every download is audit-logged and
sent `private, no-store`, so no browser or proxy cache keeps a copy.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import FileResponse, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from balai.backups import selectors, services
from balai.backups.models import VillageExport
from balai.villages.permissions import village_role_required
from balai.villages.requests import VillageRequest


@village_role_required("members")
def backup(request: VillageRequest) -> HttpResponse:
    services.village_exports_expire(village=request.village)
    exports = selectors.recent_exports(village=request.village)
    template = (
        "backups/dashboard/_backup_status.html" if request.htmx else "backups/dashboard/backup.html"
    )
    busy = any(e.is_busy for e in exports)
    return render(request, template, {"exports": exports, "busy": busy})


@village_role_required("members")
@require_POST
def backup_create(request: VillageRequest) -> HttpResponse:
    export = services.village_export_request(village=request.village, user=request.user)
    if export is None:
        messages.info(request, _("Arsip sebelumnya masih dibuat. Tunggu sampai selesai."))
    return redirect("backups_dashboard:backup", slug=request.village.slug)


@village_role_required("members")
def backup_download(request: VillageRequest, pk: int) -> FileResponse:
    rows = VillageExport.objects.for_village(request.village)
    export = get_object_or_404(rows, pk=pk, status=VillageExport.Status.DONE)
    handle = services.village_export_open(export=export, actor=request.user)
    stamp = export.created_at.strftime("%Y%m%d-%H%M")
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=f"cadangan-{request.village.slug}-{stamp}.zip",
        content_type="application/zip",
    )
    patch_cache_control(response, private=True, no_store=True, max_age=0)
    return response
