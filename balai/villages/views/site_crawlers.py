"""robots.txt of a village reached by its own domain or subdomain (balai/villages/crawlers.py).
A village reached by path shares the district host's robots.txt."""

from __future__ import annotations

from django.http import HttpResponse
from django.views.decorators.http import require_safe

from balai.villages import crawlers
from balai.villages.cache import cache_public_page
from balai.villages.requests import SiteRequest


@require_safe
@cache_public_page
def robots_txt(request: SiteRequest) -> HttpResponse:
    return HttpResponse(
        crawlers.village_robots(request.village), content_type="text/plain; charset=utf-8"
    )
