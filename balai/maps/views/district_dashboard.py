"""The district admin's map settings and the load of every desa's boundary from one file."""

from __future__ import annotations

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from balai.maps import services
from balai.maps.forms import BulkLoadForm, MapSettingsForm
from balai.maps.models import Boundary, BoundaryLoad
from balai.villages.cache import district_version_bump
from balai.villages.content import content_changed
from balai.villages.models import Village
from balai.villages.permissions import district_admin_required


def _settings_saved() -> None:
    # The tile URL changes every village's /peta/ (and its CSP): orphan their cached pages.
    for village_id in Village.objects.values_list("pk", flat=True):
        content_changed(village_id)
    district_version_bump()


@district_admin_required
def home(request: HttpRequest) -> HttpResponse:
    settings_form = MapSettingsForm(
        request.POST if "simpan_pengaturan" in request.POST else None,
        instance=services.map_settings(),
        prefix="pengaturan",
    )
    load_form = BulkLoadForm(
        request.POST if "muat" in request.POST else None,
        request.FILES if "muat" in request.POST else None,
        prefix="muat",
    )
    if request.method == "POST" and settings_form.is_bound and settings_form.is_valid():
        with transaction.atomic():
            settings_form.save()
            _settings_saved()
        messages.success(request, _("Pengaturan peta tersimpan."))
        return redirect("maps_district_dashboard:home")
    if request.method == "POST" and load_form.is_bound and load_form.is_valid():
        upload = load_form.cleaned_data["file"]
        load = services.bulk_load_start(
            upload=upload,
            filename=upload.name,
            key_property=load_form.cleaned_data["key_property"].strip(),
            actor=request.user,
        )
        return redirect("maps_district_dashboard:load", pk=load.pk)
    ctx = {
        "settings_form": settings_form,
        "load_form": load_form,
        "loads": BoundaryLoad.objects.all()[:5],
        "loaded": Boundary.objects.count(),
    }
    return render(request, "maps/district_dashboard/home.html", ctx)


@district_admin_required
def load(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(BoundaryLoad, pk=pk)
    template = "maps/district_dashboard/load.html"
    if request.headers.get("HX-Request"):
        template = "maps/district_dashboard/_progress.html"
    return render(request, template, {"load": found})
