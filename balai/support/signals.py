"""Login records for the integrity watch, from Django's own login signals."""

from __future__ import annotations

import hashlib
from typing import Any

from balai.support.models import LoginRecord
from balai.villages.models import Membership


def _ip(request: Any) -> str | None:
    return (request.META.get("REMOTE_ADDR") or None) if request is not None else None


def login_succeeded(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    ip = _ip(request)
    is_admin = (
        user.is_district_admin
        or Membership.objects.filter(user=user, role=Membership.Role.ADMIN).exists()
    )
    seen = LoginRecord.objects.filter(user=user, succeeded=True)
    # The very first login has nothing to compare with; only admins matter for takeovers.
    new_ip = bool(is_admin and ip and seen.exists() and not seen.filter(ip=ip).exists())
    LoginRecord.objects.create(user=user, ip=ip, succeeded=True, new_ip=new_ip)


def login_failed(sender: Any, credentials: dict, request: Any = None, **kwargs: Any) -> None:
    email = (credentials.get("email") or credentials.get("username") or "").strip().lower()
    digest = hashlib.sha256(email.encode()).hexdigest() if email else ""
    LoginRecord.objects.create(email_hash=digest, ip=_ip(request), succeeded=False)
