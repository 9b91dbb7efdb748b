"""The village budget (APBDes): the account tree, fiscal years, budget lines, realisation,
development projects with their progress, and the versions an import replaced.

Village admins and RTIK mentors write these from the dashboard; the public reads the stored
figures of approved years on /apbdes/ and /pembangunan/; the district compares villages.
"""

from __future__ import annotations

from typing import Any, ClassVar

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from balai.lib.storage import random_upload_name
from balai.villages.models import VillageOwned


class Account(models.Model):
    """One node of the Permendagri 20/2018 account tree, on the economic axis (4 Pendapatan,
    5 Belanja, 6 Pembiayaan → kelompok → jenis → objek) or the functional axis (bidang →
    sub-bidang → kegiatan). Reference data, the same for every village; key (axis, code)."""

    class Axis(models.TextChoices):
        ECONOMIC = "ekonomi", _("Ekonomi (rekening)")
        FUNCTIONAL = "bidang", _("Bidang (kegiatan)")

    axis = models.CharField(_("sumbu"), max_length=8, choices=Axis.choices)
    code = models.CharField(_("kode"), max_length=16)
    name = models.CharField(_("nama"), max_length=255)
    level = models.CharField(_("tingkat"), max_length=12)
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="children"
    )

    class Meta:
        ordering = ["axis", "code"]
        constraints = [
            models.UniqueConstraint(fields=["axis", "code"], name="budget_account_axis_code")
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class Source(models.TextChoices):
    """Source of funds, with the codes Siskeudes uses."""

    DDS = "DDS", _("Dana Desa")
    ADD = "ADD", _("Alokasi Dana Desa")
    PAD = "PAD", _("Pendapatan Asli Desa")
    PBH = "PBH", _("Bagi Hasil Pajak dan Retribusi")
    PBP = "PBP", _("Bantuan Keuangan Provinsi")
    PBK = "PBK", _("Bantuan Keuangan Kabupaten")
    LAIN = "LAIN", _("Pendapatan Lain-lain")
    SILPA = "SILPA", _("SiLPA Tahun Sebelumnya")


class FiscalYear(VillageOwned):
    """A village's APBDes for one year. Public once approved (with its Perdes); the stored
    figures (`summary` and the totals) are recomputed whenever a line or realisation changes,
    so public pages and the district view never add up lines on a request."""

    public_content = True

    class Status(models.TextChoices):
        DRAFT = "draft", _("Rancangan")
        APPROVED = "approved", _("Ditetapkan")
        REVISED = "revised", _("Perubahan ditetapkan")

    year = models.PositiveSmallIntegerField(_("tahun anggaran"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    perdes_number = models.CharField(
        _("nomor Perdes APBDes"),
        max_length=60,
        blank=True,
        help_text=_("Misalnya: 5 Tahun 2025. Wajib saat APBDes ditetapkan."),
    )
    perdes_date = models.DateField(_("tanggal Perdes APBDes"), null=True, blank=True)
    revision_number = models.CharField(
        _("nomor Perdes Perubahan APBDes"),
        max_length=60,
        blank=True,
        help_text=_("Diisi bila ada APBDes Perubahan."),
    )
    revision_date = models.DateField(_("tanggal Perdes Perubahan"), null=True, blank=True)
    realised_until = models.DateField(
        _("realisasi sampai dengan"),
        null=True,
        blank=True,
        help_text=_("Tanggal terakhir realisasi yang dicatat."),
    )
    # Stored figures (see services.fiscal_year_summarise).
    income_budget = models.BigIntegerField(default=0)
    income_realised = models.BigIntegerField(default=0)
    spending_budget = models.BigIntegerField(default=0)
    spending_realised = models.BigIntegerField(default=0)
    financing_in = models.BigIntegerField(default=0)
    financing_out = models.BigIntegerField(default=0)
    dana_desa_budget = models.BigIntegerField(default=0)
    dana_desa_spent = models.BigIntegerField(default=0)
    line_count = models.PositiveIntegerField(default=0)
    summary = models.JSONField(default=dict, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(fields=["village", "year"], name="budget_year_per_village")
        ]

    def __str__(self) -> str:
        return f"APBDes {self.year}"

    @property
    def is_public(self) -> bool:
        return self.status != self.Status.DRAFT


class BudgetLine(VillageOwned):
    """One line of an APBDes: an income or financing account, or a spending line = kegiatan ×
    account × source of funds. The original amount and, after an APBDes Perubahan, the revised
    amount are both kept."""

    public_content = True

    class Kind(models.TextChoices):
        INCOME = "income", _("Pendapatan")
        SPENDING = "spending", _("Belanja")
        FINANCING_IN = "fin_in", _("Penerimaan pembiayaan")
        FINANCING_OUT = "fin_out", _("Pengeluaran pembiayaan")

    fiscal_year = models.ForeignKey(FiscalYear, on_delete=models.CASCADE, related_name="lines")
    kind = models.CharField(max_length=8, choices=Kind.choices)
    kegiatan = models.ForeignKey(
        Account,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("kegiatan"),
        help_text=_("Hanya untuk belanja: kegiatan pada bidang 1–5."),
    )
    account = models.ForeignKey(
        Account,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("rekening"),
        help_text=_("Rekening objek, misalnya 5.3.5.02 Belanja Modal Upah Tenaga Kerja."),
    )
    source = models.CharField(_("sumber dana"), max_length=6, choices=Source.choices, blank=True)
    description = models.CharField(
        _("uraian"), max_length=255, blank=True, help_text=_("Keterangan singkat, tidak wajib.")
    )
    original_amount = models.BigIntegerField(_("anggaran (Rp)"))
    revised_amount = models.BigIntegerField(
        _("anggaran perubahan (Rp)"),
        null=True,
        blank=True,
        help_text=_("Kosongkan bila belum ada APBDes Perubahan."),
    )

    class Meta:
        ordering = ["kind", "kegiatan__code", "account__code", "source"]
        constraints = [
            models.UniqueConstraint(
                fields=["village", "fiscal_year", "kegiatan", "account", "source"],
                name="budget_line_unique",
            ),
            models.CheckConstraint(
                condition=models.Q(original_amount__gte=0), name="budget_line_amount_positive"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.account.code} {self.get_source_display()}"

    @property
    def amount(self) -> int:
        """The budget in force: the revised amount once there is one."""
        return self.original_amount if self.revised_amount is None else self.revised_amount


class Realisation(VillageOwned):
    """Money actually received or spent on a line up to a date (entered or imported)."""

    public_content = True

    line = models.ForeignKey(BudgetLine, on_delete=models.CASCADE, related_name="realisations")
    date = models.DateField(_("tanggal"))
    amount = models.BigIntegerField(_("jumlah (Rp)"))
    note = models.CharField(_("keterangan"), max_length=200, blank=True)

    class Meta:
        ordering = ["date", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(amount__gte=0), name="budget_realisation_positive"
            )
        ]


# Referenced by migration 0001 (the import jobs now live in balai.imports).
def import_upload_to(instance: Any, filename: str) -> str:
    return random_upload_name("anggaran/impor", filename)


class BudgetVersion(VillageOwned):
    """A fiscal year's lines and figures as they were before an import replaced them, so the
    previous APBDes is never lost and can be compared. Written by the budget import
    (balai.budget.imports); shown on the year's dashboard page to the village's admins."""

    public_content: ClassVar[bool] = False

    fiscal_year = models.ForeignKey(FiscalYear, on_delete=models.CASCADE, related_name="versions")
    replaced_at = models.DateTimeField(_("diganti pada"), default=timezone.now)
    replaced_by = models.CharField(
        _("diganti oleh berkas"), max_length=200, blank=True, help_text=_("Nama berkas impor.")
    )
    lines = models.JSONField(default=list, blank=True)
    summary = models.JSONField(default=dict, blank=True)
    job = models.ForeignKey(
        "imports.ImportJob", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-replaced_at", "-id"]


def progress_photo_upload_to(instance: Any, filename: str) -> str:
    return random_upload_name("pembangunan", filename)  # always saved as foto.<ext>


class Project(VillageOwned):
    """A development project (road, bridge, irrigation, posyandu…) paid from budget lines,
    shown on /pembangunan/ with its location and a timeline of progress photos."""

    public_content = True

    fiscal_year = models.ForeignKey(
        FiscalYear,
        on_delete=models.PROTECT,
        related_name="projects",
        verbose_name=_("tahun anggaran"),
    )
    name = models.CharField(
        _("nama kegiatan pembangunan"),
        max_length=160,
        help_text=_("Misalnya: Pengerasan Jalan Usaha Tani Dusun II"),
    )
    slug = models.SlugField(_("alamat"), max_length=80)
    lines = models.ManyToManyField(
        BudgetLine,
        blank=True,
        related_name="projects",
        verbose_name=_("baris anggaran"),
        help_text=_("Baris APBDes yang membiayai pembangunan ini."),
    )
    description = models.TextField(_("keterangan"), blank=True)
    location = models.CharField(
        _("lokasi"), max_length=160, blank=True, help_text=_("Misalnya: RT 02 RW 03 Dusun Krajan")
    )
    latitude = models.DecimalField(
        _("lintang"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("bujur"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    volume = models.DecimalField(
        _("volume"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    unit = models.CharField(
        _("satuan"), max_length=20, blank=True, help_text=_("Misalnya: m, m², unit")
    )
    implementer = models.CharField(
        _("pelaksana"), max_length=120, blank=True, help_text=_("Misalnya: TPK Desa")
    )
    budget = models.BigIntegerField(_("nilai (Rp)"), default=0)
    start_date = models.DateField(_("tanggal mulai"), null=True, blank=True)
    end_date = models.DateField(_("tanggal selesai"), null=True, blank=True)
    progress = models.PositiveSmallIntegerField(default=0, editable=False)
    is_published = models.BooleanField(_("tayang di situs"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-fiscal_year__year", "name"]
        constraints = [
            models.UniqueConstraint(fields=["village", "slug"], name="budget_project_slug")
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def map_url(self) -> str:
        if self.latitude is None or self.longitude is None:
            return ""
        lat, lon = self.latitude, self.longitude
        return f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=17/{lat}/{lon}"


class ProgressReport(VillageOwned):
    """A dated progress report of a project: percentage done, a photo and a note."""

    public_content = True

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="reports")
    date = models.DateField(_("tanggal"))
    percentage = models.PositiveSmallIntegerField(_("kemajuan (%)"), help_text=_("0 sampai 100."))
    note = models.CharField(_("catatan"), max_length=300, blank=True)
    photo = models.ImageField(_("foto"), upload_to=progress_photo_upload_to, blank=True)
    photo_alt = models.CharField(
        _("keterangan foto"),
        max_length=200,
        blank=True,
        help_text=_("Apa yang terlihat di foto, untuk pembaca layar."),
    )

    class Meta:
        ordering = ["-date", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(percentage__lte=100), name="budget_progress_max_100"
            )
        ]
