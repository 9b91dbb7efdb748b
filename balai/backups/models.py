"""Backups of a village's data: the archives its admins (or the district) build and download.

The archive format and its restore are described in `archive.py`, `restore.py` and
docs/backup.md; this app's only table records the archives built from the dashboard.
"""

from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from balai.lib.storage import private_storage
from balai.lib.storage import random_upload_name as _random_name
from balai.villages.models import VillageOwned


def export_upload_to(instance: Any, filename: str) -> str:
    return _random_name("cadangan", filename)


class VillageExport(VillageOwned):
    """One backup archive of a village's data, built by a task for a village or district admin.
    The file holds residents' personal data: private storage, downloads audit-logged."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Menunggu")
        RUNNING = "running", _("Sedang dibuat")
        DONE = "done", _("Siap diunduh")
        FAILED = "failed", _("Gagal")

    public_content: ClassVar[bool] = False

    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    progress = models.PositiveSmallIntegerField(default=0)
    file = models.FileField(upload_to=export_upload_to, storage=private_storage, blank=True)
    size = models.PositiveBigIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    @property
    def is_busy(self) -> bool:
        return self.status in (self.Status.PENDING, self.Status.RUNNING)

    @property
    def is_done(self) -> bool:
        return self.status == self.Status.DONE
