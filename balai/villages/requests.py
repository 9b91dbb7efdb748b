"""The request a village view receives, for the type checker: the routing middleware sets
`village` on public site requests, and `village_role_required` sets `village` and `role` on
dashboard requests. Annotate such views with `request: VillageRequest`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import HttpRequest

if TYPE_CHECKING:
    from django_htmx.middleware import HtmxDetails

    from balai.accounts.models import User
    from balai.villages.models import Village


class VillageRequest(HttpRequest):
    village: Village
    role: str | None
    user: User
    htmx: HtmxDetails


class SignedInRequest(HttpRequest):
    """A request past `login_required` or `district_admin_required`: `user` is a real User.
    Annotate district dashboard views with it."""

    user: User
