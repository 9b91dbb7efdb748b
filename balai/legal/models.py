"""The register of a desa's legal acts (produk hukum desa, Permendagri 111/2014): Peraturan
Desa, Peraturan Bersama Kepala Desa, Peraturan Kepala Desa and Keputusan Kepala Desa.

Acts are public documents: the public reads them on /produk-hukum/, the DIP links the Perdes on
RPJM Desa, RKP Desa and APB Desa to its checklist items, the district's JDIH harvests them from
/produk-hukum/jdih.json (docs/jdih.md) and the district dashboard counts which desa published
their APB Desa Perdes. Village admins (and mentors, district admins) keep the register.

An act may amend (`mengubah`) or revoke (`mencabut`) one earlier act of the same village; the
target's status follows from the acts that point at it (services.act_status_refresh).
"""

from __future__ import annotations

from typing import Any, ClassVar

from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from balai.lib.storage import random_upload_name as _random_name
from balai.villages.models import VillageOwned


def act_upload_to(instance: Any, filename: str) -> str:
    return _random_name("produk-hukum", filename)


class LegalAct(VillageOwned):
    """One legal act of a desa, with the JDIH metadata the district's legal documentation
    network takes (docs/jdih.md)."""

    public_content: ClassVar[bool] = True

    class Kind(models.TextChoices):
        PERDES = "perdes", _("Peraturan Desa")
        PERBERSAMA = "perbersama", _("Peraturan Bersama Kepala Desa")
        PERKADES = "perkades", _("Peraturan Kepala Desa")
        KEPDES = "kepdes", _("Keputusan Kepala Desa")

    class Status(models.TextChoices):
        BERLAKU = "berlaku", _("Berlaku")
        DIUBAH = "diubah", _("Diubah")
        DICABUT = "dicabut", _("Dicabut")

    class Relation(models.TextChoices):
        NONE = "", _("Tidak ada")
        AMENDS = "amends", _("Mengubah")
        REVOKES = "revokes", _("Mencabut")

    class Topic(models.TextChoices):
        OTHER = "", _("Lainnya")
        RPJMDES = "rpjmdes", _("RPJM Desa")
        RKPDES = "rkpdes", _("RKP Desa")
        APBDES = "apbdes", _("APB Desa")

    kind = models.CharField(_("jenis"), max_length=12, choices=Kind.choices)
    number = models.CharField(
        _("nomor"),
        max_length=40,
        help_text=_("Seperti tertulis di naskah, misalnya 5 atau 141/12."),
    )
    year = models.PositiveSmallIntegerField(_("tahun"), editable=False)
    title = models.CharField(
        _("judul (tentang)"),
        max_length=300,
        help_text=_("Tanpa jenis dan nomor, misalnya: Anggaran Pendapatan dan Belanja Desa 2026."),
    )
    slug = models.SlugField(max_length=80, editable=False)
    enacted_on = models.DateField(_("tanggal penetapan"))
    enacted_place = models.CharField(
        _("tempat penetapan"), max_length=80, blank=True, help_text=_("Biasanya nama desa.")
    )
    promulgated_on = models.DateField(_("tanggal pengundangan"), null=True, blank=True)
    gazette_number = models.CharField(
        _("nomor Lembaran/Berita Desa"),
        max_length=40,
        blank=True,
        help_text=_(
            "Peraturan Desa diundangkan dalam Lembaran Desa; Peraturan Kepala Desa dan "
            "Peraturan Bersama dalam Berita Desa. Keputusan tidak diundangkan."
        ),
    )
    signer = models.CharField(
        _("penandatangan"), max_length=120, blank=True, help_text=_("Misalnya: Kepala Desa.")
    )
    initiator = models.CharField(
        _("pemrakarsa"),
        max_length=120,
        blank=True,
        default="Pemerintah Desa",
        help_text=_("Pemerintah Desa atau BPD."),
    )
    legal_field = models.CharField(
        _("bidang hukum"),
        max_length=80,
        blank=True,
        help_text=_("Misalnya: Keuangan Desa, Perencanaan Pembangunan, Pemerintahan Desa."),
    )
    subjects = models.CharField(
        _("subjek"),
        max_length=300,
        blank=True,
        help_text=_("Kata kunci dipisah koma, misalnya: anggaran, keuangan desa."),
    )
    language = models.CharField(_("bahasa"), max_length=40, default="Indonesia")
    abstract = models.TextField(_("abstrak"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.BERLAKU
    )
    status_note = models.CharField(
        _("keterangan status"),
        max_length=200,
        blank=True,
        help_text=_(
            "Bila diubah atau dicabut oleh peraturan yang tidak ada di daftar ini (misalnya "
            "Peraturan Bupati), tulis peraturan itu di sini."
        ),
    )
    relation = models.CharField(
        _("hubungan dengan produk hukum lain"),
        max_length=8,
        choices=Relation.choices,
        blank=True,
        default="",
    )
    target = models.ForeignKey(
        "self",
        verbose_name=_("produk hukum yang diubah/dicabut"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="changed_by",
    )
    topic = models.CharField(
        _("dokumen perencanaan/anggaran"),
        max_length=8,
        choices=Topic.choices,
        blank=True,
        default="",
        help_text=_("Dipakai untuk menautkan Daftar Informasi Publik ke produk hukum ini."),
    )
    period_from = models.PositiveSmallIntegerField(_("berlaku untuk tahun"), null=True, blank=True)
    period_to = models.PositiveSmallIntegerField(_("sampai tahun"), null=True, blank=True)
    file = models.FileField(_("naskah (PDF)"), upload_to=act_upload_to, blank=True)
    external_url = models.URLField(
        _("tautan naskah"),
        blank=True,
        help_text=_("Bila naskah sudah ada di situs lain, misalnya JDIH kabupaten."),
    )
    published = models.BooleanField(
        _("tayangkan di situs desa"),
        default=True,
        help_text=_("Produk hukum yang belum tayang tidak muncul di situs dan JDIH."),
    )
    import_key = models.CharField(max_length=60, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-enacted_on", "-id"]
        verbose_name = _("produk hukum desa")
        verbose_name_plural = _("produk hukum desa")
        constraints = [
            models.UniqueConstraint(fields=["village", "slug"], name="unique_legal_act_slug"),
            models.UniqueConstraint(
                fields=["village", "kind", "year", "number"], name="unique_legal_act_number"
            ),
            models.UniqueConstraint(
                fields=["village", "import_key"],
                condition=~models.Q(import_key=""),
                name="unique_legal_act_import_key",
            ),
        ]
        indexes = [models.Index(fields=["village", "topic", "kind"], name="legal_act_topic")]

    def __str__(self) -> str:
        return self.citation

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.year = self.enacted_on.year
        self.slug = act_slug(self.kind, self.year, self.number)
        super().save(*args, **kwargs)

    @property
    def short_kind(self) -> str:
        return SHORT_KINDS[self.kind]

    @property
    def citation(self) -> str:
        """`Peraturan Desa Nomor 5 Tahun 2025`."""
        return f"{KIND_LABELS[self.kind]} Nomor {self.number} Tahun {self.year}"

    @property
    def gazette_name(self) -> str:
        """Where the act was promulgated: Lembaran Desa (Perdes), Berita Desa (the others but a
        Keputusan, which is not promulgated). Names of the gazettes, never translated."""
        if self.kind == self.Kind.PERDES:
            return "Lembaran Desa"
        if self.kind == self.Kind.KEPDES:
            return ""
        return "Berita Desa"

    @property
    def source(self) -> str:
        """`Lembaran Desa Dagan Tahun 2025 Nomor 5` (JDIH `sumber`), or ''."""
        if not self.gazette_number or not self.gazette_name:
            return ""
        gazette_year = self.promulgated_on.year if self.promulgated_on else self.year
        name = self.village.name
        return f"{self.gazette_name} {name} Tahun {gazette_year} Nomor {self.gazette_number}"

    @property
    def subject_list(self) -> list[str]:
        return split_subjects(self.subjects)

    @property
    def period_label(self) -> str:
        if not self.period_from:
            return ""
        if not self.period_to or self.period_to == self.period_from:
            return str(self.period_from)
        return f"{self.period_from}–{self.period_to}"

    @property
    def is_revoked(self) -> bool:
        return self.status == self.Status.DICABUT

    @property
    def is_amended(self) -> bool:
        return self.status == self.Status.DIUBAH

    @property
    def amends(self) -> bool:
        return self.relation == self.Relation.AMENDS

    @property
    def revokes(self) -> bool:
        return self.relation == self.Relation.REVOKES

    @property
    def has_document(self) -> bool:
        return bool(self.file or self.external_url)


# The names of the kinds as the law writes them, in Indonesian whatever the visitor's language:
# a citation is the act's name, not a label (also cheaper than get_kind_display per row).
KIND_LABELS: dict[str, str] = {
    LegalAct.Kind.PERDES: "Peraturan Desa",
    LegalAct.Kind.PERBERSAMA: "Peraturan Bersama Kepala Desa",
    LegalAct.Kind.PERKADES: "Peraturan Kepala Desa",
    LegalAct.Kind.KEPDES: "Keputusan Kepala Desa",
}
SHORT_KINDS: dict[str, str] = {
    LegalAct.Kind.PERDES: "Perdes",
    LegalAct.Kind.PERBERSAMA: "Perber Kades",
    LegalAct.Kind.PERKADES: "Perkades",
    LegalAct.Kind.KEPDES: "Kepdes",
}


def act_slug(kind: str, year: int, number: str) -> str:
    """`perdes-2025-5`; `141/12` gives `141-12`. Stable while kind, year and number are."""
    return slugify(f"{kind}-{year}-{number.replace('/', '-').replace('.', '-')}")[:80]


def split_subjects(text: str) -> list[str]:
    seen: list[str] = []
    for part in text.split(","):
        word = " ".join(part.split()).lower()
        if word and word not in seen:
            seen.append(word)
    return seen
