"""The district admin's PPID view: villages with late requests, and the local holidays that
stop the working-day clock."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from balai.audit.services import audit_record
from balai.disclosure import selectors, services
from balai.disclosure.calendar import holiday_names
from balai.disclosure.forms import LocalHolidayForm
from balai.disclosure.models import InfoRequest, LocalHoliday
from balai.villages.permissions import district_admin_required


@district_admin_required
def index(request: HttpRequest) -> HttpResponse:
    today = services.today()
    rows = selectors.district_compliance(today=today)
    late = (
        InfoRequest.objects.filter(decision="", due_on__lt=today)
        .select_related("village", "village__region")
        .only(
            "number",
            "due_on",
            "received_on",
            "village__slug",
            "village__region__name",
            "village__region__type",
        )
        .order_by("due_on")
    )
    form = LocalHolidayForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        holiday = form.save()
        audit_record(actor=request.user, action="ppid.local_holiday_add", target=str(holiday))
        messages.success(request, _("Hari libur daerah ditambahkan."))
        return redirect("disclosure_district_dashboard:index")
    ctx = {
        "rows": rows,
        "late": list(late[:200]),
        "form": form,
        "holidays": list(LocalHoliday.objects.filter(date__year__gte=today.year - 1)),
        "national": holiday_names(today.year),
        "year": today.year,
    }
    return render(request, "disclosure/district_dashboard/index.html", ctx)


@district_admin_required
@require_POST
def holiday_delete(request: HttpRequest, pk: int) -> HttpResponse:
    holiday = get_object_or_404(LocalHoliday, pk=pk)
    audit_record(actor=request.user, action="ppid.local_holiday_delete", target=str(holiday))
    holiday.delete()
    messages.success(request, _("Hari libur daerah dihapus."))
    return redirect("disclosure_district_dashboard:index")
