"""Who may do what in a village. Every dashboard view starts with one of these checks.

Outsiders get 404, never 403: the existence of another village's admin page is not confirmed.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, cast

from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render

from balai.villages.models import Membership, Village
from balai.villages.requests import VillageRequest

# The role of a district admin in any village (request.role): not a Membership role.
DISTRICT_ROLE = "district"

# Which roles may act in each area (DESIGN.md, Roles). District admins may do everything.
AREA_ROLES: dict[str, set[str]] = {
    "view": {"admin", "editor", "mentor"},
    "profile": {"admin", "mentor"},
    "members": {"admin"},
    "content": {"admin", "editor", "mentor"},
    # Personal data (residents, welfare recipients, requesters): the village's admins only;
    # a module may let a mentor in where the village grants it, with its own check.
    "personal": {"admin"},
    "budget": {"admin", "mentor"},
    "disclosure": {"admin"},
    "market": {"admin", "mentor"},
    # Complaints: admins and editors handle them; only admins see who sent one.
    "complaints": {"admin", "editor"},
    # Letters at the village counter (issue 15): admins, and editors given "pelayanan" (can).
    "service": {"admin"},
}


def membership_for(user: Any, village: Village) -> Membership | None:
    if not user.is_authenticated:
        return None
    cache = getattr(user, "_membership_cache", None)
    if cache is None:
        cache = user._membership_cache = {}
    if village.pk not in cache:
        cache[village.pk] = Membership.objects.filter(user=user, village=village).first()
    return cache[village.pk]


def membership_cache_clear(user: Any) -> None:
    """Forget the memberships read during this request (after changing one)."""
    try:
        del user._membership_cache  # request.user is a lazy proxy: vars() would miss it
    except AttributeError:
        pass


def village_role(user: Any, village: Village) -> str | None:
    """'district', 'admin', 'editor', 'mentor', or None."""
    if not user.is_authenticated:
        return None
    if user.is_district_admin:
        return DISTRICT_ROLE
    membership = membership_for(user, village)
    return membership.role if membership else None


def can(user: Any, village: Village, area: str) -> bool:
    role = village_role(user, village)
    if role == DISTRICT_ROLE or (role is not None and role in AREA_ROLES[area]):
        return True
    if area == "service" and role == Membership.Role.EDITOR:
        membership = membership_for(user, village)
        return bool(membership and membership.can_serve)
    return False


def can_preview(user: Any, village: Village) -> bool:
    return can(user, village, "view")


ViewDecorator = Callable[[Callable[..., HttpResponseBase]], Callable[..., HttpResponseBase]]


def village_role_required(area: str) -> ViewDecorator:
    """Decorate a dashboard view taking `slug`: sets request.village and request.role, or 404."""

    def decorator(view: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
        @wraps(view)
        def wrapper(request: HttpRequest, slug: str, *args: Any, **kwargs: Any) -> HttpResponseBase:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            village = (
                Village.objects.select_related("region", "region__parent").filter(slug=slug).first()
            )
            if village is None or not can(request.user, village, area):
                raise Http404("desa tidak ditemukan")
            village_request = cast(VillageRequest, request)
            village_request.village = village
            village_request.role = village_role(request.user, village)
            return view(village_request, *args, **kwargs)

        return wrapper

    return decorator


def district_admin_required(
    view: Callable[..., HttpResponseBase],
) -> Callable[..., HttpResponseBase]:
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not request.user.is_district_admin:
            raise Http404("halaman tidak ditemukan")
        return view(request, *args, **kwargs)

    return wrapper


def desa_only(
    kelurahan_template: str | None = None,
) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """For modules a kelurahan does not have (APBDes and development projects, PPID Desa): a
    kelurahan's page is 404, or `kelurahan_template` explaining why when one is given (the
    module's dashboard home). Goes below the decorator that sets request.village."""

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            village = getattr(request, "village", None)
            if village is not None and village.is_kelurahan:
                if kelurahan_template is None:
                    raise Http404("kelurahan tidak memiliki bagian ini")
                return render(request, kelurahan_template, {"village": village})
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
