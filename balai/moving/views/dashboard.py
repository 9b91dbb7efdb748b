"""Moving in from OpenSID, on the village dashboard (admins): the upload, handed to the import
pipeline (whose job page shows progress, the report and the confirmation), and the past moves
with their private archive of the rows that did not move."""

from __future__ import annotations

from typing import Any

from django.http import FileResponse, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render

from balai.audit.services import audit_record
from balai.imports.errors import ImportFileError
from balai.imports.models import ImportJob
from balai.imports.services import job_start
from balai.lib.exports import attachment
from balai.lib.storage import private_storage, random_upload_name
from balai.moving.forms import BackupForm, WordPressForm
from balai.moving.importers import OpenSIDImporter
from balai.moving.importers_wordpress import WordPressImporter
from balai.moving.models import Move
from balai.moving.opensid import LATER, SECRET
from balai.villages.permissions import village_role_required
from balai.villages.requests import VillageRequest


def _start(
    request: VillageRequest, form: Any, importer: str, params: dict[str, Any], zip_name: str
) -> ImportJob | None:
    """Hand the file to the import pipeline, with the zip of pictures kept privately beside it
    (its name in the job's params; deleted with the job). None, with the form's error, when the
    file is refused by its bytes."""
    uploads = form.cleaned_data.get("uploads")
    if uploads:
        params["uploads"] = private_storage().save(random_upload_name("impor", zip_name), uploads)
    try:
        return job_start(
            village=request.village,
            user=request.user,
            importer=importer,
            upload=form.cleaned_data["file"],
            params=params,
        )
    except ImportFileError as exc:
        if uploads:
            private_storage().delete(params["uploads"])
        form.add_error("file", str(exc))
        return None


@village_role_required("personal")
def start(request: VillageRequest) -> HttpResponse:
    form = BackupForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        params = {"allow_other_village": form.cleaned_data["allow_other_village"]}
        job = _start(request, form, OpenSIDImporter.key, params, "folder-desa.zip")
        if job is not None:
            return redirect("moving_dashboard:import", slug=request.village.slug, pk=job.pk)
    village = request.village
    history = ImportJob.objects.for_village(village).filter(importer=OpenSIDImporter.key)[:10]
    moves = Move.objects.for_village(village).filter(written=True)[:10]
    context = {
        "form": form,
        "history": history,
        "moves": moves,
        "later": sorted({str(label) for label in LATER.values()}),
        "secret": [str(label) for label in SECRET.values()],
    }
    return render(request, "moving/dashboard/start.html", context)


@village_role_required("personal")
def archive(request: VillageRequest, pk: int) -> HttpResponseBase:
    move = get_object_or_404(Move.objects.for_village(request.village), pk=pk, written=True)
    if not move.archive:
        return HttpResponse(status=404)
    audit_record(
        actor=request.user,
        village=request.village,
        action="moving.archive_download",
        target=f"pindahan {move.pk}",
    )
    response = FileResponse(move.archive.open("rb"), content_type="application/zip")
    attachment(response, f"arsip-opensid-{move.pk}.zip", personal=True)  # type: ignore[arg-type]
    return response


@village_role_required("personal")
def wordpress(request: VillageRequest) -> HttpResponse:
    """The WXR export of an old WordPress site, with the zip of its uploads folder."""
    form = WordPressForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        job = _start(request, form, WordPressImporter.key, {}, "uploads-wordpress.zip")
        if job is not None:
            return redirect("moving_dashboard:import", slug=request.village.slug, pk=job.pk)
    history = ImportJob.objects.for_village(request.village).filter(importer=WordPressImporter.key)[
        :10
    ]
    return render(request, "moving/dashboard/wordpress.html", {"form": form, "history": history})
