"""People who log in: district operators, kecamatan staff, mentors, village admins and editors.

Login is by email. A person's power in a village comes from a villages.Membership; district-wide
power from `is_district_admin`; kecamatan viewers from accounts.KecamatanViewer rows.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta
from typing import ClassVar

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from balai.villages.models import VillageOwned


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **extra) -> User:
        if not email:
            raise ValueError("email is required")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **extra) -> User:
        extra.update(is_staff=True, is_superuser=True, is_district_admin=True)
        return self.create_user(email, password, **extra)


class User(AbstractBaseUser, PermissionsMixin):
    email = models.EmailField(_("email"), unique=True)
    name = models.CharField(_("nama lengkap"), max_length=120)
    phone = models.CharField(_("nomor WhatsApp"), max_length=20, blank=True)
    is_district_admin = models.BooleanField(
        _("admin kabupaten"),
        default=False,
        help_text=_("Operator Dinkominfo: meninjau pendaftaran dan mengelola semua desa."),
    )
    is_active = models.BooleanField(_("aktif"), default=True)
    is_staff = models.BooleanField(default=False)
    date_joined = models.DateTimeField(default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["name"]

    class Meta:
        verbose_name = _("pengguna")
        verbose_name_plural = _("pengguna")

    def __str__(self) -> str:
        return self.name or self.email

    def get_full_name(self) -> str:
        return self.name

    def get_short_name(self) -> str:
        return self.name.split(" ")[0] if self.name else self.email


class KecamatanViewer(models.Model):
    """A kecamatan staff member who may read the dashboards of the villages in one kecamatan."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="kecamatan_roles")
    kecamatan = models.ForeignKey(
        "regions.Region", on_delete=models.PROTECT, limit_choices_to={"level": "kecamatan"}
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "kecamatan"], name="unique_kecamatan_viewer")
        ]


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _invitation_expiry():
    return timezone.now() + timedelta(days=settings.INVITATION_DAYS)


class Invitation(VillageOwned):
    """A one-time, expiring link that makes its holder a member of a village in a role.

    Sent by email and shown to the inviting admin so it can be passed on over WhatsApp. Only the
    SHA-256 of the token is stored: a leaked database does not hand out memberships.
    """

    email = models.EmailField(_("email"))
    name = models.CharField(_("nama"), max_length=120, blank=True)
    role = models.CharField(_("peran"), max_length=10)
    can_publish = models.BooleanField(
        _("boleh menerbitkan"),
        default=False,
        help_text=_("Untuk editor: menjadi Membership.can_publish saat undangan diterima."),
    )
    token_hash = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(default=_invitation_expiry)
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    revoked_at = models.DateTimeField(null=True, blank=True)

    public_content: ClassVar[bool] = False

    class Meta:
        ordering = ["-created_at"]

    @staticmethod
    def new_token() -> str:
        return secrets.token_urlsafe(32)

    @staticmethod
    def hash_token(token: str) -> str:
        return _token_hash(token)

    @property
    def is_expired(self) -> bool:
        return timezone.now() >= self.expires_at

    @property
    def role_label(self) -> str:
        from balai.villages.models import Membership

        return (
            str(Membership.Role(self.role).label)
            if self.role in Membership.Role.values
            else self.role
        )

    @property
    def is_for_admin(self) -> bool:
        from balai.villages.models import Membership

        return self.role == Membership.Role.ADMIN

    @property
    def is_usable(self) -> bool:
        return not (self.accepted_at or self.revoked_at or self.is_expired)
