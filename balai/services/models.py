"""Services at the village counter: the catalogue of services with their service standard
(Permenpan-RB 15/2014 components as Permendagri 2/2017 asks of a village) and the requests
residents send online for one of them.

DefaultService is the district's list (kept on the district dashboard); each village gets its own
copy as Service rows when its site is provisioned and edits them freely. ServiceRequest is a
resident's online request: personal (name, NIK, phone), seen only by the village's staff, and
followed by the resident through a tracking code. RequestMessage and RequestFile are the
conversation and the photographed documents, kept in private storage.
"""

from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from balai.lib.storage import private_storage, random_upload_name
from balai.villages.models import VillageOwned

# The letter templates a service may produce (balai/letters names its templates by these keys).
LETTER_CHOICES = [
    ("domisili", _("Surat keterangan domisili")),
    ("usaha", _("Surat keterangan usaha")),
    ("tidak-mampu", _("Surat keterangan tidak mampu")),
    ("kelahiran", _("Surat keterangan kelahiran")),
    ("kematian", _("Surat keterangan kematian")),
    ("pindah", _("Surat pengantar pindah")),
    ("skck", _("Surat pengantar SKCK")),
    ("penghasilan-ortu", _("Surat keterangan penghasilan orang tua")),
    ("beda-identitas", _("Surat keterangan beda identitas")),
    ("kehilangan", _("Surat keterangan kehilangan")),
    ("keramaian", _("Surat izin keramaian")),
    ("bepergian", _("Surat keterangan bepergian")),
    ("nikah", _("Surat pengantar nikah")),
    ("umum", _("Surat keterangan umum")),
    ("biodata", _("Biodata penduduk")),
]
LETTER_KEYS = frozenset(key for key, _label in LETTER_CHOICES)

# Slugs the public URLs use for their own pages (/layanan/lacak/): no service may take them.
RESERVED_SLUGS = frozenset({"lacak"})


class ServiceStandard(models.Model):
    """The fields of a service standard, shared by the district's list and a village's copy."""

    name = models.CharField(_("nama layanan"), max_length=120)
    slug = models.SlugField(
        _("alamat"), max_length=60, help_text=_("Bagian alamat halaman, misalnya surat-domisili.")
    )
    summary = models.CharField(
        _("ringkasan"), max_length=240, blank=True, help_text=_("Satu kalimat di daftar layanan.")
    )
    letter_key = models.CharField(
        _("templat surat"),
        max_length=30,
        blank=True,
        choices=LETTER_CHOICES,
        help_text=_("Surat yang dihasilkan layanan ini; kosongkan untuk layanan tanpa surat."),
    )
    online = models.BooleanField(
        _("dapat diajukan online"),
        default=False,
        help_text=_("Warga dapat mengirim permohonan lewat situs desa."),
    )
    requirements = models.TextField(
        _("persyaratan"), blank=True, help_text=_("Satu persyaratan per baris.")
    )
    procedure = models.TextField(
        _("prosedur"), blank=True, help_text=_("Satu langkah per baris, berurutan.")
    )
    duration_days = models.PositiveSmallIntegerField(
        _("jangka waktu (hari kerja)"),
        default=1,
        help_text=_("Janji waktu penyelesaian dalam hari kerja; 0 berarti selesai hari itu juga."),
    )
    cost = models.CharField(
        _("biaya/tarif"), max_length=200, default="Gratis (tidak dipungut biaya)"
    )
    product = models.CharField(_("produk layanan"), max_length=200, blank=True)
    officer = models.CharField(
        _("petugas"), max_length=200, blank=True, help_text=_("Jabatan yang melayani.")
    )
    complaints = models.TextField(
        _("penanganan pengaduan"),
        blank=True,
        help_text=_("Ke mana dan bagaimana warga menyampaikan pengaduan, saran dan masukan."),
    )
    legal_basis = models.TextField(_("dasar hukum"), blank=True)
    link = models.URLField(
        _("tautan"),
        blank=True,
        help_text=_("Untuk layanan di tempat lain (misalnya kanal pengaduan): alamat lengkapnya."),
    )
    order = models.PositiveSmallIntegerField(_("urutan"), default=100)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.name

    @property
    def requirement_lines(self) -> list[str]:
        return [line.strip() for line in self.requirements.splitlines() if line.strip()]

    @property
    def procedure_steps(self) -> list[str]:
        return [line.strip() for line in self.procedure.splitlines() if line.strip()]

    @property
    def is_letter(self) -> bool:
        return bool(self.letter_key)


class DefaultService(ServiceStandard):
    """The district's default service, copied into every new village's catalogue. District
    admins keep the list on the district dashboard; a village's copy is its own after that."""

    slug = models.SlugField(_("alamat"), max_length=60, unique=True)
    is_active = models.BooleanField(
        _("disalin ke desa baru"), default=True, help_text=_("Tidak aktif: tidak disalin lagi.")
    )

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("layanan bawaan kabupaten")


class Service(VillageOwned, ServiceStandard):
    """One service of a village's counter, with its service standard, on /layanan/<slug>/.
    Village staff edit it; residents read it and, when `online`, request it."""

    public_content: ClassVar[bool] = True

    default_slug = models.SlugField(max_length=60, blank=True, editable=False)
    is_published = models.BooleanField(_("tampil di situs"), default=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("layanan")
        constraints = [
            models.UniqueConstraint(fields=["village", "slug"], name="unique_service_slug")
        ]

    @property
    def can_request_online(self) -> bool:
        return self.online and self.is_published and not self.link


def request_file_upload_to(instance: Any, filename: str) -> str:
    return random_upload_name("layanan", filename)


class ServiceRequest(VillageOwned):
    """A resident's online request for a service. Personal: the village's staff see it (audit
    logged); the resident follows it by its tracking code and never sees the register."""

    public_content: ClassVar[bool] = False

    class Status(models.TextChoices):
        SUBMITTED = "diajukan", _("Diajukan")
        PROCESSING = "diproses", _("Diproses")
        NEEDS_MORE = "perlu-dilengkapi", _("Perlu dilengkapi")
        READY = "siap-diambil", _("Siap diambil")
        DONE = "selesai", _("Selesai")
        REJECTED = "ditolak", _("Ditolak")

    OPEN: ClassVar[tuple[str, ...]] = (
        Status.SUBMITTED,
        Status.PROCESSING,
        Status.NEEDS_MORE,
        Status.READY,
    )

    service = models.ForeignKey(Service, on_delete=models.PROTECT, related_name="requests")
    code = models.CharField(_("kode pelacakan"), max_length=12, unique=True)
    name = models.CharField(_("nama"), max_length=120)
    nik = models.CharField(_("NIK"), max_length=16)
    phone = models.CharField(_("nomor HP/WhatsApp"), max_length=20)
    email = models.EmailField(_("email"), blank=True)
    purpose = models.TextField(_("keperluan"), max_length=1000)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.SUBMITTED
    )
    resident = models.ForeignKey(
        "population.Resident",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("penduduk"),
    )
    submitted_at = models.DateTimeField(_("diajukan"), default=timezone.now)
    due_on = models.DateField(_("janji selesai"))
    updated_at = models.DateTimeField(auto_now=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    reject_reason = models.TextField(_("alasan penolakan"), blank=True)
    letter = models.ForeignKey(
        "letters.Letter",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Surat yang diterbitkan di Balai dari permohonan ini."),
    )
    letter_pdf = models.FileField(
        _("PDF surat"), upload_to=request_file_upload_to, storage=private_storage, blank=True
    )
    download_open = models.BooleanField(default=False)
    downloaded_at = models.DateTimeField(null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["submitted_at", "id"]
        verbose_name = _("permohonan layanan")
        indexes = [models.Index(fields=["village", "status", "submitted_at"])]

    def __str__(self) -> str:
        return self.code

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN

    @property
    def needs_more(self) -> bool:
        return self.status == self.Status.NEEDS_MORE

    @property
    def is_ready(self) -> bool:
        return self.status == self.Status.READY

    @property
    def is_done(self) -> bool:
        return self.status == self.Status.DONE

    @property
    def is_rejected(self) -> bool:
        return self.status == self.Status.REJECTED

    @property
    def status_badge(self) -> str:
        """The badge class of the state (templates compare no strings)."""
        return {
            self.Status.NEEDS_MORE: "badge-revision",
            self.Status.READY: "badge-live",
            self.Status.DONE: "badge-published",
            self.Status.REJECTED: "badge-suspended",
        }.get(self.status, "badge-draft")  # type: ignore[call-overload]

    @property
    def phone_last4(self) -> str:
        return self.phone[-4:]


class RequestMessage(VillageOwned):
    """One message on a request: staff asking for more (the resident sees it on the tracking
    page), or the resident's answer."""

    public_content: ClassVar[bool] = False

    request = models.ForeignKey(ServiceRequest, on_delete=models.CASCADE, related_name="messages")
    from_staff = models.BooleanField(default=False)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = models.TextField(_("pesan"), max_length=2000)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]


class RequestFile(VillageOwned):
    """A document the resident sent (a photo re-encoded, or a checked PDF): private storage,
    served only to the village's staff, each view audit-logged."""

    public_content: ClassVar[bool] = False

    request = models.ForeignKey(ServiceRequest, on_delete=models.CASCADE, related_name="files")
    message = models.ForeignKey(
        RequestMessage, null=True, blank=True, on_delete=models.CASCADE, related_name="files"
    )
    file = models.FileField(upload_to=request_file_upload_to, storage=private_storage)
    width = models.PositiveIntegerField(default=0)
    height = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["id"]

    @property
    def is_pdf(self) -> bool:
        return (self.file.name or "").endswith(".pdf")
