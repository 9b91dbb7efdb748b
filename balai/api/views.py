"""The OpenAPI docs page, served from our own static files (no CDN) and CSP-clean: the
template (templates/ninja/swagger.html) loads only static scripts and styles."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_safe

from balai.api.api import api


@require_safe
def docs(request: HttpRequest) -> HttpResponse:
    return api.docs.render_page(request, api)
