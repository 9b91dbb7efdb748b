"""Complaints across villages: the district's figures per village and month, and the escalated
complaints. District admins see every village; a kecamatan viewer the villages of their
kecamatan (the same page, narrowed). Neither ever sees who sent a complaint: the detail page
here has no identity in it, and both may add a note or instruction for the village's staff."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from balai.complaints import selectors, services
from balai.complaints.forms import NoteForm, RulesForm
from balai.complaints.models import Complaint
from balai.disclosure.calendar import WorkingCalendar
from balai.villages.permissions import district_admin_required
from balai.villages.requests import SignedInRequest


def _scope(request: SignedInRequest) -> dict | None:
    return selectors.escalated_scope(request.user)


def _month(value: str, months: list[date]) -> date | None:
    return next((m for m in months if m.strftime("%Y-%m") == value), None)


def index(request: SignedInRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    scope = _scope(request)
    if scope is None:
        raise Http404("halaman tidak ditemukan")
    months = selectors.months_with_complaints(scope)
    month = _month(request.GET.get("bulan", ""), months)
    figures = selectors.district_figures(month=month, on=services.today(), scope=scope)
    rules = services.complaint_rules()
    ctx = {
        "figures": figures,
        "totals": selectors.district_totals(figures),
        "months": months,
        "month": month,
        "escalated": list(selectors.escalated_complaints(scope)[:100]),
        "rules": rules,
        "rules_form": RulesForm(instance=rules),
        "is_district": request.user.is_district_admin,
    }
    return render(request, "complaints/district_dashboard/index.html", ctx)


def complaint(request: SignedInRequest, pk: int) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    scope = _scope(request)
    if scope is None:
        raise Http404("halaman tidak ditemukan")
    found = get_object_or_404(
        Complaint.objects.select_related("village__region").filter(
            escalated_at__isnull=False, **scope
        ),
        pk=pk,
    )
    form = NoteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.complaint_instruction_add(
            complaint=found, text=form.cleaned_data["text"], actor=request.user
        )
        messages.success(request, _("Catatan untuk desa disimpan."))
        return redirect("complaints_district_dashboard:complaint", pk=found.pk)
    ctx = {
        "complaint": found,
        "clock": selectors.clock_row(found, on=services.today(), calendar=WorkingCalendar()),
        "history": selectors.complaint_history(found),
        "form": form,
    }
    return render(request, "complaints/district_dashboard/complaint.html", ctx)


@district_admin_required
@require_POST
def rules(request: SignedInRequest) -> HttpResponse:
    form = RulesForm(request.POST, instance=services.complaint_rules())
    if form.is_valid():
        services.complaint_rules_save(
            escalate_after_days=form.cleaned_data["escalate_after_days"], actor=request.user
        )
        messages.success(request, _("Aturan pengaduan disimpan."))
    else:
        messages.error(request, " ".join(str(e) for e in form.errors["escalate_after_days"]))
    return redirect("complaints_district_dashboard:index")
