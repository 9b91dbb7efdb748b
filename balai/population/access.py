"""Who may open the personal register: the village's admins and district admins, and its
mentor only while the village grants it (PopulationSettings.mentor_access)."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import Http404, HttpResponse, HttpResponseBase

from balai.population.models import PopulationSettings
from balai.villages.permissions import village_role_required
from balai.villages.requests import VillageRequest


def may_see_register(request: VillageRequest) -> bool:
    if request.role in ("admin", "district"):
        return True
    return (
        request.role == "mentor"
        and PopulationSettings.objects.filter(village=request.village, mentor_access=True).exists()
    )


def register_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponseBase]:
    """Like village_role_required("personal"), letting in a mentor the village has granted."""

    @village_role_required("view")
    @wraps(view)
    def wrapper(request: VillageRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not may_see_register(request):
            raise Http404("halaman tidak ditemukan")
        return view(request, *args, **kwargs)

    return wrapper
