"""Writes about people: invitations and memberships. Every change is audit-logged."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.urls import reverse

from balai.accounts.models import Invitation
from balai.audit.services import audit_record


def invitation_url(token: str) -> str:
    """The absolute link to accept an invitation, for email and for WhatsApp."""
    return f"{settings.SITE_SCHEME}://{settings.DISTRICT_DOMAIN}" + reverse(
        "accounts:invitation", kwargs={"token": token}
    )


def invitation_create(
    *, village: Any, email: str, role: str, invited_by: Any = None, name: str = ""
) -> tuple[Invitation, str]:
    """Create a one-time invitation; returns it and the plain token (shown once, never stored)."""
    token = Invitation.new_token()
    invitation = Invitation.objects.create(
        village=village,
        email=email.strip().lower(),
        name=name,
        role=role,
        token_hash=Invitation.hash_token(token),
        invited_by=invited_by if getattr(invited_by, "pk", None) else None,
    )
    audit_record(
        actor=invited_by,
        village=village,
        action="invitation.create",
        target=invitation.email,
        role=role,
    )
    return invitation, token
