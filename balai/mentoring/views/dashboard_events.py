"""Juguran and trainings on the village dashboard: register members, see attendance."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from balai.mentoring import services
from balai.mentoring.models import Event, EventRegistration
from balai.villages.permissions import village_role_required
from balai.villages.requests import VillageRequest

REGISTRANTS = ("admin", "editor")


@village_role_required("view")
def events(request: VillageRequest) -> HttpResponse:
    now = timezone.now()
    registrations = list(
        EventRegistration.objects.for_village(request.village).select_related("event", "user")
    )
    mine = {r.event_id for r in registrations if r.user_id == request.user.pk}
    ctx = {
        "upcoming": Event.objects.filter(starts_at__gte=now).order_by("starts_at"),
        "past": Event.objects.filter(starts_at__lt=now).order_by("-starts_at")[:10],
        "registrations": registrations,
        "mine": mine,
        "can_register": request.role in REGISTRANTS,
    }
    return render(request, "mentoring/dashboard/events.html", ctx)


@village_role_required("view")
@require_POST
def event_register(request: VillageRequest, pk: int) -> HttpResponse:
    if request.role not in REGISTRANTS:
        raise Http404("hanya anggota desa yang mendaftar")
    event = get_object_or_404(Event, pk=pk, starts_at__gte=timezone.now())
    if request.POST.get("batal"):
        services.event_unregister(event=event, village=request.village, user=request.user)
        messages.success(request, _("Pendaftaran Anda untuk %(e)s dibatalkan.") % {"e": event})
    else:
        services.event_register(event=event, village=request.village, user=request.user)
        messages.success(request, _("Anda terdaftar untuk %(e)s.") % {"e": event})
    return redirect("mentoring_dashboard:events", slug=request.village.slug)
