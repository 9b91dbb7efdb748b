"""The district marketplace (/lapak/) and the district admin's shop figures."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from balai.lib.pagination import paginate
from balai.market import selectors
from balai.market.models import Category
from balai.villages.cache import cache_public_page


@require_safe
@cache_public_page
def marketplace(request: HttpRequest) -> HttpResponse:
    kecamatan = request.GET.get("kecamatan", "")
    category = request.GET.get("kategori", "")
    q = request.GET.get("q", "").strip()[:80]
    qs = selectors.district_marketplace(kecamatan=kecamatan, category=category, q=q)
    ctx = {
        "page": paginate(request, qs, 24),
        "kecamatan_list": selectors.marketplace_kecamatan(),
        "categories": Category.choices,
        "kecamatan": kecamatan,
        "category": category,
        "q": q,
    }
    return render(request, "market/district/marketplace.html", ctx)
