"""The district admin's view of the registers: how many residents each village holds and when
its figures were last counted."""

from __future__ import annotations

from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from balai.population.models import PopulationSettings, Resident
from balai.villages.models import Village
from balai.villages.permissions import district_admin_required


@district_admin_required
def overview(request: HttpRequest) -> HttpResponse:
    counts = dict(
        Resident.objects.filter(status=Resident.ALIVE)
        .values_list("village")
        .annotate(n=Count("id"))
    )
    updated = dict(PopulationSettings.objects.values_list("village", "figures_updated_at"))
    villages = Village.objects.filter(Q(pk__in=counts) | Q(status=Village.Status.LIVE))
    rows = [
        {"village": v, "residents": counts.get(v.pk, 0), "updated": updated.get(v.pk)}
        for v in villages.select_related("region__parent")
    ]
    ctx = {"rows": rows, "total": sum(counts.values())}
    return render(request, "population/district_dashboard/overview.html", ctx)
