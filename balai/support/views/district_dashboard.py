"""The district's side: help queue (mentors see theirs), mentor coverage, events, alerts."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from balai.support import event_services, selectors
from balai.support.forms import EventForm
from balai.support.models import Event, HelpRequest, IntegrityAlert
from balai.villages.permissions import district_admin_required


def queue(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not (request.user.is_district_admin or selectors.mentor_village_ids(request.user)):
        raise Http404("halaman tidak ditemukan")
    status = request.GET.get("status", "")
    rows = list(selectors.help_queue(user=request.user, status=status))
    ctx = {
        "rows": [(r, selectors.response_hours(r)) for r in rows],
        "summary": selectors.response_summary(rows),
        "status_options": HelpRequest.Status.choices,
        "chosen_status": status,
    }
    return render(request, "support/district_dashboard/queue.html", ctx)


@district_admin_required
def coverage(request: HttpRequest) -> HttpResponse:
    return render(request, "support/district_dashboard/coverage.html", selectors.mentor_coverage())


@district_admin_required
def events(request: HttpRequest) -> HttpResponse:
    rows = Event.objects.all()
    return render(
        request,
        "support/district_dashboard/district_events.html",
        {"events": rows, "now": timezone.now()},
    )


def _event_edit(request: HttpRequest, event: Event) -> HttpResponse:
    form = EventForm(request.POST or None, instance=event)
    if request.method == "POST" and form.is_valid():
        event_services.event_save(event=form.instance)
        messages.success(request, _("Acara tersimpan."))
        return redirect("support_district_dashboard:event", pk=form.instance.pk)
    status = 400 if form.errors else 200
    return render(
        request,
        "support/district_dashboard/event_form.html",
        {"form": form, "event": event},
        status=status,
    )


@district_admin_required
def event_add(request: HttpRequest) -> HttpResponse:
    return _event_edit(request, Event())


@district_admin_required
def event_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return _event_edit(request, get_object_or_404(Event, pk=pk))


@district_admin_required
def event(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(Event, pk=pk)
    registrations = item.registrations.select_related("village__region", "user").order_by(
        "village__region__name", "user__name"
    )
    if request.method == "POST":
        attended = {int(x) for x in request.POST.getlist("hadir") if x.isdigit()}
        event_services.attendance_set(event=item, attended_ids=attended)
        messages.success(request, _("Kehadiran tersimpan."))
        return redirect("support_district_dashboard:event", pk=pk)
    return render(
        request,
        "support/district_dashboard/district_event.html",
        {"event": item, "registrations": registrations},
    )


@district_admin_required
def alerts(request: HttpRequest) -> HttpResponse:
    rows = IntegrityAlert.objects.select_related("village__region")
    show_all = request.GET.get("semua") == "1"
    if not show_all:
        rows = rows.filter(handled_at__isnull=True)
    return render(
        request,
        "support/district_dashboard/alerts.html",
        {"alerts": rows[:200], "show_all": show_all},
    )


@district_admin_required
@require_POST
def alert_handle(request: HttpRequest, pk: int) -> HttpResponse:
    IntegrityAlert.objects.filter(pk=pk, handled_at__isnull=True).update(handled_at=timezone.now())
    return redirect("support_district_dashboard:alerts")
