"""The village government on the dashboard: list, add, edit, delete and reorder officials."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from balai.villages import services
from balai.villages.forms import OfficialForm
from balai.villages.models import Official
from balai.villages.permissions import village_role_required
from balai.villages.requests import VillageRequest


def _official(request: VillageRequest, pk: int) -> Official:
    return get_object_or_404(Official.objects.for_village(request.village), pk=pk)


@village_role_required("profile")
def officials(request: VillageRequest) -> HttpResponse:
    rows = list(Official.objects.for_village(request.village))
    return render(request, "villages/dashboard/officials.html", {"officials": rows})


def _edit(request: VillageRequest, official: Official) -> HttpResponse:
    form = OfficialForm(request.POST or None, request.FILES or None, instance=official)
    if request.method == "POST" and form.is_valid():
        services.official_save(
            village=request.village,
            official=form.instance,
            photo=form.cleaned_data["photo"],
            remove_photo=form.cleaned_data["remove_photo"],
        )
        messages.success(request, _("%(name)s tersimpan.") % {"name": form.instance.name})
        return redirect("dashboard:officials", slug=request.village.slug)
    return render(
        request, "villages/dashboard/official_form.html", {"form": form, "official": official}
    )


@village_role_required("profile")
def official_add(request: VillageRequest) -> HttpResponse:
    return _edit(request, Official(village=request.village))


@village_role_required("profile")
def official_edit(request: VillageRequest, pk: int) -> HttpResponse:
    return _edit(request, _official(request, pk))


@village_role_required("profile")
def official_delete(request: VillageRequest, pk: int) -> HttpResponse:
    official = _official(request, pk)
    if request.method == "POST":
        services.official_delete(village=request.village, official=official)
        messages.success(request, _("%(name)s dihapus dari daftar.") % {"name": official.name})
        return redirect("dashboard:officials", slug=request.village.slug)
    return render(request, "villages/dashboard/official_delete.html", {"official": official})


@village_role_required("profile")  # first: outsiders get 404 even for a GET
@require_POST
def official_move(request: VillageRequest, pk: int) -> HttpResponse:
    official = _official(request, pk)
    direction = "up" if request.POST.get("arah") == "naik" else "down"
    services.official_move(village=request.village, official=official, direction=direction)
    return redirect("dashboard:officials", slug=request.village.slug)
