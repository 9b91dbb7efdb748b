"""The village's map office: the boundary, dusun/RW areas, points and potential."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from balai.maps import selectors, services
from balai.maps.forms import AreaForm, BoundaryForm, PlaceForm, PotentialForm
from balai.maps.models import MapArea, Place, Potential
from balai.villages.permissions import village_role_required
from balai.villages.requests import VillageRequest

AREA = "profile"


def _home(request: VillageRequest, **forms: object) -> HttpResponse:
    village = request.village
    ctx = {
        **selectors.village_map(village),
        "boundary_form": forms.get("boundary_form") or BoundaryForm(),
        "area_form": forms.get("area_form") or AreaForm(),
        "places": Place.objects.for_village(village),
        "potentials": Potential.objects.for_village(village),
    }
    return render(request, "maps/dashboard/home.html", ctx)


def _home_url(request: VillageRequest) -> str:
    from django.urls import reverse

    return reverse("maps_dashboard:home", kwargs={"slug": request.village.slug})


@village_role_required(AREA)
def home(request: VillageRequest) -> HttpResponse:
    return _home(request)


@village_role_required(AREA)
@require_POST
def boundary_upload(request: VillageRequest) -> HttpResponse:
    form = BoundaryForm(request.POST, request.FILES)
    if form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            boundary = services.boundary_upload(
                village=request.village, upload=upload, source=upload.name, actor=request.user
            )
        except services.MapError as exc:
            form.add_error("file", str(exc))
        else:
            messages.success(
                request,
                _("Batas desa tersimpan: %(n)s titik, luas sekitar %(km)s km².")
                % {"n": boundary.vertices, "km": f"{boundary.area_km2:.2f}".replace(".", ",")},
            )
            return redirect(_home_url(request))
    return _home(request, boundary_form=form)


@village_role_required(AREA)
@require_POST
def boundary_delete(request: VillageRequest) -> HttpResponse:
    services.boundary_delete(village=request.village)
    messages.success(request, _("Batas desa dihapus."))
    return redirect(_home_url(request))


@village_role_required(AREA)
@require_POST
def area_upload(request: VillageRequest) -> HttpResponse:
    form = AreaForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            areas = services.areas_upload(
                village=request.village,
                upload=form.cleaned_data["file"],
                kind=form.cleaned_data["kind"],
                name_property=form.cleaned_data["name_property"],
            )
        except services.MapError as exc:
            form.add_error("file", str(exc))
        else:
            messages.success(request, _("%(n)s wilayah tersimpan.") % {"n": len(areas)})
            return redirect(_home_url(request))
    return _home(request, area_form=form)


@village_role_required(AREA)
@require_POST
def area_delete(request: VillageRequest, pk: int) -> HttpResponse:
    area = get_object_or_404(MapArea.objects.for_village(request.village), pk=pk)
    area.delete()
    messages.success(request, _("Wilayah %(name)s dihapus.") % {"name": area.name})
    return redirect(_home_url(request))


def _place_edit(request: VillageRequest, place: Place) -> HttpResponse:
    form = PlaceForm(request.POST or None, request.FILES or None, instance=place)
    if request.method == "POST" and form.is_valid():
        services.photo_row_save(
            village=request.village, row=form.instance, photo=form.cleaned_data["photo_upload"]
        )
        messages.success(request, _("%(name)s tersimpan.") % {"name": place.name})
        return redirect(_home_url(request))
    return render(request, "maps/dashboard/place_form.html", {"form": form, "place": place})


@village_role_required(AREA)
def place_add(request: VillageRequest) -> HttpResponse:
    return _place_edit(request, Place(village=request.village))


@village_role_required(AREA)
def place_edit(request: VillageRequest, pk: int) -> HttpResponse:
    return _place_edit(
        request, get_object_or_404(Place.objects.for_village(request.village), pk=pk)
    )


@village_role_required(AREA)
@require_POST
def place_delete(request: VillageRequest, pk: int) -> HttpResponse:
    place = get_object_or_404(Place.objects.for_village(request.village), pk=pk)
    services.photo_row_delete(row=place)
    messages.success(request, _("%(name)s dihapus.") % {"name": place.name})
    return redirect(_home_url(request))


def _potential_edit(request: VillageRequest, potential: Potential) -> HttpResponse:
    form = PotentialForm(request.POST or None, request.FILES or None, instance=potential)
    if request.method == "POST" and form.is_valid():
        services.photo_row_save(
            village=request.village, row=form.instance, photo=form.cleaned_data["photo_upload"]
        )
        messages.success(request, _("%(name)s tersimpan.") % {"name": potential.name})
        return redirect(_home_url(request))
    ctx = {"form": form, "potential": potential}
    return render(request, "maps/dashboard/potential_form.html", ctx)


@village_role_required(AREA)
def potential_add(request: VillageRequest) -> HttpResponse:
    return _potential_edit(request, Potential(village=request.village))


@village_role_required(AREA)
def potential_edit(request: VillageRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(Potential.objects.for_village(request.village), pk=pk)
    return _potential_edit(request, found)


@village_role_required(AREA)
@require_POST
def potential_delete(request: VillageRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(Potential.objects.for_village(request.village), pk=pk)
    services.photo_row_delete(row=found)
    messages.success(request, _("%(name)s dihapus.") % {"name": found.name})
    return redirect(_home_url(request))
