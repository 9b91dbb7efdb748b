from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def site(request: HttpRequest) -> dict:
    return {
        "village": getattr(request, "village", None),
        "district_name": settings.DISTRICT_NAME,
    }
