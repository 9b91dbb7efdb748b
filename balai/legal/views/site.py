"""The village's public register of legal acts: the list with search and filters, one page per
act with its JDIH metadata and the acts around it, and the JDIH feed (docs/jdih.md). Kelurahan
have no produk hukum desa (404). Files are public media, served as downloads
(villages/media.py, nginx in production)."""

from __future__ import annotations

import json

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.views.decorators.http import require_safe

from balai.legal import jdih, selectors
from balai.legal.models import LegalAct
from balai.lib.jsonld import jsonld_script
from balai.lib.pagination import paginate
from balai.villages.cache import cache_public_page
from balai.villages.permissions import desa_only
from balai.villages.requests import VillageRequest
from balai.villages.templatetags.sites import site_reverse

PER_PAGE = 20


@desa_only()
@require_safe
@cache_public_page
def act_list(request: VillageRequest) -> HttpResponse:
    village = request.village
    filters = selectors.filters_from(request.GET.dict())
    acts = selectors.act_search(selectors.public_acts(village), filters)
    page = paginate(request, selectors.with_links(acts), PER_PAGE)
    if not page.object_list and not filters.active and not selectors.has_public_acts(village):
        raise Http404("belum ada produk hukum")
    ctx = {
        "page": page,
        "filters": filters,
        "options": selectors.filter_options(village),
        "kinds": LegalAct.Kind.choices,
        "statuses": LegalAct.Status.choices,
    }
    return render(request, "legal/site/list.html", ctx)


@desa_only()
@require_safe
@cache_public_page
def act_detail(request: VillageRequest, act_slug: str) -> HttpResponse:
    act = selectors.public_act(request.village, act_slug)
    if act is None:
        raise Http404("produk hukum tidak ditemukan")
    act.village = request.village
    target = act.target if act.target_id and act.target and act.target.published else None
    file_url = request.build_absolute_uri(act.file.url) if act.file else act.external_url
    ld = jdih.act_jsonld(act, url=request.build_absolute_uri(request.path), file_url=file_url)
    ctx = {
        "act": act,
        "jsonld": jsonld_script(ld),
        "target": target,
        "changed_by": selectors.changed_by(act),
        "teu_badan": jdih.teu_badan(request.village),
    }
    return render(request, "legal/site/detail.html", ctx)


@desa_only()
@require_safe
@cache_public_page
def jdih_feed(request: VillageRequest) -> HttpResponse:
    """All published acts as JDIHN integration records (docs/jdih.md), in Indonesian whatever
    the visitor's language: the feed is metadata for the network, not a page."""
    with translation.override("id"):
        return _jdih_response(request)


def _jdih_response(request: VillageRequest) -> HttpResponse:
    acts = selectors.with_links(selectors.public_acts(request.village)).order_by("enacted_on", "id")
    records = jdih.jdih_records(
        acts,
        village=request.village,
        absolute=request.build_absolute_uri,
        detail_path=lambda act: site_reverse(request, "legal_act", act_slug=act.slug),
    )
    response = HttpResponse(
        json.dumps(records, ensure_ascii=False, separators=(",", ":")),
        content_type="application/json; charset=utf-8",
    )
    response["Access-Control-Allow-Origin"] = "*"  # a public feed for JDIH harvesters
    return response
