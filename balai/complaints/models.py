"""Pengaduan dan aspirasi: what residents report to their village office (Permendagri 2/2017
puts complaint handling among a village's minimum services), and how it is handled.

Complaint: one report, filed on the village site (or anonymously), tracked by its code, answered
by the village's staff on a working-day clock and escalated to the kecamatan viewer and the
district when nobody answers in time. ComplaintEvent: its history (status changes, staff notes,
replies, the complainant's follow-ups, escalation, the kecamatan's and district's notes).
ComplaintSettings: a village's choice to show answered complaints publicly. ComplaintRules: the
district's rule (working days before escalation).

The complainant's identity (name, phone, email) is personal data: only the village's admins see
it, and each look is audit-logged; editors, the kecamatan viewer and the district see the text
without it. The public list shows only what staff wrote for the public.
"""

from __future__ import annotations

import secrets
from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from balai.lib.storage import private_storage
from balai.lib.storage import random_upload_name as _random_name
from balai.villages.models import VillageOwned

# No 0/O, 1/I/L, 2/Z, 5/S, 8/B: a code read out over the phone or copied from paper survives.
CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679"
CODE_LENGTH = 10
DEFAULT_ESCALATE_DAYS = 5


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def photo_upload_to(instance: Any, filename: str) -> str:
    return _random_name("pengaduan", filename)


class ComplaintRules(models.Model):
    """The district's rule for every village (one row): how many working days a complaint may
    wait for an answer before it goes to the kecamatan and the district. Kept by district admins."""

    escalate_after_days = models.PositiveSmallIntegerField(
        _("batas jawaban (hari kerja)"),
        default=DEFAULT_ESCALATE_DAYS,
        help_text=_(
            "Pengaduan yang belum dijawab setelah sekian hari kerja diteruskan ke kecamatan dan "
            "kabupaten. Peringatan muncul 2 hari kerja sebelumnya."
        ),
    )

    class Meta:
        verbose_name = _("aturan pengaduan")

    def __str__(self) -> str:
        return str(self.escalate_after_days)


class ComplaintSettings(VillageOwned):
    """A village's choice whether answered complaints with a public reply are listed on its site
    (on by default: a village that has no row lists them)."""

    public_content: ClassVar[bool] = True

    village = models.OneToOneField(
        "villages.Village", on_delete=models.PROTECT, related_name="complaint_settings"
    )
    public_list = models.BooleanField(
        _("tampilkan pengaduan yang sudah dijawab di situs"),
        default=True,
        help_text=_(
            "Hanya kategori, tanggal, ringkasan dan jawaban untuk publik yang tampil; identitas "
            "pelapor tidak pernah tampil."
        ),
    )

    class Meta:
        verbose_name = _("pengaturan pengaduan")

    def __str__(self) -> str:
        return str(self.village_id)


class Complaint(VillageOwned):
    """One complaint or aspiration; handled by the village's admins and editors."""

    public_content: ClassVar[bool] = True

    class Category(models.TextChoices):
        # The district's default list (issue 15).
        INFRASTRUCTURE = "infrastruktur", _("Infrastruktur")
        SERVICE = "pelayanan", _("Pelayanan")
        WELFARE = "bansos", _("Bansos")
        ORDER = "keamanan", _("Keamanan & Ketertiban")
        ENVIRONMENT = "lingkungan", _("Lingkungan")
        ASPIRATION = "aspirasi", _("Aspirasi/usulan")
        OTHER = "lainnya", _("Lainnya")

    class Status(models.TextChoices):
        RECEIVED = "received", _("Diterima")
        IN_PROGRESS = "in_progress", _("Sedang ditangani")
        ANSWERED = "answered", _("Dijawab")
        CLOSED = "closed", _("Selesai")

    OPEN_STATUSES = (Status.RECEIVED, Status.IN_PROGRESS)

    number = models.CharField(_("nomor"), max_length=20)
    code = models.CharField(_("kode lacak"), max_length=CODE_LENGTH, unique=True, default=new_code)
    category = models.CharField(_("kategori"), max_length=20, choices=Category.choices)
    text = models.TextField(_("isi pengaduan"))
    photo = models.FileField(
        _("foto"), upload_to=photo_upload_to, storage=private_storage, blank=True
    )
    latitude = models.DecimalField(
        _("lintang"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("bujur"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    anonymous = models.BooleanField(_("tanpa nama"), default=False)
    name = models.CharField(_("nama pelapor"), max_length=120, blank=True)
    phone = models.CharField(_("nomor WhatsApp"), max_length=24, blank=True)
    email = models.EmailField(_("email"), blank=True)
    suspicious = models.CharField(
        _("alasan diduga spam"),
        max_length=300,
        blank=True,
        help_text=_("Diisi pemeriksaan spam; pengaduan ini menunggu dilepas petugas."),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.RECEIVED
    )
    received_on = models.DateField(_("tanggal diterima"))
    due_on = models.DateField(_("batas jawaban"))
    answered_on = models.DateField(_("tanggal dijawab"), null=True, blank=True)
    response_days = models.SmallIntegerField(_("lama jawab (hari kerja)"), null=True, blank=True)
    closed_on = models.DateField(_("tanggal selesai"), null=True, blank=True)
    escalated_at = models.DateTimeField(_("diteruskan"), null=True, blank=True)
    reply = models.TextField(
        _("jawaban untuk pelapor"),
        blank=True,
        help_text=_("Hanya pelapor yang membacanya, di halaman lacak."),
    )
    public_summary = models.TextField(
        _("ringkasan pengaduan untuk publik"),
        blank=True,
        help_text=_("Tanpa nama, alamat rumah atau nomor siapa pun."),
    )
    public_reply = models.TextField(
        _("jawaban untuk publik"),
        blank=True,
        help_text=_("Kosongkan untuk menjawab secara pribadi saja (tidak tampil di situs)."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["received_on", "id"]
        verbose_name = _("pengaduan")
        constraints = [
            models.UniqueConstraint(fields=["village", "number"], name="unique_complaint_number")
        ]
        indexes = [
            models.Index(fields=["village", "status", "due_on"]),
            models.Index(fields=["status", "escalated_at"]),
        ]

    def __str__(self) -> str:
        return self.number

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSES

    @property
    def status_badge(self) -> str:
        """The badge class (styles shared with the other modules' states)."""
        return {
            self.Status.RECEIVED: "submitted",
            self.Status.IN_PROGRESS: "revision",
            self.Status.ANSWERED: "live",
            self.Status.CLOSED: "none",
        }[Complaint.Status(self.status)]

    @property
    def is_escalated(self) -> bool:
        return self.escalated_at is not None

    @property
    def is_public(self) -> bool:
        return bool(self.public_reply) and not self.suspicious

    @property
    def has_point(self) -> bool:
        return self.latitude is not None and self.longitude is not None


class ComplaintEvent(VillageOwned):
    """One line of a complaint's history. `for_complainant` lines appear on the tracking page;
    the others (staff notes, escalation, the kecamatan's and district's notes) only to staff."""

    class Kind(models.TextChoices):
        RECEIVED = "received", _("Pengaduan diterima")
        STATUS = "status", _("Status diubah")
        NOTE = "note", _("Catatan internal")
        REPLY = "reply", _("Jawaban")
        FOLLOW_UP = "follow_up", _("Tanggapan pelapor")
        ESCALATED = "escalated", _("Diteruskan ke kecamatan dan kabupaten")
        INSTRUCTION = "instruction", _("Catatan kecamatan/kabupaten")
        RELEASED = "released", _("Dilepas dari dugaan spam")

    FOR_COMPLAINANT = (Kind.RECEIVED, Kind.STATUS, Kind.REPLY, Kind.FOLLOW_UP)

    public_content: ClassVar[bool] = False

    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    status = models.CharField(max_length=12, choices=Complaint.Status.choices, blank=True)
    text = models.TextField(blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    actor_label = models.CharField(max_length=120, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.complaint_id} {self.kind}"

    @property
    def is_reply(self) -> bool:
        return self.kind == self.Kind.REPLY

    @property
    def for_complainant(self) -> bool:
        return self.kind in self.FOR_COMPLAINANT
