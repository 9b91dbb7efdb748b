"""The district's watch over its village sites: how fresh and complete each site is, and signs
that one was compromised or spammed.

Freshness scores and alerts belong to a village (`VillageOwned`); an install-wide alert (a flood
of failed logins) has no village. None of them appear on public pages: the district admins,
kecamatan viewers and mentors read them on the district dashboard.
"""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from balai.villages.models import VillageOwned


class FreshnessScore(VillageOwned):
    """The stored freshness and completeness of one village, recomputed by a task or command
    (never per request). Read by the district, kecamatan viewers and mentors."""

    public_content: ClassVar[bool] = False

    village = models.OneToOneField(
        "villages.Village", on_delete=models.PROTECT, related_name="freshness"
    )
    score = models.PositiveSmallIntegerField(default=0)
    parts = models.JSONField(default=dict, help_text="check key → true, false or null")
    computed_at = models.DateTimeField()
    slipped_at = models.DateTimeField(null=True, blank=True)
    slipped_parts = models.JSONField(default=list)

    class Meta:
        ordering = ["score"]


class LoginRecord(models.Model):
    """A login attempt seen by the integrity watch: successes per user (to spot new IP
    addresses of admins) and failures (the email only as a hash). The address is the client's
    as read behind the proxy (`balai.lib.net.client_ip`), never the proxy's own."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, related_name="+"
    )
    email_hash = models.CharField(max_length=64, blank=True)
    ip = models.GenericIPAddressField(null=True, blank=True)
    succeeded = models.BooleanField()
    new_ip = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at"]


class IntegrityAlert(VillageOwned):
    """A sign of a compromised or spammed site, listed for the district until handled."""

    class Kind(models.TextChoices):
        BURST = "burst", _("Lonjakan konten baru")
        GAMBLING = "gambling", _("Konten judi atau spam")
        FAILED_LOGINS = "failed_logins", _("Banyak gagal masuk")
        NEW_IP = "new_ip", _("Admin masuk dari alamat baru")

    public_content: ClassVar[bool] = False

    # A flood of failed logins concerns the whole install, not one village.
    village = models.ForeignKey(  # type: ignore[assignment]
        "villages.Village", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    message = models.CharField(max_length=300)
    dedupe_key = models.CharField(max_length=120, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    handled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    @property
    def is_handled(self) -> bool:
        return self.handled_at is not None
