"""Letters from the register (issue 15, "Services at the village counter").

The district keeps the letter types and their templates (`LetterType`, `TemplateVersion`); a
village uses the district's current version, or keeps a local copy (`LocalTemplate` with its own
`LocalVersion`s). Every save of a template is a new version: an issued `Letter` points to the
version it was made from and keeps its own snapshot (the data used and the text), so no later
change of a template alters it.

Letters are numbered per village and year (`LetterCounter`, locked while a letter is issued), as
the village's pattern says (`LetterSettings`). Who uses them: the village's admins and editors
with the "pelayanan" permission issue and revoke letters; the public verification page shows a
letter's metadata only (never the NIK, the address or the birth date); the district sees monthly
counts per type.
"""

from __future__ import annotations

import secrets
from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from balai.lib.storage import private_storage
from balai.villages.models import VillageOwned

DEFAULT_PATTERN = "{kode}/{urut}/{bulan_romawi}/{tahun}"


class FieldKind(models.TextChoices):
    """The kinds of field a template may ask the operator for."""

    TEXT = "teks", _("teks")
    DATE = "tanggal", _("tanggal")
    NUMBER = "angka", _("angka")
    CHOICE = "pilihan", _("pilihan")


class Paper(models.TextChoices):
    A4 = "a4", _("A4 (210 × 297 mm)")
    F4 = "f4", _("F4 (215 × 330 mm)")


class LetterType(models.Model):
    """A kind of letter the district offers (keterangan domisili, pengantar SKCK…). Its `key`
    is shared with the service catalogue; `current` is the version villages adopt."""

    key = models.SlugField(_("kunci"), max_length=40, unique=True)
    order = models.PositiveSmallIntegerField(default=0)
    needs_living = models.BooleanField(
        _("hanya untuk penduduk yang masih hidup dan tinggal di desa"), default=True
    )
    current = models.ForeignKey(
        "TemplateVersion", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["order", "key"]

    def __str__(self) -> str:
        return self.current.title if self.current else self.key


class TemplateFields(models.Model):
    """What a version holds, shared by the district's and a village's versions."""

    title = models.CharField(_("judul surat"), max_length=120)
    code = models.CharField(
        _("kode klasifikasi arsip"),
        max_length=20,
        help_text=_("Kode klasifikasi arsip (Permendagri 83/2022), mis. 470 atau 474.1."),
    )
    body = models.TextField(_("isi templat"))
    fields = models.JSONField(_("isian untuk petugas"), default=list, blank=True)
    number = models.PositiveIntegerField(_("versi"))
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{self.title} v{self.number}"


class TemplateVersion(TemplateFields):
    """One saved version of a district template; never changed after it is written."""

    letter_type = models.ForeignKey(LetterType, on_delete=models.CASCADE, related_name="versions")

    class Meta:
        ordering = ["letter_type", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["letter_type", "number"], name="unique_template_version"
            )
        ]


class LocalTemplate(VillageOwned):
    """A village's own copy of one letter type; `active` says the village uses it instead of
    the district's version (switching back keeps the copy's history)."""

    public_content: ClassVar[bool] = False

    letter_type = models.ForeignKey(LetterType, on_delete=models.PROTECT, related_name="+")
    active = models.BooleanField(default=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["village", "letter_type"], name="unique_local_template")
        ]


class LocalVersion(TemplateFields, VillageOwned):
    """One saved version of a village's local copy."""

    public_content: ClassVar[bool] = False

    local = models.ForeignKey(LocalTemplate, on_delete=models.PROTECT, related_name="versions")

    class Meta:
        ordering = ["local", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["local", "number"], name="unique_local_version")
        ]


class LetterSettings(VillageOwned):
    """The village's numbering pattern and paper size."""

    public_content: ClassVar[bool] = False

    village = models.OneToOneField(
        "villages.Village", on_delete=models.PROTECT, related_name="letter_settings"
    )
    number_pattern = models.CharField(
        _("pola nomor surat"),
        max_length=80,
        default=DEFAULT_PATTERN,
        help_text=_(
            "Gunakan {kode}, {urut}, {bulan_romawi}, {tahun} dan {kode_desa}; {urut} wajib ada."
        ),
    )
    counter_per_code = models.BooleanField(
        _("nomor urut terpisah per kode klasifikasi"),
        default=False,
        help_text=_("Bila tidak dicentang, semua surat berbagi satu nomor urut per tahun."),
    )
    paper = models.CharField(
        _("ukuran kertas"), max_length=2, choices=Paper.choices, default=Paper.A4
    )


class LetterCounter(VillageOwned):
    """The last number used in one village, year (and classification code, if the village
    numbers per code). Locked while a letter is issued, so two letters never share a number; the
    number is taken in the transaction that writes the letter, so a failed issue skips none."""

    public_content: ClassVar[bool] = False

    year = models.PositiveSmallIntegerField()
    code = models.CharField(max_length=20, blank=True)
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["village", "year", "code"], name="unique_letter_counter"
            )
        ]


def letter_upload_to(instance: Any, filename: str) -> str:
    return f"surat/{secrets.token_hex(16)}.pdf"


def new_verify_code() -> str:
    return secrets.token_urlsafe(18)


class Letter(VillageOwned):
    """One issued letter with the data and text it was made from and its PDF (private storage).
    Seen by the village's service staff; its metadata by anyone holding the QR code."""

    public_content: ClassVar[bool] = False

    letter_type = models.ForeignKey(LetterType, on_delete=models.PROTECT, related_name="+")
    district_version = models.ForeignKey(
        TemplateVersion, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    local_version = models.ForeignKey(
        LocalVersion, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField(_("jenis surat"), max_length=120)
    code = models.CharField(_("kode klasifikasi"), max_length=20)
    number = models.CharField(_("nomor surat"), max_length=80)
    year = models.PositiveSmallIntegerField()
    sequence = models.PositiveIntegerField()
    issued_on = models.DateField(_("tanggal surat"))
    issued_at = models.DateTimeField(auto_now_add=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    resident = models.ForeignKey(
        "population.Resident", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    resident_name = models.CharField(_("nama penduduk"), max_length=120)
    # The name in capitals, searched with a plain LIKE (no UPPER() on every row of the archive).
    resident_key = models.CharField(max_length=120, editable=False, default="")
    signer_name = models.CharField(_("penanda tangan"), max_length=120)
    signer_position = models.CharField(_("jabatan penanda tangan"), max_length=120)
    on_behalf = models.BooleanField(_("atas nama kepala desa"), default=False)
    values = models.JSONField(default=dict)  # what the operator typed
    data = models.JSONField(default=dict)  # every field the text used, as printed
    text = models.TextField()  # the rendered body, as printed
    paper = models.CharField(max_length=2, choices=Paper.choices, default=Paper.A4)
    verify_code = models.CharField(max_length=32, unique=True, default=new_verify_code)
    pdf = models.FileField(upload_to=letter_upload_to, storage=private_storage, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_reason = models.CharField(_("alasan pembatalan"), max_length=200, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-issued_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["village", "number"], name="unique_letter_number")
        ]
        indexes = [
            models.Index(fields=["village", "-issued_on"]),
            models.Index(fields=["village", "letter_type", "issued_on"]),
            models.Index(fields=["village", "resident_key"]),
        ]

    def __str__(self) -> str:
        return self.number

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None
