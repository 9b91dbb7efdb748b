"""Social assistance (bantuan sosial): programmes, their recipients, the household welfare
ranking (DTSEN deciles / DTKS) and the village's own poverty flags, the stored public figures,
and the objections residents send about announced lists.

Recipients, rankings and flags are personal data: only the village's admins and district
admins see them (area "personal"), and every view and export is audit-logged. The public sees
WelfareFigure rows and, for announced programmes, a list of names with dusun/RT only.

District-wide programmes are kept as a per-village copy with `district_wide=True`, so every
row still belongs to exactly one village and tenancy stays a plain village filter.
"""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from balai.lib.storage import random_upload_name
from balai.villages.models import VillageOwned


class Programme(VillageOwned):
    """One assistance programme as it runs in one village. Edited by the village's admins."""

    public_content = True

    class Kind(models.TextChoices):
        PKH = "pkh", "PKH"
        BPNT = "bpnt", "BPNT / Sembako"
        PBI = "pbi", "PBI-JK"
        BLT_DD = "blt_dd", "BLT Dana Desa"
        BST = "bst", "BST"
        LOCAL = "local", _("Program lokal")

    class Source(models.TextChoices):
        PUSAT = "pusat", _("Pusat")
        PROVINSI = "provinsi", _("Provinsi")
        KABUPATEN = "kabupaten", _("Kabupaten")
        DESA = "desa", _("Desa / Dana Desa")
        CSR = "csr", "CSR"

    class Unit(models.TextChoices):
        PERSON = "person", _("Orang")
        FAMILY = "family", _("Keluarga (KK)")
        HOUSEHOLD = "household", _("Rumah tangga")
        GROUP = "group", _("Kelompok")

    name = models.CharField(
        _("nama program"), max_length=120, help_text=_("Mis. BLT Dana Desa 2026.")
    )
    kind = models.CharField(_("jenis"), max_length=10, choices=Kind.choices)
    source = models.CharField(_("sumber dana"), max_length=10, choices=Source.choices)
    unit = models.CharField(_("sasaran"), max_length=10, choices=Unit.choices)
    period_start = models.DateField(_("mulai"))
    period_end = models.DateField(_("selesai"), null=True, blank=True)
    period_label = models.CharField(
        _("periode penyaluran"),
        max_length=40,
        blank=True,
        help_text=_("Mis. per bulan, per triwulan."),
    )
    amount = models.PositiveBigIntegerField(
        _("nilai per periode (Rp)"),
        default=0,
        help_text=_("Rupiah, tanpa titik. 0 bila berupa barang."),
    )
    goods = models.CharField(_("barang per periode"), max_length=120, blank=True)
    decree_number = models.CharField(
        _("nomor SK"), max_length=80, blank=True, help_text=_("SK Kepala Desa penetapan penerima.")
    )
    decree_date = models.DateField(_("tanggal SK"), null=True, blank=True)
    musdesus_date = models.DateField(_("tanggal Musdesus"), null=True, blank=True)
    exclusive_group = models.CharField(
        _("kelompok saling meniadakan"),
        max_length=30,
        blank=True,
        help_text=_("Program dengan kelompok yang sama tidak boleh diterima orang yang sama."),
    )
    publicly_announced = models.BooleanField(
        _("daftar penerima diumumkan"),
        default=False,
        help_text=_("Nama, dusun/RT dan periode penerima tampil di situs desa."),
    )
    list_published = models.BooleanField(_("daftar sudah tayang"), default=False)
    district_wide = models.BooleanField(_("program seluruh kabupaten"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-period_start", "name"]
        constraints = [
            models.UniqueConstraint(fields=["village", "name"], name="unique_welfare_programme")
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: Any, **kwargs: Any) -> None:
        # The law wants BLT Dana Desa recipients announced: new BLT-DD programmes start so.
        if self._state.adding and self.kind == self.Kind.BLT_DD:
            self.publicly_announced = True
        super().save(*args, **kwargs)


class Recipient(VillageOwned):
    """One beneficiary of a programme: a resident, a family or a household of the same
    village. Personal: admins only."""

    public_content = True

    class Status(models.TextChoices):
        ACTIVE = "active", _("Aktif")
        ENDED = "ended", _("Berhenti")
        REPLACED = "replaced", _("Diganti")

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="recipients")
    resident = models.ForeignKey(
        "population.Resident", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    family = models.ForeignKey(
        "population.Family", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    household = models.ForeignKey(
        "population.Household", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    name = models.CharField(_("nama penerima"), max_length=120)
    area = models.ForeignKey("population.Area", null=True, blank=True, on_delete=models.PROTECT)
    card_number = models.CharField(_("nomor kartu"), max_length=40, blank=True)
    amount = models.PositiveBigIntegerField(_("nilai per periode (Rp)"), default=0)
    start = models.DateField(_("mulai menerima"))
    end = models.DateField(_("berhenti menerima"), null=True, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.ACTIVE)
    status_reason = models.CharField(_("alasan"), max_length=200, blank=True)

    class Meta:
        ordering = ["name", "id"]
        indexes = [models.Index(fields=["village", "programme", "status"])]


class WelfareRank(VillageOwned):
    """A household's place in the national welfare ranking: DTSEN decile 1–10, or the older
    DTKS/BDT status, as of a data date. Personal: admins only."""

    public_content = False

    household = models.ForeignKey(
        "population.Household", on_delete=models.CASCADE, related_name="+"
    )
    decile = models.PositiveSmallIntegerField(_("desil"), null=True, blank=True)
    dtks_status = models.CharField(_("status DTKS/BDT"), max_length=40, blank=True)
    data_date = models.DateField(_("tanggal data"))
    source = models.CharField(_("sumber data"), max_length=40, default="DTSEN")

    class Meta:
        ordering = ["-data_date"]
        constraints = [
            models.UniqueConstraint(
                fields=["village", "household", "source", "data_date"], name="unique_welfare_rank"
            )
        ]


class PovertyFlag(VillageOwned):
    """The village's own finding that a household is poor (verifikasi desa), with its reason;
    kept apart from the national ranking. Personal: admins only."""

    public_content = False

    household = models.ForeignKey(
        "population.Household", on_delete=models.CASCADE, related_name="+"
    )
    reason = models.CharField(_("alasan"), max_length=200)
    flagged_on = models.DateField(_("tanggal verifikasi"))

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["village", "household"], name="unique_poverty_flag")
        ]


class WelfareFigure(VillageOwned):
    """A stored public count, written only by figures_recompute: households/persons per
    decile, recipients per programme and year (with the amount), per dusun, coverage."""

    public_content = True

    category = models.CharField(max_length=20)
    label = models.CharField(max_length=120)
    year = models.PositiveSmallIntegerField(default=0)
    count = models.PositiveIntegerField()
    amount = models.PositiveBigIntegerField(default=0)

    class Meta:
        indexes = [models.Index(fields=["category", "village"])]


# Referenced by migration 0001 (the import jobs now live in balai.imports).
def import_upload_to(instance: Any, filename: str) -> str:
    return random_upload_name("bansos-impor", filename)


def _private_storage():
    from balai.lib.storage import private_storage

    return private_storage()


class Objection(VillageOwned):
    """A resident's objection or correction to an announced list (someone wrongly listed or
    missing). The sender's contact is for the village only and never shown publicly."""

    public_content = False

    class Kind(models.TextChoices):
        WRONG = "wrong", _("Ada penerima yang tidak layak / salah")
        MISSING = "missing", _("Ada warga layak yang belum terdaftar")
        OTHER = "other", _("Lainnya")

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="objections")
    kind = models.CharField(_("jenis sanggahan"), max_length=10, choices=Kind.choices)
    message = models.TextField(_("isi sanggahan"), max_length=2000)
    sender_name = models.CharField(_("nama Anda"), max_length=120, blank=True)
    contact = models.CharField(
        _("nomor WhatsApp atau email"),
        max_length=120,
        blank=True,
        help_text=_("Hanya dilihat pemerintah desa, untuk menjawab sanggahan Anda."),
    )
    handled = models.BooleanField(_("sudah ditangani"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["handled", "-created_at"]
