"""Juguran and trainings on the district dashboard: plan them, add materials, record
attendance."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from balai.mentoring import services
from balai.mentoring.forms import EventForm
from balai.mentoring.models import Event
from balai.villages.permissions import district_admin_required
from balai.villages.requests import SignedInRequest


@district_admin_required
def events(request: SignedInRequest) -> HttpResponse:
    return render(
        request,
        "mentoring/district_dashboard/events.html",
        {"events": Event.objects.all(), "now": timezone.now()},
    )


def _event_edit(request: SignedInRequest, event: Event) -> HttpResponse:
    form = EventForm(request.POST or None, instance=event)
    if request.method == "POST" and form.is_valid():
        services.event_save(event=form.instance)
        messages.success(request, _("Acara tersimpan."))
        return redirect("mentoring_district_dashboard:event", pk=form.instance.pk)
    return render(
        request,
        "mentoring/district_dashboard/event_form.html",
        {"form": form, "event": event},
        status=400 if form.errors else 200,
    )


@district_admin_required
def event_add(request: SignedInRequest) -> HttpResponse:
    return _event_edit(request, Event())


@district_admin_required
def event_edit(request: SignedInRequest, pk: int) -> HttpResponse:
    return _event_edit(request, get_object_or_404(Event, pk=pk))


@district_admin_required
def event(request: SignedInRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(Event, pk=pk)
    registrations = item.registrations.select_related("village__region", "user").order_by(
        "village__region__name", "user__name"
    )
    if request.method == "POST":
        attended = {int(x) for x in request.POST.getlist("hadir") if x.isdigit()}
        services.attendance_set(event=item, attended_ids=attended)
        messages.success(request, _("Kehadiran tersimpan."))
        return redirect("mentoring_district_dashboard:event", pk=pk)
    return render(
        request,
        "mentoring/district_dashboard/event.html",
        {"event": item, "registrations": registrations},
    )
