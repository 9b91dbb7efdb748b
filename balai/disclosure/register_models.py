"""The two registers of the PPID Desa: information requests and objections (keberatan).

Requester identity (name, address, contact, NIK) is personal data: it appears only in the
village dashboard and its exports (audit-logged), never on /ppid/ or the tracking page.
"""

from __future__ import annotations

from typing import ClassVar

from django.db import models
from django.utils.translation import gettext_lazy as _

from balai.lib.storage import private_storage
from balai.villages.models import VillageOwned

from .models import answer_upload_to, new_token


class InfoRequest(VillageOwned):
    """A request for public information, filed online or entered by staff (walk-in, letter,
    email); answered by the PPID on a clock of 10 working days (+ one extension of ≤ 7)."""

    public_content: ClassVar[bool] = True

    class Channel(models.TextChoices):
        WEB = "web", _("Situs web")
        WALK_IN = "walk_in", _("Datang langsung")
        LETTER = "letter", _("Surat")
        EMAIL = "email", _("Email")

    class Obtain(models.TextChoices):
        VIEW = "view", _("Melihat, membaca, mendengarkan atau mencatat")
        COPY = "copy", _("Mendapatkan salinan")

    class Format(models.TextChoices):
        SOFT = "soft", _("Softcopy")
        HARD = "hard", _("Hardcopy")

    class Delivery(models.TextChoices):
        PICKUP = "pickup", _("Mengambil langsung")
        EMAIL = "email", _("Email")
        POST = "post", _("Pos")

    class Decision(models.TextChoices):
        GRANTED = "granted", _("Diberikan")
        PARTLY = "partly", _("Diberikan sebagian")
        REFUSED = "refused", _("Ditolak")
        NOT_HELD = "not_held", _("Tidak dikuasai")

    number = models.CharField(_("nomor registrasi"), max_length=30)
    token = models.CharField(max_length=32, unique=True, default=new_token, editable=False)
    channel = models.CharField(_("cara permohonan"), max_length=10, choices=Channel.choices)
    name = models.CharField(_("nama pemohon"), max_length=120)
    address = models.CharField(_("alamat"), max_length=255)
    phone = models.CharField(_("nomor telepon/WhatsApp"), max_length=20, blank=True)
    email = models.EmailField(_("email"), blank=True)
    occupation = models.CharField(_("pekerjaan"), max_length=80, blank=True)
    id_number = models.CharField(_("nomor KTP/NIK"), max_length=16)
    information = models.TextField(_("rincian informasi yang dibutuhkan"))
    purpose = models.TextField(_("tujuan penggunaan informasi"))
    obtain = models.CharField(_("cara memperoleh"), max_length=10, choices=Obtain.choices)
    format = models.CharField(_("bentuk salinan"), max_length=10, choices=Format.choices)
    delivery = models.CharField(_("cara pengiriman"), max_length=10, choices=Delivery.choices)
    received_on = models.DateField(_("tanggal diterima"))
    due_on = models.DateField(_("batas jawaban"))
    extended_on = models.DateField(_("tanggal perpanjangan"), null=True, blank=True)
    extension_reason = models.TextField(_("alasan perpanjangan"), blank=True)
    decision = models.CharField(_("keputusan"), max_length=10, choices=Decision.choices, blank=True)
    decided_on = models.DateField(_("tanggal jawaban"), null=True, blank=True)
    answer = models.TextField(_("isi jawaban"), blank=True)
    redaction_reason = models.TextField(_("bagian yang dihitamkan dan alasannya"), blank=True)
    exemption_ground = models.TextField(_("dasar pengecualian"), blank=True)
    holder = models.CharField(_("badan publik yang menguasai"), max_length=200, blank=True)
    cost = models.PositiveIntegerField(_("biaya (Rp)"), default=0)
    answer_file = models.FileField(
        _("berkas jawaban"), upload_to=answer_upload_to, storage=private_storage, blank=True
    )
    response_days = models.SmallIntegerField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-received_on", "-id"]
        verbose_name = _("permohonan informasi")
        constraints = [
            models.UniqueConstraint(fields=["village", "number"], name="unique_request_number")
        ]
        indexes = [models.Index(fields=["village", "decision", "due_on"])]

    def __str__(self) -> str:
        return self.number

    @property
    def is_open(self) -> bool:
        return not self.decision

    @property
    def is_extended(self) -> bool:
        return self.extended_on is not None

    @property
    def was_late(self) -> bool:
        return bool(self.decided_on and self.decided_on > self.due_on)


class Objection(VillageOwned):
    """A keberatan against the answer (or silence) on a request, on the grounds of Pasal 35
    UU 14/2008; answered by the Atasan PPID within 30 working days."""

    public_content: ClassVar[bool] = True

    class Ground(models.TextChoices):
        EXEMPTION = "a", _("Permohonan ditolak dengan alasan pengecualian")
        NOT_PUBLISHED = "b", _("Informasi berkala tidak disediakan")
        NO_RESPONSE = "c", _("Permohonan tidak ditanggapi")
        NOT_AS_ASKED = "d", _("Permohonan ditanggapi tidak sebagaimana yang diminta")
        NOT_FULFILLED = "e", _("Permohonan tidak dipenuhi")
        COST = "f", _("Biaya yang dikenakan tidak wajar")
        LATE = "g", _("Informasi disampaikan melebihi jangka waktu")

    class Decision(models.TextChoices):
        UPHELD = "upheld", _("Keberatan diterima")
        REJECTED = "rejected", _("Keberatan ditolak")

    request = models.ForeignKey(InfoRequest, on_delete=models.CASCADE, related_name="objections")
    number = models.CharField(_("nomor keberatan"), max_length=30)
    grounds = models.JSONField(_("alasan keberatan"), default=list)
    statement = models.TextField(_("uraian keberatan"))
    filed_on = models.DateField(_("tanggal diterima"))
    due_on = models.DateField(_("batas tanggapan"))
    decision = models.CharField(_("keputusan"), max_length=10, choices=Decision.choices, blank=True)
    answer = models.TextField(_("tanggapan Atasan PPID"), blank=True)
    decided_on = models.DateField(_("tanggal tanggapan"), null=True, blank=True)
    decided_by = models.CharField(_("nama Atasan PPID"), max_length=120, blank=True)
    dispute_by = models.DateField(_("batas sengketa ke Komisi Informasi"), null=True, blank=True)

    class Meta:
        ordering = ["-filed_on", "-id"]
        verbose_name = _("keberatan")
        constraints = [
            models.UniqueConstraint(fields=["village", "number"], name="unique_objection_number")
        ]

    def __str__(self) -> str:
        return self.number

    @property
    def ground_labels(self) -> list[str]:
        labels = dict(self.Ground.choices)
        return [str(labels.get(g, g)) for g in self.grounds]

    @property
    def is_open(self) -> bool:
        return not self.decision
