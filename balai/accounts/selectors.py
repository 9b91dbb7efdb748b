"""Reads about people: a village's members and invitations, an invitation by its token."""

from __future__ import annotations

from django.db.models import Case, IntegerField, QuerySet, Value, When
from django.utils import timezone

from balai.accounts.models import Invitation, User
from balai.villages.models import Membership, Village

_ROLE_ORDER = Case(
    When(role=Membership.Role.ADMIN, then=Value(0)),
    When(role=Membership.Role.EDITOR, then=Value(1)),
    default=Value(2),
    output_field=IntegerField(),
)


def member_list(*, village: Village) -> QuerySet[Membership]:
    """Members of one village, admins first, then editors, then mentors; by name within."""
    return (
        Membership.objects.for_village(village)
        .select_related("user")
        .annotate(role_order=_ROLE_ORDER)
        .order_by("role_order", "user__name", "pk")
    )


def invitation_pending_list(*, village: Village) -> QuerySet[Invitation]:
    return Invitation.objects.filter(
        village=village,
        accepted_at__isnull=True,
        revoked_at__isnull=True,
        expires_at__gt=timezone.now(),
    ).order_by("-created_at")


def invitation_by_token(token: str) -> Invitation | None:
    """The invitation a link carries, whatever its state; None for a token that never existed."""
    if not token or len(token) > 100:
        return None
    return (
        Invitation.objects.select_related("village", "village__region")
        .filter(token_hash=Invitation.hash_token(token))
        .first()
    )


def user_by_email(email: str) -> User | None:
    return User.objects.filter(email__iexact=email.strip()).first()


def user_membership_list(*, user: User) -> QuerySet[Membership]:
    return (
        Membership.objects.filter(user=user)
        .select_related("village", "village__region")
        .order_by("village__region__name")
    )
