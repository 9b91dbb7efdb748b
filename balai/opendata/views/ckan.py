"""CKAN's Action API paths on the portal host (/api/3/action/<name>): read-only, GET only,
open to any origin, answered from the cached district catalogue (balai.opendata.ckan)."""

from __future__ import annotations

import json

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_safe

from balai.opendata import ckan
from balai.opendata.views.common import cors
from balai.villages.cache import cache_public_page


def _answer(request: HttpRequest, name: str, status: int, body: dict) -> HttpResponse:
    help_url = (
        f"{settings.SITE_SCHEME}://{settings.DISTRICT_DOMAIN}/api/3/action/help_show?name={name}"
    )
    content = json.dumps({"help": help_url, **body}, ensure_ascii=False)
    response = HttpResponse(content, status=status, content_type="application/json;charset=utf-8")
    return cors(response)


@require_safe
@cache_public_page
def action(request: HttpRequest, name: str) -> HttpResponse:
    handler = ckan.ACTIONS.get(name)
    if handler is None:
        error = {"__type": "Bad Request", "message": f"Bad request - Action name not known: {name}"}
        return _answer(request, name, 400, {"success": False, "error": error})
    try:
        result = handler(request.GET)
    except ckan.ActionError as problem:
        return _answer(request, name, problem.status, {"success": False, "error": problem.error})
    return _answer(request, name, 200, {"success": True, "result": result})
