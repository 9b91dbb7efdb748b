"""Writes about people: invitations, memberships and password resets. Every change to who may
do what is audit-logged."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.encoding import force_bytes
from django.utils.formats import date_format
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from balai.accounts import limits
from balai.accounts.models import Invitation, User
from balai.audit.services import audit_record
from balai.villages.models import Membership, Village

INVITABLE_ROLES = (Membership.Role.ADMIN, Membership.Role.EDITOR)


class MembershipError(ValueError):
    """A change that must not happen; the message is for the person who asked for it."""


class InvitationUnusable(ValueError):
    """The invitation was used, revoked or expired while the person was looking at it."""


def invitation_url(token: str) -> str:
    """The absolute link to accept an invitation, for email and for WhatsApp."""
    return f"{settings.SITE_SCHEME}://{settings.DISTRICT_DOMAIN}" + reverse(
        "accounts:invitation", kwargs={"token": token}
    )


def invitation_create(
    *,
    village: Any,
    email: str,
    role: str,
    invited_by: Any = None,
    name: str = "",
    can_publish: bool = False,
) -> tuple[Invitation, str]:
    """Create a one-time invitation; returns it and the plain token (shown once, never stored)."""
    token = Invitation.new_token()
    invitation = Invitation.objects.create(
        village=village,
        email=email.strip().lower(),
        name=name,
        role=role,
        can_publish=can_publish and role == Membership.Role.EDITOR,
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


def invitation_message(*, invitation: Invitation, token: str) -> str:
    """The short text an admin passes on over WhatsApp (and the heart of the email)."""
    return _(
        "Anda diundang menjadi %(role)s di situs %(village)s. Buka tautan ini untuk bergabung "
        "(berlaku sampai %(expiry)s): %(link)s"
    ) % {
        "role": invitation.role_label,
        "village": invitation.village.display_name,
        "expiry": date_format(timezone.localtime(invitation.expires_at), "j F Y"),
        "link": invitation_url(token),
    }


def invitation_whatsapp_url(*, invitation: Invitation, token: str) -> str:
    return "https://wa.me/?text=" + quote(invitation_message(invitation=invitation, token=token))


def invitation_send(*, invitation: Invitation, token: str) -> bool:
    """Email the link. False when the mail server refused: the admin still has the link."""
    context = {
        "invitation": invitation,
        "link": invitation_url(token),
        "message": invitation_message(invitation=invitation, token=token),
        "district_name": settings.DISTRICT_NAME,
    }
    subject = render_to_string("accounts/email/invitation_subject.txt", context)
    body = render_to_string("accounts/email/invitation.txt", context)
    try:
        send_mail(" ".join(subject.split()), body, None, [invitation.email])
    except OSError:  # smtplib errors are OSErrors; a dead mail server must not lose the invite
        return False
    return True


@transaction.atomic
def member_invite(
    *,
    village: Village,
    email: str,
    role: str,
    invited_by: User,
    name: str = "",
    can_publish: bool = False,
) -> tuple[Invitation, str]:
    """Invite someone from the members page; a new invitation replaces a pending one."""
    email = email.strip().lower()
    if role not in INVITABLE_ROLES:
        raise MembershipError(_("Pilih peran admin desa atau editor."))
    if Membership.objects.for_village(village).filter(user__email__iexact=email).exists():
        raise MembershipError(
            _("%(email)s sudah menjadi anggota. Ubah perannya di daftar anggota.")
            % {"email": email}
        )
    pending = Invitation.objects.filter(
        village=village, email=email, accepted_at__isnull=True, revoked_at__isnull=True
    )
    for old in pending:
        invitation_revoke(invitation=old, actor=invited_by, reason="replaced")
    return invitation_create(
        village=village,
        email=email,
        role=role,
        invited_by=invited_by,
        name=name.strip(),
        can_publish=can_publish,
    )


def invitation_revoke(*, invitation: Invitation, actor: User, reason: str = "") -> None:
    if invitation.accepted_at or invitation.revoked_at:
        return
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at"])
    details = {"role": invitation.role}
    if reason:
        details["reason"] = reason
    audit_record(
        actor=actor,
        village=invitation.village,
        action="invitation.revoke",
        target=invitation.email,
        **details,
    )


@transaction.atomic
def invitation_accept(*, invitation: Invitation, user: User) -> Membership:
    """Make the user a member in the invited role (or change the role they already have)."""
    locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if not locked.is_usable:
        raise InvitationUnusable(_("Undangan ini sudah tidak berlaku."))
    village = locked.village
    can_publish = locked.can_publish and locked.role == Membership.Role.EDITOR
    membership = Membership.objects.for_village(village).filter(user=user).first()
    if membership is None:
        membership = Membership.objects.create(
            village=village, user=user, role=locked.role, can_publish=can_publish
        )
        audit_record(
            actor=user,
            village=village,
            action="membership.create",
            target=user.email,
            role=locked.role,
            can_publish=can_publish,
            via="invitation",
        )
    else:
        membership_change_role(
            membership=membership, role=locked.role, can_publish=can_publish, actor=user
        )
    locked.accepted_at = timezone.now()
    locked.accepted_by = user
    locked.save(update_fields=["accepted_at", "accepted_by"])
    audit_record(
        actor=user, village=village, action="invitation.accept", target=user.email, role=locked.role
    )
    return membership


@transaction.atomic
def invitation_accept_new_user(*, invitation: Invitation, name: str, password: str) -> User:
    """Create the invited person's account (email from the invitation) and accept."""
    if User.objects.filter(email__iexact=invitation.email).exists():
        raise InvitationUnusable(_("Akun dengan email ini sudah ada. Masuk untuk menerima."))
    user = User.objects.create_user(invitation.email, password, name=name.strip())
    audit_record(actor=user, village=invitation.village, action="user.create", target=user.email)
    invitation_accept(invitation=invitation, user=user)
    return user


def _other_admins_exist(membership: Membership) -> bool:
    # Locking the village's admin rows makes two concurrent demotions wait for each other.
    admins = (
        Membership.objects.select_for_update()
        .filter(village_id=membership.village_id, role=Membership.Role.ADMIN)
        .exclude(pk=membership.pk)
    )
    return bool(list(admins.values_list("pk", flat=True)))


@transaction.atomic
def membership_change_role(
    *, membership: Membership, role: str, can_publish: bool, actor: User, can_serve: bool = False
) -> Membership:
    if role not in Membership.Role.values:
        raise MembershipError(_("Pilih peran admin desa atau editor."))
    can_publish = can_publish and role == Membership.Role.EDITOR
    can_serve = can_serve and role == Membership.Role.EDITOR
    if (membership.role, membership.can_publish, membership.can_serve) == (
        role,
        can_publish,
        can_serve,
    ):
        return membership
    was_admin = membership.role == Membership.Role.ADMIN
    if was_admin and role != Membership.Role.ADMIN and not _other_admins_exist(membership):
        raise MembershipError(
            _(
                "%(name)s adalah satu-satunya admin desa ini. Jadikan anggota lain admin "
                "lebih dulu, baru ubah peran %(name)s."
            )
            % {"name": membership.user.name or membership.user.email}
        )
    old_role, old_publish, old_serve = membership.role, membership.can_publish, membership.can_serve
    membership.role, membership.can_publish, membership.can_serve = role, can_publish, can_serve
    membership.save(update_fields=["role", "can_publish", "can_serve"])
    audit_record(
        actor=actor,
        village=membership.village,
        action="membership.role_change",
        target=membership.user.email,
        old_role=old_role,
        role=role,
        old_can_publish=old_publish,
        can_publish=can_publish,
        old_can_serve=old_serve,
        can_serve=can_serve,
    )
    return membership


@transaction.atomic
def membership_remove(*, membership: Membership, actor: User) -> None:
    if membership.role == Membership.Role.ADMIN and not _other_admins_exist(membership):
        raise MembershipError(
            _(
                "%(name)s adalah satu-satunya admin desa ini dan tidak dapat dikeluarkan. "
                "Jadikan anggota lain admin lebih dulu."
            )
            % {"name": membership.user.name or membership.user.email}
        )
    audit_record(
        actor=actor,
        village=membership.village,
        action="membership.remove",
        target=membership.user.email,
        role=membership.role,
    )
    membership.delete()


def user_update_profile(*, user: User, name: str, phone: str) -> User:
    user.name, user.phone = name.strip(), phone
    user.save(update_fields=["name", "phone"])
    return user


def user_password_changed(*, user: User) -> None:
    audit_record(actor=user, action="user.password_change", target=user.email)


def set_password_url(user: User) -> str:
    """A one-time "set your password" link (Django's reset token), or the reset page."""
    base = f"{settings.SITE_SCHEME}://{settings.DISTRICT_DOMAIN}"
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    try:
        path = reverse("accounts:password_reset_confirm", kwargs={"uidb64": uid, "token": token})
    except NoReverseMatch:
        path = reverse("accounts:password_reset")
    return base + path


def password_reset_request(*, email: str) -> None:
    """Someone asked for a reset link for `email`: queue the e-mail for the worker.

    Exactly the same work happens whether or not the address has an account (one lookup, one
    task queued; for an unknown address the task does nothing), so neither the answer nor its
    timing tells who has an account. At most RESET_PER_EMAIL links go to one address an hour.
    """
    from balai.accounts.tasks import password_reset_email_send

    user_id = None
    if not limits.password_reset_email_refused(email=email):
        user_id = (
            User.objects.filter(email__iexact=limits.normalize_email(email), is_active=True)
            .values_list("pk", flat=True)
            .first()
        )
    password_reset_email_send.enqueue(user_id=user_id)


def password_reset_email_send(*, user_id: int | None) -> bool:
    """E-mail a one-time "set a new password" link (from the worker); False when nothing went."""
    user = User.objects.filter(pk=user_id, is_active=True).first() if user_id else None
    if user is None or not user.has_usable_password():
        return False
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "user": user,
            "link": set_password_url(user),
            "district_name": settings.DISTRICT_NAME,
        }
        subject = render_to_string("accounts/email/password_reset_subject.txt", context)
        body = render_to_string("accounts/email/password_reset.txt", context)
    send_mail(" ".join(subject.split()), body, None, [user.email])
    return True
