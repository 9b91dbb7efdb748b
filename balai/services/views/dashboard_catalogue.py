"""The village's own catalogue on the dashboard: the services with their standard, copied from
the district's list and edited here."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import ProtectedError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from balai.services.access import STAFF_AREA
from balai.services.catalogue import catalogue_seed
from balai.services.forms import ServiceForm
from balai.services.models import Service
from balai.villages.permissions import village_role_required
from balai.villages.requests import VillageRequest


def _catalogue(request: VillageRequest) -> HttpResponse:
    return redirect("services_dashboard:catalogue", slug=request.village.slug)


@village_role_required(STAFF_AREA)
def catalogue(request: VillageRequest) -> HttpResponse:
    services = Service.objects.for_village(request.village)
    return render(request, "services/dashboard/catalogue.html", {"services": services})


@village_role_required(STAFF_AREA)
@require_POST
def catalogue_fill(request: VillageRequest) -> HttpResponse:
    added = catalogue_seed(village=request.village)
    if added:
        messages.success(
            request, _("%(n)d layanan dari daftar kabupaten ditambahkan.") % {"n": added}
        )
    else:
        messages.info(request, _("Semua layanan daftar kabupaten sudah ada di katalog desa."))
    return _catalogue(request)


@village_role_required(STAFF_AREA)
def service_add(request: VillageRequest) -> HttpResponse:
    service = Service(village=request.village)
    return _edit(request, service, created=True)


@village_role_required(STAFF_AREA)
def service_edit(request: VillageRequest, pk: int) -> HttpResponse:
    service = get_object_or_404(Service.objects.for_village(request.village), pk=pk)
    return _edit(request, service, created=False)


def _edit(request: VillageRequest, service: Service, *, created: bool) -> HttpResponse:
    form = ServiceForm(request.POST or None, instance=service, village=request.village)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Layanan %(name)s disimpan.") % {"name": service.name})
        return _catalogue(request)
    status = 400 if request.method == "POST" else 200
    ctx = {"form": form, "service": service, "created": created}
    return render(request, "services/dashboard/service_form.html", ctx, status=status)


@village_role_required(STAFF_AREA)
@require_POST
def service_delete(request: VillageRequest, pk: int) -> HttpResponse:
    service = get_object_or_404(Service.objects.for_village(request.village), pk=pk)
    try:
        service.delete()
    except ProtectedError:
        service.is_published = False
        service.save(update_fields=["is_published", "updated_at"])
        messages.info(
            request,
            _("Layanan %(name)s punya permohonan, jadi disembunyikan dari situs, tidak dihapus.")
            % {"name": service.name},
        )
    else:
        messages.success(request, _("Layanan %(name)s dihapus.") % {"name": service.name})
    return _catalogue(request)
