"""The village population register (data penduduk) and its published figures.

Residents, families (Kartu Keluarga) and households are personal data: only the village's
admins, district admins and (where the village grants it) its mentor see them, and every view,
change and export is audit-logged. The public sees only PopulationFigure rows, counted when the
register changes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from balai.lib.storage import random_upload_name
from balai.population import codes
from balai.villages.models import VillageOwned

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


def _code(name: str, verbose: StrOrPromise, **kw: Any) -> models.PositiveSmallIntegerField:
    return models.PositiveSmallIntegerField(
        verbose, choices=codes.choices(name), null=True, blank=True, **kw
    )


class Area(VillageOwned):
    """One RT of the village, with its RW and dusun: the village's own map of where people
    live. Created by imports and by admins; statistics count by dusun, RW and RT."""

    public_content = True

    dusun = models.CharField(_("dusun"), max_length=60, help_text=_("Nama dusun, mis. Dusun I."))
    rw = models.CharField(_("RW"), max_length=10)
    rt = models.CharField(_("RT"), max_length=10)

    class Meta:
        ordering = ["dusun", "rw", "rt"]
        constraints = [
            models.UniqueConstraint(fields=["village", "dusun", "rw", "rt"], name="unique_area")
        ]

    def __str__(self) -> str:
        return f"{self.dusun} RW {self.rw} RT {self.rt}"


class Family(VillageOwned):
    """A family as on its Kartu Keluarga (No. KK). Personal: admins only."""

    public_content = False

    number = models.CharField(_("No. KK"), max_length=16, help_text=_("16 angka."))
    address = models.CharField(_("alamat"), max_length=200, blank=True)
    area = models.ForeignKey(Area, null=True, blank=True, on_delete=models.PROTECT)
    social_class = _code("kelas_sosial_keluarga", _("kelas sosial"))

    class Meta:
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["village", "number"], name="unique_family_number")
        ]

    def __str__(self) -> str:
        return self.number


class Household(VillageOwned):
    """A household (rumah tangga): the people who share one kitchen, possibly several KKs."""

    public_content = False

    number = models.CharField(_("nomor rumah tangga"), max_length=30)
    area = models.ForeignKey(Area, null=True, blank=True, on_delete=models.PROTECT)

    class Meta:
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["village", "number"], name="unique_household_number")
        ]

    def __str__(self) -> str:
        return self.number


class Resident(VillageOwned):
    """One person in the register, coded as SIAK codes them. Personal: admins only."""

    public_content = False

    ALIVE = 1

    nik = models.CharField(
        _("NIK"), max_length=16, help_text=_("16 angka; 0 bila belum punya NIK.")
    )
    name = models.CharField(_("nama"), max_length=120)
    family = models.ForeignKey(Family, on_delete=models.PROTECT, related_name="members")
    family_relation = _code("hubungan_dalam_keluarga_shdk", _("hubungan dalam keluarga"))
    household = models.ForeignKey(
        Household, null=True, blank=True, on_delete=models.SET_NULL, related_name="members"
    )
    household_relation = _code("hubungan_rumah_tangga", _("hubungan dalam rumah tangga"))
    area = models.ForeignKey(Area, null=True, blank=True, on_delete=models.PROTECT)
    sex = models.PositiveSmallIntegerField(
        _("jenis kelamin"), choices=codes.choices("jenis_kelamin")
    )
    birth_place = models.CharField(_("tempat lahir"), max_length=80, blank=True)
    birth_date = models.DateField(_("tanggal lahir"), null=True, blank=True)
    religion = _code("agama", _("agama"))
    education_kk = _code("pendidikan_dalam_kk", _("pendidikan dalam KK"))
    education_current = _code("pendidikan_sedang_ditempuh", _("pendidikan sedang ditempuh"))
    occupation = _code("pekerjaan", _("pekerjaan"))
    marital_status = _code("status_perkawinan", _("status perkawinan"))
    citizenship = _code("kewarganegaraan", _("kewarganegaraan"))
    father_nik = models.CharField(_("NIK ayah"), max_length=16, blank=True)
    father_name = models.CharField(_("nama ayah"), max_length=120, blank=True)
    mother_nik = models.CharField(_("NIK ibu"), max_length=16, blank=True)
    mother_name = models.CharField(_("nama ibu"), max_length=120, blank=True)
    blood_type = _code("golongan_darah", _("golongan darah"))
    birth_certificate = models.CharField(_("nomor akta lahir"), max_length=60, blank=True)
    passport = models.CharField(_("nomor paspor"), max_length=40, blank=True)
    passport_expiry = models.DateField(_("paspor berlaku sampai"), null=True, blank=True)
    kitas = models.CharField(_("nomor KITAS/KITAP"), max_length=40, blank=True)
    marriage_certificate = models.CharField(_("akta perkawinan"), max_length=60, blank=True)
    marriage_date = models.DateField(_("tanggal perkawinan"), null=True, blank=True)
    divorce_certificate = models.CharField(_("akta perceraian"), max_length=60, blank=True)
    divorce_date = models.DateField(_("tanggal perceraian"), null=True, blank=True)
    disability = _code("cacat", _("cacat"))
    chronic_illness = _code("sakit_menahun", _("sakit menahun"))
    contraception = _code("cara_kb", _("akseptor KB"))
    pregnant = _code("status_kehamilan", _("status kehamilan"))
    ktp_el = _code("ktp_el", _("KTP-el"))
    ktp_record_status = _code("status_rekam_ktp_el", _("status rekam KTP-el"))
    current_address = models.CharField(_("alamat sekarang"), max_length=200, blank=True)
    status = models.PositiveSmallIntegerField(
        _("status dasar"), choices=codes.choices("status_dasar"), default=ALIVE
    )
    ethnicity = models.CharField(_("suku"), max_length=60, blank=True)
    card_tag = models.CharField(_("tag ID card"), max_length=40, blank=True)
    insurance = _code("asuransi_kesehatan", _("asuransi kesehatan"))
    insurance_number = models.CharField(_("nomor asuransi"), max_length=40, blank=True)
    latitude = models.DecimalField(
        _("lintang"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("bujur"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    phone = models.CharField(_("telepon"), max_length=20, blank=True)
    email = models.EmailField(_("email"), blank=True)
    nik_warning = models.CharField(
        _("catatan NIK"),
        max_length=200,
        blank=True,
        help_text=_("Kejanggalan NIK yang perlu dicek."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name", "id"]
        constraints = [
            # NIK "0" marks residents who have none yet: several may share it.
            models.UniqueConstraint(
                fields=["village", "nik"], condition=~Q(nik="0"), name="unique_resident_nik"
            )
        ]
        indexes = [models.Index(fields=["village", "status"])]

    def __str__(self) -> str:
        return self.name

    @property
    def is_alive(self) -> bool:
        return self.status == self.ALIVE


class ResidentEvent(VillageOwned):
    """One entry of the mutasi log: birth, death, moving out or in, missing, temporary leave.
    Kept for the monthly report; admins only."""

    public_content = False

    class Kind(models.IntegerChoices):
        BIRTH = 1, _("Lahir")
        DEATH = 2, _("Mati")
        MOVE_OUT = 3, _("Pindah keluar")
        MISSING = 4, _("Hilang")
        MOVE_IN = 5, _("Pindah masuk")
        LEAVE = 6, _("Pergi")

    resident = models.ForeignKey(Resident, on_delete=models.CASCADE, related_name="events")
    kind = models.PositiveSmallIntegerField(_("peristiwa"), choices=Kind.choices)
    event_date = models.DateField(_("tanggal peristiwa"))
    report_date = models.DateField(_("tanggal lapor"))
    place = models.CharField(_("tempat"), max_length=120, blank=True)
    cause = _code("sebab_kematian", _("sebab kematian"))
    move_level = _code("jenis_pindah", _("jenis pindah"))
    destination = models.CharField(_("tujuan / asal"), max_length=200, blank=True)
    note = models.CharField(_("catatan"), max_length=200, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-event_date", "-id"]
        indexes = [models.Index(fields=["village", "event_date"])]


class PopulationFigure(VillageOwned):
    """A stored count of living residents (or families, households) of one village by category,
    code and sex. Written only by figures_recompute; read by every public statistics page."""

    public_content = True

    category = models.CharField(max_length=30)
    code = models.IntegerField(help_text=_("Kode dalam daftar; 0 = belum mengisi."))
    label = models.CharField(max_length=120, blank=True)
    sex = models.PositiveSmallIntegerField()
    count = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["village", "category", "code", "label", "sex"], name="unique_figure"
            )
        ]
        indexes = [models.Index(fields=["category", "village"])]


class PopulationSettings(VillageOwned):
    """What a village chose: which statistics it publishes, and whether its mentor may see
    the personal register. Changed by the village's admins."""

    public_content = True

    village = models.OneToOneField(
        "villages.Village", on_delete=models.PROTECT, related_name="population_settings"
    )
    mentor_access = models.BooleanField(
        _("pendamping boleh melihat data penduduk"),
        default=False,
        help_text=_("Izinkan pendamping RTIK desa ini membuka data pribadi penduduk."),
    )
    published = models.JSONField(
        _("statistik yang tayang"),
        default=list,
        blank=True,
        help_text=_("Kategori statistik yang tampil di situs."),
    )
    figures_updated_at = models.DateTimeField(null=True, blank=True)


# Referenced by migration 0001 (the import jobs now live in balai.imports).
def import_upload_to(instance: Any, filename: str) -> str:
    return random_upload_name("penduduk-impor", filename)


def _private_storage():
    from balai.lib.storage import private_storage

    return private_storage()
