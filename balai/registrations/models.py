"""Applications for a village website, from a village's applicant to the district's decision.

The applicant (kepala desa, sekretaris, operator…) files it from the public /daftar/ flow and
follows it with a tracking code; district admins review it. Approval provisions the Village.
The applicant's contact details and letter are personal data: only district admins see them.
"""

from __future__ import annotations

import secrets
from typing import ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from balai.lib.storage import private_storage, random_upload_name
from balai.villages.models import VillageOwned

# What the applicant is told on the confirmation and status pages and in the e-mail ("biasanya
# 5 hari kerja"), and past which the district's queue flags a waiting application as overdue.
REVIEW_WORKING_DAYS = 5

TRACKING_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def new_tracking_code() -> str:
    return "".join(secrets.choice(TRACKING_ALPHABET) for _ in range(10))


def letter_upload_to(instance: Application, filename: str) -> str:
    return random_upload_name("surat-permohonan", filename)


class Application(VillageOwned):
    """One region's request for a site: filed by its applicant, reviewed by district admins.
    `village` is empty until approval creates the site; the row is never public."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Menunggu tinjauan")
        REVISION = "revision", _("Perlu perbaikan")
        APPROVED = "approved", _("Disetujui")
        REJECTED = "rejected", _("Ditolak")

    OPEN_STATUSES = (Status.SUBMITTED, Status.REVISION)

    class Position(models.TextChoices):
        KEPALA_DESA = "kepala_desa", _("Kepala desa / lurah")
        SEKRETARIS = "sekretaris", _("Sekretaris desa / kelurahan")
        PERANGKAT = "perangkat", _("Perangkat desa lainnya")
        OPERATOR = "operator", _("Operator desa")

    code = models.CharField(max_length=12, unique=True, default=new_tracking_code)
    region = models.ForeignKey(
        "regions.Region", on_delete=models.PROTECT, related_name="applications"
    )
    applicant_name = models.CharField(_("nama pemohon"), max_length=120)
    applicant_position = models.CharField(
        _("jabatan pemohon"), max_length=20, choices=Position.choices
    )
    whatsapp = models.CharField(_("nomor WhatsApp"), max_length=20)
    email = models.EmailField(_("email"))
    wanted_slug = models.CharField(_("alamat situs yang diminta"), max_length=50)
    existing_domain = models.CharField(
        _("domain desa.id yang sudah ada"), max_length=253, blank=True
    )
    letter = models.FileField(
        _("surat permohonan"), upload_to=letter_upload_to, max_length=200, storage=private_storage
    )
    letter_content_type = models.CharField(max_length=40)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.SUBMITTED
    )
    # Empty until approval creates the site.
    village = models.OneToOneField(  # type: ignore[assignment]
        "villages.Village", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    public_content: ClassVar[bool] = False

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["region"],
                condition=Q(status__in=["submitted", "revision"]),
                name="one_open_application_per_region",
            )
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.region}"

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSES

    @property
    def is_submitted(self) -> bool:
        return self.status == self.Status.SUBMITTED

    @property
    def is_revision(self) -> bool:
        return self.status == self.Status.REVISION

    @property
    def is_approved(self) -> bool:
        return self.status == self.Status.APPROVED

    @property
    def is_rejected(self) -> bool:
        return self.status == self.Status.REJECTED


class ApplicationEvent(models.Model):
    """One step in an application's history, shown to the applicant and to the district."""

    class Kind(models.TextChoices):
        SUBMITTED = "submitted", _("Permohonan dikirim")
        REVISION_REQUESTED = "revision_requested", _("Diminta perbaikan")
        RESUBMITTED = "resubmitted", _("Perbaikan dikirim")
        APPROVED = "approved", _("Disetujui, situs dibuat")
        REJECTED = "rejected", _("Ditolak")

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    message = models.TextField(blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # Set once its emails went out, so a retried notification task does not send them twice.
    notified_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["created_at", "id"]
