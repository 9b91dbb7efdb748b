"""The public pages of a village's institutions: the list by kind and one institution's page.
Members appear by name, position and photo only."""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from balai.institutions import selectors
from balai.villages.cache import cache_public_page
from balai.villages.requests import SiteRequest
from balai.villages.selectors import has_officials


@require_safe
@cache_public_page
def institution_index(request: SiteRequest) -> HttpResponse:
    institutions = selectors.public_institutions(request.village)
    if not institutions:
        raise Http404("belum ada lembaga desa")
    for inst in institutions:
        inst.chair = selectors.chair_of(inst)  # type: ignore[attr-defined]
    ctx = {"groups": selectors.institutions_by_kind(institutions)}
    return render(request, "institutions/site/index.html", ctx)


@require_safe
@cache_public_page
def institution_page(request: SiteRequest, institution_slug: str) -> HttpResponse:
    institution = selectors.public_institution(request.village, institution_slug)
    if institution is None:
        raise Http404("lembaga tidak ditemukan")
    ctx = {
        "institution": institution,
        "members": list(institution.members.all()),
        "activities": selectors.institution_activities(institution),
        "has_officials": has_officials(request.village),
    }
    return render(request, "institutions/site/detail.html", ctx)
