"""The district admin's budget overview: the public district view with the dashboard around it."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from balai.budget.views.district import overview_context
from balai.villages.permissions import district_admin_required


@district_admin_required
def overview(request: HttpRequest) -> HttpResponse:
    return render(request, "budget/district_dashboard/overview.html", overview_context(request))
