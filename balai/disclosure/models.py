"""PPID Desa: the village's public-information service under UU 14/2008 and Perki 1/2018.

PpidProfile (who serves, under which Perdes), DipItem (the Daftar Informasi Publik, per year),
EmergencyNotice (serta-merta information), InfoRequest and Objection (the two registers on the
statutory clock), and LocalHoliday (district-wide days off that stop the clock). Kelurahan have
no PPID Desa: nothing here is made for them.
"""

from __future__ import annotations

import secrets
from typing import Any, ClassVar

from django.db import models
from django.utils.translation import gettext_lazy as _

from balai.lib.storage import random_upload_name as _random_name
from balai.villages.models import VillageOwned


def perdes_upload_to(instance: Any, filename: str) -> str:
    return _random_name("ppid/perdes", filename)


def dip_upload_to(instance: Any, filename: str) -> str:
    return _random_name("ppid/dip", filename)


def answer_upload_to(instance: Any, filename: str) -> str:
    return _random_name("ppid/jawaban", filename)


def new_token() -> str:
    return secrets.token_urlsafe(18)


class LocalHoliday(models.Model):
    """A district-wide day off (e.g. Hari Jadi Kabupaten) that stops the PPID clock in every
    village. Kept by district admins; the install is the district, so it has no village."""

    date = models.DateField(_("tanggal"), unique=True)
    name = models.CharField(_("nama hari libur"), max_length=120)

    class Meta:
        ordering = ["date"]
        verbose_name = _("hari libur daerah")

    def __str__(self) -> str:
        return f"{self.date} {self.name}"


class PpidProfile(VillageOwned):
    """Who runs the village's information service and on what terms; shown on /ppid/."""

    public_content: ClassVar[bool] = True

    village = models.OneToOneField(
        "villages.Village", on_delete=models.PROTECT, related_name="ppid_profile"
    )
    ppid_name = models.CharField(_("nama PPID"), max_length=120, blank=True)
    ppid_position = models.CharField(
        _("jabatan PPID"),
        max_length=120,
        default="Sekretaris Desa",
        help_text=_("Biasanya Sekretaris Desa."),
    )
    atasan_name = models.CharField(_("nama Atasan PPID"), max_length=120, blank=True)
    atasan_position = models.CharField(
        _("jabatan Atasan PPID"),
        max_length=120,
        default="Kepala Desa",
        help_text=_("Biasanya Kepala Desa; menjawab keberatan."),
    )
    perdes_number = models.CharField(
        _("nomor Perdes/Perkades layanan informasi"), max_length=120, blank=True
    )
    perdes_date = models.DateField(_("tanggal Perdes"), null=True, blank=True)
    perdes_file = models.FileField(_("berkas Perdes (PDF)"), upload_to=perdes_upload_to, blank=True)
    service_hours = models.TextField(
        _("jam layanan informasi"), blank=True, help_text=_("Misalnya: Senin–Jumat 08.00–15.00")
    )
    procedure = models.TextField(
        _("alur layanan"), blank=True, help_text=_("Satu langkah per baris.")
    )
    pledge = models.TextField(_("maklumat pelayanan"), blank=True)
    cost_policy = models.TextField(
        _("biaya"),
        blank=True,
        default="Layanan informasi tidak dipungut biaya. Biaya penggandaan dan pengiriman "
        "ditanggung pemohon sesuai biaya yang sebenarnya.",
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("profil PPID desa")

    def __str__(self) -> str:
        return f"PPID {self.village}"

    @property
    def procedure_steps(self) -> list[str]:
        return [line.strip() for line in self.procedure.splitlines() if line.strip()]


class DipItem(VillageOwned):
    """One line of the village's Daftar Informasi Publik for a year. Seeded from the Perki
    1/2018 checklist (checklist_key); the public sees it on /ppid/ and as CSV."""

    public_content: ClassVar[bool] = True

    class Category(models.TextChoices):
        BERKALA = "berkala", _("Berkala")
        SERTA_MERTA = "serta_merta", _("Serta-merta")
        SETIAP_SAAT = "setiap_saat", _("Tersedia setiap saat")
        DIKECUALIKAN = "dikecualikan", _("Dikecualikan")

    year = models.PositiveSmallIntegerField(_("tahun"))
    category = models.CharField(_("golongan"), max_length=15, choices=Category.choices)
    checklist_key = models.CharField(max_length=40, blank=True, editable=False)
    title = models.CharField(_("judul informasi"), max_length=200)
    summary = models.TextField(_("ringkasan isi"), blank=True)
    responsible = models.CharField(
        _("pejabat yang menguasai"),
        max_length=120,
        blank=True,
        help_text=_("Misalnya: Kaur Keuangan"),
    )
    made_on = models.DateField(_("tanggal pembuatan"), null=True, blank=True)
    format = models.CharField(
        _("bentuk informasi"), max_length=60, blank=True, default="Softcopy dan hardcopy"
    )
    retention = models.CharField(
        _("jangka waktu penyimpanan"), max_length=60, blank=True, default="5 tahun"
    )
    file = models.FileField(_("berkas (PDF)"), upload_to=dip_upload_to, blank=True)
    page_name = models.CharField(
        _("halaman situs"),
        max_length=60,
        blank=True,
        help_text=_("Halaman di situs desa yang memuat informasi ini, bukan unggahan."),
    )
    link = models.URLField(_("tautan lain"), blank=True)
    legal_ground = models.TextField(
        _("dasar hukum pengecualian"),
        blank=True,
        help_text=_("Hanya untuk informasi dikecualikan: pasal UU 14/2008 yang dipakai."),
    )
    consequence_test = models.TextField(
        _("uji konsekuensi"),
        blank=True,
        help_text=_("Hanya untuk informasi dikecualikan: akibat bila informasi dibuka."),
    )
    order = models.PositiveSmallIntegerField(default=100)

    class Meta:
        ordering = ["year", "category", "order", "id"]
        verbose_name = _("butir DIP")
        constraints = [
            models.UniqueConstraint(
                fields=["village", "year", "checklist_key"],
                condition=~models.Q(checklist_key=""),
                name="unique_dip_checklist_item",
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_exempt(self) -> bool:
        return self.category == self.Category.DIKECUALIKAN


class EmergencyNotice(VillageOwned):
    """Serta-merta information (Perki 1/2018): the eight elements of a hazard notice. While
    active it is a banner on every page of the village site."""

    public_content: ClassVar[bool] = True

    title = models.CharField(_("judul pengumuman"), max_length=160)
    hazard = models.TextField(_("potensi bahaya dan besaran dampaknya"))
    affected = models.TextField(_("pihak yang berpotensi terkena dampak"))
    evacuation = models.TextField(_("prosedur dan tempat evakuasi"))
    avoidance = models.TextField(_("cara menghindari bahaya"))
    help = models.TextField(_("cara mendapatkan bantuan"))
    announcer = models.CharField(_("pihak yang mengumumkan"), max_length=160)
    channel = models.CharField(_("tata cara penyampaian"), max_length=200)
    authority_actions = models.TextField(_("upaya yang dilakukan pemerintah/desa"))
    started_at = models.DateTimeField(_("mulai berlaku"))
    ended_at = models.DateTimeField(_("berakhir"), null=True, blank=True)

    class Meta:
        ordering = ["-started_at"]
        verbose_name = _("informasi serta-merta")

    def __str__(self) -> str:
        return self.title

    @property
    def is_active(self) -> bool:
        return self.ended_at is None


from balai.disclosure.register_models import InfoRequest, Objection  # noqa: E402

__all__ = [
    "DipItem",
    "EmergencyNotice",
    "InfoRequest",
    "LocalHoliday",
    "Objection",
    "PpidProfile",
]
