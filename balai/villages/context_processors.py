from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def site(request: HttpRequest) -> dict:
    return {
        "village": getattr(request, "village", None),
        "district_name": settings.DISTRICT_NAME,
        "portal_url": portal_url(request),
    }


def portal_url(request: HttpRequest) -> str:
    """The district portal's home. Absolute from a village's own host, whose URLconf has no
    portal to reverse; relative on the district host, so any port or dev host still works."""
    if getattr(request, "village_host", False):
        return f"{settings.SITE_SCHEME}://{settings.DISTRICT_DOMAIN}/"
    return "/"
