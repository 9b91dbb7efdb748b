"""District-admin writes: site status, mentors, domains, district admins, kecamatan viewers and
staff accounts. Every change is audit-logged; a status change invalidates cached pages."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from balai.accounts.models import KecamatanViewer, User
from balai.accounts.services import set_password_url
from balai.audit.services import audit_record
from balai.regions.models import Region
from balai.villages.content import content_changed
from balai.villages.models import Membership, Village, VillageDomain


class DistrictError(ValueError):
    """A refused change; the message is for the district admin, in Indonesian."""


@transaction.atomic
def village_status_set(*, village: Village, status: str, actor: User, reason: str = "") -> None:
    reason = reason.strip()
    if status == Village.Status.SUSPENDED and not reason:
        raise DistrictError(_("Tulis alasan penangguhan."))
    previous = village.status
    if previous == status and village.suspended_reason == reason:
        return  # nothing changed: no log line, no cache flush
    village.status = status
    village.suspended_reason = reason if status == Village.Status.SUSPENDED else ""
    if status == Village.Status.LIVE and village.went_live_at is None:
        village.went_live_at = timezone.now()
    village.save(update_fields=["status", "suspended_reason", "went_live_at"])
    audit_record(
        actor=actor,
        village=village,
        action="village.status",
        target=village.slug,
        previous=previous,
        status=status,
        reason=reason,
    )
    # The portal shows each village's status and the site itself changes: drop cached pages.
    content_changed(village)


@transaction.atomic
def village_mentor_assign(*, village: Village, user: User, actor: User) -> Membership:
    existing = Membership.objects.for_village(village).filter(user=user).first()
    if existing is not None:
        raise DistrictError(
            _("%(name)s sudah terdaftar di desa ini sebagai %(role)s.")
            % {"name": user.name or user.email, "role": existing.get_role_display()}
        )
    membership = Membership.objects.create(village=village, user=user, role=Membership.Role.MENTOR)
    audit_record(actor=actor, village=village, action="membership.mentor_assign", target=user.email)
    return membership


@transaction.atomic
def village_mentor_unassign(*, village: Village, user: User, actor: User) -> None:
    deleted, _rows = (
        Membership.objects.for_village(village)
        .filter(user=user, role=Membership.Role.MENTOR)
        .delete()
    )
    if deleted:
        audit_record(
            actor=actor, village=village, action="membership.mentor_unassign", target=user.email
        )


@transaction.atomic
def village_domain_add(*, village: Village, domain: str, actor: User) -> VillageDomain:
    """`domain` is already validated and normalised by the form."""
    if VillageDomain.objects.filter(domain=domain).exists():
        raise DistrictError(_("Domain %(domain)s sudah dipakai.") % {"domain": domain})
    is_primary = not VillageDomain.objects.for_village(village).exists()
    added = VillageDomain.objects.create(village=village, domain=domain, is_primary=is_primary)
    audit_record(actor=actor, village=village, action="village.domain_add", target=domain)
    return added


@transaction.atomic
def village_domain_remove(*, village: Village, domain_id: int, actor: User) -> None:
    found = VillageDomain.objects.for_village(village).filter(pk=domain_id).first()
    if found is None:
        return
    found.delete()
    if found.is_primary:
        # Keep one preferred address when others remain.
        VillageDomain.objects.for_village(village).filter(
            pk__in=VillageDomain.objects.for_village(village).order_by("pk").values("pk")[:1]
        ).update(is_primary=True)
    audit_record(actor=actor, village=village, action="village.domain_remove", target=found.domain)


@transaction.atomic
def district_admin_set(*, user: User, grant: bool, actor: User) -> None:
    if not grant:
        if user.pk == actor.pk:
            raise DistrictError(_("Anda tidak dapat mencabut hak admin kabupaten Anda sendiri."))
        admins = User.objects.select_for_update().filter(is_district_admin=True, is_active=True)
        if user.is_district_admin and admins.count() <= 1:
            raise DistrictError(_("Harus ada paling sedikit satu admin kabupaten."))
    if user.is_district_admin == grant:
        return
    user.is_district_admin = grant
    user.save(update_fields=["is_district_admin"])
    audit_record(
        actor=actor,
        action="user.district_admin_grant" if grant else "user.district_admin_revoke",
        target=user.email,
    )


@transaction.atomic
def kecamatan_viewer_add(*, user: User, kecamatan: Region, actor: User) -> KecamatanViewer:
    viewer, created = KecamatanViewer.objects.get_or_create(user=user, kecamatan=kecamatan)
    if created:
        audit_record(
            actor=actor,
            action="user.kecamatan_viewer_add",
            target=user.email,
            kecamatan=kecamatan.code,
        )
    return viewer


@transaction.atomic
def kecamatan_viewer_remove(*, viewer_id: int, actor: User) -> None:
    viewer = KecamatanViewer.objects.select_related("user").filter(pk=viewer_id).first()
    if viewer is None:
        return
    viewer.delete()
    audit_record(
        actor=actor,
        action="user.kecamatan_viewer_remove",
        target=viewer.user.email,
        kecamatan=viewer.kecamatan_id,
    )


def staff_user_create(
    *, email: str, name: str, actor: User, kecamatan: Region | None = None
) -> User:
    """An account for a mentor or kecamatan viewer, who sets a password from the emailed link."""
    email = email.strip().lower()
    with transaction.atomic():
        if User.objects.filter(email__iexact=email).exists():
            raise DistrictError(_("Sudah ada akun dengan email %(email)s.") % {"email": email})
        # A random (usable) password nobody knows: the emailed reset link replaces it, and the
        # ordinary "forgot password" flow keeps working for this account.
        user = User.objects.create_user(email, secrets.token_urlsafe(32), name=name.strip())
        audit_record(actor=actor, action="user.create", target=email)
        if kecamatan is not None:
            kecamatan_viewer_add(user=user, kecamatan=kecamatan, actor=actor)
    link = set_password_url(user)
    body = _(
        "Halo %(name)s,\n\nAdmin %(district)s membuatkan akun Balai untuk Anda (%(email)s).\n"
        "Buat kata sandi Anda lewat tautan ini (berlaku satu kali):\n\n%(link)s\n\n"
        "Jika Anda tidak mengharapkan email ini, abaikan saja."
    ) % {"name": user.name, "district": settings.DISTRICT_NAME, "email": email, "link": link}
    send_mail(_("Akun Balai Anda"), body, None, [email], fail_silently=True)
    return user
