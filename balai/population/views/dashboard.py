"""The register on the village dashboard: residents (masked lists, full record on the
person's page), new residents and events, the monthly report, the village's choices, the log."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from balai.audit.models import AuditEntry
from balai.audit.services import audit_record
from balai.lib.pagination import paginate
from balai.population import reports, services
from balai.population.access import register_required
from balai.population.forms import EventForm, NewResidentForm, ResidentForm, SettingsForm
from balai.population.models import PopulationSettings, Resident
from balai.population.selectors import DEFAULT_PUBLISHED
from balai.villages.permissions import village_role_required
from balai.villages.requests import VillageRequest

SHOW_ALL = "semua"  # ?status=semua: the dead, moved and missing too


def _resident(request: VillageRequest, pk: int) -> Resident:
    qs = Resident.objects.for_village(request.village).select_related("family", "area")
    return get_object_or_404(qs, pk=pk)


@register_required
def residents(request: VillageRequest) -> HttpResponse:
    qs = Resident.objects.for_village(request.village).select_related("family", "area")
    # Searched by POST: a NIK or a name typed here must not end up in a URL or an access log.
    query = request.POST.get("q", "").strip() if request.method == "POST" else ""
    if query:
        qs = qs.filter(Q(name__icontains=query) | Q(nik=query) | Q(family__number=query))
    show_all = request.GET.get("status") == SHOW_ALL
    if not show_all:
        qs = qs.filter(status=Resident.ALIVE)
    ctx = {"page": paginate(request, qs, 50), "query": query, "show_all": show_all}
    return render(request, "population/dashboard/residents.html", ctx)


@register_required
def resident_detail(request: VillageRequest, pk: int) -> HttpResponse:
    resident = _resident(request, pk)
    audit_record(
        actor=request.user,
        village=request.village,
        action="population.resident_view",
        target=f"penduduk {resident.pk}",
    )
    ctx = {"resident": resident, "events": resident.events.all()}
    return render(request, "population/dashboard/resident.html", ctx)


@register_required
def resident_add(request: VillageRequest) -> HttpResponse:
    form = NewResidentForm(
        request.POST or None, village=request.village, instance=Resident(village=request.village)
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        resident = services.resident_add(
            village=request.village,
            resident=form.instance,
            kind=data["kind"],
            event_date=data["event_date"],
            report_date=timezone.localdate(),
            user=request.user,
        )
        messages.success(request, _("%(name)s tercatat.") % {"name": resident.name})
        return redirect("population_dashboard:resident", slug=request.village.slug, pk=resident.pk)
    return render(request, "population/dashboard/resident_form.html", {"form": form})


@register_required
def resident_edit(request: VillageRequest, pk: int) -> HttpResponse:
    resident = _resident(request, pk)
    form = ResidentForm(request.POST or None, village=request.village, instance=resident)
    if request.method == "POST" and form.is_valid():
        services.resident_save(village=request.village, resident=form.instance, user=request.user)
        messages.success(request, _("Data %(name)s tersimpan.") % {"name": resident.name})
        return redirect("population_dashboard:resident", slug=request.village.slug, pk=pk)
    ctx = {"form": form, "resident": resident}
    return render(request, "population/dashboard/resident_form.html", ctx)


@register_required
def event_add(request: VillageRequest, pk: int) -> HttpResponse:
    resident = _resident(request, pk)
    form = EventForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.event_record(
            village=request.village, resident=resident, event=form.instance, user=request.user
        )
        messages.success(request, _("Peristiwa %(name)s tercatat.") % {"name": resident.name})
        return redirect("population_dashboard:resident", slug=request.village.slug, pk=pk)
    ctx = {"form": form, "resident": resident}
    return render(request, "population/dashboard/event_form.html", ctx)


@register_required
def monthly(request: VillageRequest) -> HttpResponse:
    year, month = reports.parse_month(request.GET.get("bulan", ""))
    report = reports.monthly_report(village=request.village, year=year, month=month)
    return render(request, "population/dashboard/monthly.html", {"report": report})


@village_role_required("personal")
def settings(request: VillageRequest) -> HttpResponse:
    chosen = PopulationSettings.objects.filter(village=request.village).first()
    initial = {
        "mentor_access": chosen.mentor_access if chosen else False,
        "published": (chosen.published if chosen else None) or DEFAULT_PUBLISHED,
    }
    form = SettingsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.settings_save(village=request.village, user=request.user, **form.cleaned_data)
        messages.success(request, _("Pengaturan data penduduk tersimpan."))
        return redirect("population_dashboard:settings", slug=request.village.slug)
    return render(request, "population/dashboard/settings.html", {"form": form})


@village_role_required("personal")
def audit_log(request: VillageRequest) -> HttpResponse:
    qs = AuditEntry.objects.filter(village=request.village, action__startswith="population.")
    page = paginate(request, qs.select_related("actor"), 50)
    return render(request, "population/dashboard/audit.html", {"page": page})
