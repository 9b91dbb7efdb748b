"""The requests our views receive, for the type checker.

The routing middleware sets `village` (or None) and `village_host` on every request;
`village_role_required` sets `village` and `role` on dashboard requests; django-htmx sets `htmx`.
Annotate a public village view with `request: SiteRequest`, a village dashboard view with
`request: VillageRequest`, and a view behind login or `district_admin_required` with
`request: SignedInRequest`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import HttpRequest

if TYPE_CHECKING:
    from django_htmx.middleware import HtmxDetails

    from balai.accounts.models import User
    from balai.villages.models import Village


class BalaiRequest(HttpRequest):
    """Any request, after the middleware."""

    htmx: HtmxDetails
    village: Village | None
    village_host: bool
    routes_version: str
    # (token, changed at) of the village, when the middleware took its row from the cache
    village_version: tuple[str, int]


class SiteRequest(BalaiRequest):
    """A page of a village's public site: the middleware found the village."""

    village: Village


class SignedInRequest(BalaiRequest):
    """Behind login_required or district_admin_required: someone is signed in."""

    user: User


class VillageRequest(SignedInRequest):
    """A village dashboard page, behind village_role_required."""

    village: Village
    role: str | None
