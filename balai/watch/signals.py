"""Login records for the integrity watch, from Django's own login signals.

The address is the client's, read through `balai.lib.net.client_ip`: behind the documented
nginx proxy REMOTE_ADDR is the proxy's own address for everyone, which would make every admin's
"new address" invisible and every failed-login flood look like one client.
"""

from __future__ import annotations

import hashlib
import ipaddress
from typing import Any

from django.http import HttpRequest

from balai.lib.net import client_ip
from balai.villages.models import Membership
from balai.watch.models import LoginRecord


def _ip(request: HttpRequest | None) -> str | None:
    if request is None:
        return None
    address = client_ip(request)
    try:
        ipaddress.ip_address(address)
    except ValueError:  # "unknown": nothing readable
        return None
    return address


def login_succeeded(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    ip = _ip(request)
    is_admin = (
        user.is_district_admin
        or Membership.objects.filter(user=user, role=Membership.Role.ADMIN).exists()
    )
    seen = LoginRecord.objects.filter(user=user, succeeded=True)
    # The very first login has nothing to compare with; only admins matter for takeovers.
    new_ip = bool(is_admin and ip and seen.exists() and not seen.filter(ip=ip).exists())
    LoginRecord.objects.create(user=user, ip=ip, succeeded=True, new_ip=new_ip)


def login_failed(
    sender: Any, credentials: dict[str, Any], request: HttpRequest | None = None, **kwargs: Any
) -> None:
    email = (credentials.get("email") or credentials.get("username") or "").strip().lower()
    digest = hashlib.sha256(email.encode()).hexdigest() if email else ""
    LoginRecord.objects.create(email_hash=digest, ip=_ip(request), succeeded=False)
