"""An append-only log of who did what: role and membership changes, registration decisions,
and (in later modules) every view, change and export of personal data. Read by district admins.
"""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from balai.villages.models import VillageOwned


class AuditEntry(VillageOwned):
    """One action by one person (or by the system when `actor` is empty), in one village or
    district-wide (`village` empty). Written by audit_record() only; never changed or deleted."""

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Empty for district-wide actions: the one village-owned model whose village is optional.
    village = models.ForeignKey(  # type: ignore[assignment]
        "villages.Village", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    action = models.CharField(_("tindakan"), max_length=60)
    target = models.CharField(_("sasaran"), max_length=200, blank=True)
    details = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    public_content: ClassVar[bool] = False

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["village", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.action} {self.target}"
