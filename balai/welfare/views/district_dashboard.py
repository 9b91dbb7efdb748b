"""The district admins' welfare overview (counts per village, no personal data) and
programmes added to every live village at once."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from balai.population.selectors import live_villages
from balai.villages.permissions import district_admin_required
from balai.welfare.forms import ProgrammeForm
from balai.welfare.models import Objection, Programme, Recipient
from balai.welfare.services import programme_copy_to_villages


@district_admin_required
def overview(request: HttpRequest) -> HttpResponse:
    villages = live_villages().select_related("region").order_by("region__name")
    active = dict(
        Recipient.objects.filter(status=Recipient.Status.ACTIVE)
        .values_list("village")
        .annotate(n=Count("id"))
    )
    programmes = dict(Programme.objects.values_list("village").annotate(n=Count("id")))
    objections = dict(
        Objection.objects.filter(handled=False).values_list("village").annotate(n=Count("id"))
    )
    rows = [
        {
            "village": v,
            "active": active.get(v.pk, 0),
            "programmes": programmes.get(v.pk, 0),
            "objections": objections.get(v.pk, 0),
        }
        for v in villages
    ]
    return render(request, "welfare/district_dashboard/overview.html", {"rows": rows})


@district_admin_required
def programme_add(request: HttpRequest) -> HttpResponse:
    form = ProgrammeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        made = programme_copy_to_villages(
            template=form.save(commit=False), villages=live_villages(), user=request.user
        )
        messages.success(request, _("Program ditambahkan ke %(n)d desa.") % {"n": made})
        return redirect("welfare_district_dashboard:overview")
    return render(request, "welfare/district_dashboard/programme_form.html", {"form": form})
