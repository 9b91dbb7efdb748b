"""One uploaded file on its way into a village's data, for every import Balai has (the
population register, welfare recipients and rankings, the APBDes, later a move from OpenSID).

Used by the village's admins (who upload, read the report and confirm) and by the task worker
(which checks and writes). The file stays in private storage under a random name with the
extension of the type found in its bytes; the report lists what would change and every refused
row. Personal data: never public.
"""

from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.core.files.storage import Storage
from django.db import models
from django.utils.translation import gettext_lazy as _

from balai.lib.storage import random_upload_name
from balai.villages.models import VillageOwned


def upload_to(instance: Any, filename: str) -> str:
    # Private storage adds the extension of the type it finds in the bytes (lib/storage.py).
    return random_upload_name("impor", filename)


def _private_storage() -> Storage:
    from balai.lib.storage import private_storage

    return private_storage()


class ImportJob(VillageOwned):
    """An import: queued → checking → checked / refused / failed → importing → done / failed."""

    public_content: ClassVar[bool] = False

    class Status(models.TextChoices):
        QUEUED = "queued", _("Menunggu giliran")
        CHECKING = "checking", _("Sedang diperiksa")
        CHECKED = "checked", _("Siap diimpor")
        REFUSED = "refused", _("Ada baris yang salah")
        IMPORTING = "importing", _("Sedang diimpor")
        DONE = "done", _("Selesai")
        FAILED = "failed", _("Gagal")

    class Kind(models.TextChoices):
        XLSX = "xlsx", "Excel (.xlsx)"
        XLS = "xls", "Excel 97–2003 (.xls)"
        ODS = "ods", "LibreOffice (.ods)"
        CSV = "csv", "CSV"
        ZIP = "zip", "Zip"
        SQL = "sql", "SQL"
        GZ = "gz", "SQL (.gz)"
        WXR = "wxr", "WordPress (.xml)"

    RUNNING: ClassVar[tuple[str, ...]] = (Status.QUEUED, Status.CHECKING, Status.IMPORTING)

    importer = models.CharField(
        max_length=40, help_text=_("Jenis impor, mis. population.residents.")
    )
    params = models.JSONField(
        default=dict, blank=True, help_text=_("Pilihan saat mengunggah, mis. program atau tahun.")
    )
    file = models.FileField(upload_to=upload_to, storage=_private_storage, max_length=200)
    original_name = models.CharField(_("nama berkas"), max_length=200, blank=True)
    kind = models.CharField(_("jenis berkas"), max_length=5, choices=Kind.choices)
    size = models.PositiveBigIntegerField(_("ukuran"), default=0)
    sha256 = models.CharField(max_length=64, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    progress = models.PositiveSmallIntegerField(default=0)
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    worker = models.CharField(
        max_length=120, blank=True, help_text=_("Proses yang sedang mengerjakan (host:pid:mulai).")
    )
    report = models.JSONField(default=dict, blank=True)
    failure = models.TextField(_("alasan gagal"), blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    checked_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["village", "importer", "-created_at"]),
            models.Index(fields=["status"]),
        ]

    def __str__(self) -> str:
        return f"{self.importer} {self.pk}"

    @property
    def is_running(self) -> bool:
        return self.status in self.RUNNING

    @property
    def is_checked(self) -> bool:
        return self.status == self.Status.CHECKED

    @property
    def is_refused(self) -> bool:
        return self.status == self.Status.REFUSED

    @property
    def is_done(self) -> bool:
        return self.status == self.Status.DONE

    @property
    def is_failed(self) -> bool:
        return self.status == self.Status.FAILED

    @property
    def is_importing(self) -> bool:
        return self.status == self.Status.IMPORTING
