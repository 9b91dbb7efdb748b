"""District-wide PPID compliance: a public table per desa, and the district admin's view with
the villages that have late requests and the local holidays that stop the clock."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from balai.disclosure import selectors, services
from balai.villages.cache import cache_public_page


@require_safe
@cache_public_page
def compliance(request: HttpRequest) -> HttpResponse:
    rows = selectors.district_compliance(today=services.today())
    return render(request, "disclosure/district/compliance.html", {"rows": rows})
