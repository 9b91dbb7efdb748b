"""The budget module's open datasets: the APBDes lines with their realisation (the same rows
as the public CSV of each year), the published development projects, and for the district the
totals of every desa's APBDes. Only approved (or revised) years are published; a kelurahan has
no APBDes and so no dataset."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.db.models import Max, Min, QuerySet
from django.utils.translation import gettext_lazy as _

from balai.budget.models import FiscalYear, Project
from balai.budget.selectors import PUBLIC, export_rows, public_years, published_projects
from balai.opendata.registry import Column, Coverage, Dataset, Row
from balai.villages.models import Village

RP = _("Rupiah, bilangan bulat.")

LINE_COLUMNS = (
    Column("tahun", _("Tahun anggaran"), "integer"),
    Column("jenis", _("Jenis"), description=_("Pendapatan, Belanja, atau Pembiayaan.")),
    Column(
        "kode_kegiatan",
        _("Kode kegiatan"),
        description=_(
            "Kode bidang/sub bidang/kegiatan (Permendagri 20/2018); kosong untuk pendapatan."
        ),
    ),
    Column("kegiatan", _("Kegiatan")),
    Column("kode_rekening", _("Kode rekening")),
    Column("rekening", _("Rekening")),
    Column("uraian", _("Uraian")),
    Column("sumber_dana", _("Sumber dana"), description=_("DDS, ADD, PAD, BKK, dll.")),
    Column("anggaran", _("Anggaran"), "integer", RP),
    Column(
        "anggaran_perubahan",
        _("Anggaran perubahan"),
        "integer",
        _("Kosong bila belum ada perubahan."),
    ),
    Column("realisasi", _("Realisasi"), "integer", RP),
)

PROJECT_COLUMNS = (
    Column("tahun", _("Tahun anggaran"), "integer"),
    Column("nama", _("Nama kegiatan pembangunan")),
    Column("lokasi", _("Lokasi")),
    Column("volume", _("Volume"), "number"),
    Column("satuan", _("Satuan")),
    Column("pelaksana", _("Pelaksana")),
    Column("nilai", _("Nilai"), "integer", RP),
    Column("tanggal_mulai", _("Tanggal mulai"), "date"),
    Column("tanggal_selesai", _("Tanggal selesai"), "date"),
    Column("kemajuan_persen", _("Kemajuan (%)"), "integer"),
)

TOTAL_COLUMNS = (
    Column("kode_wilayah", _("Kode wilayah desa"), description=_("Kode Kemendagri.")),
    Column("desa", _("Desa")),
    Column("tahun", _("Tahun anggaran"), "integer"),
    Column("pendapatan_anggaran", _("Pendapatan: anggaran"), "integer", RP),
    Column("pendapatan_realisasi", _("Pendapatan: realisasi"), "integer", RP),
    Column("belanja_anggaran", _("Belanja: anggaran"), "integer", RP),
    Column("belanja_realisasi", _("Belanja: realisasi"), "integer", RP),
    Column("penerimaan_pembiayaan", _("Penerimaan pembiayaan"), "integer", RP),
    Column("pengeluaran_pembiayaan", _("Pengeluaran pembiayaan"), "integer", RP),
    Column("realisasi_sampai", _("Realisasi sampai tanggal"), "date"),
)


def apbdes_rows(village: Village) -> Iterable[Row]:
    for fy in public_years(village):
        for row in export_rows(fy)[1:]:
            yield [fy.year, *row]


def project_rows(village: Village) -> Iterable[Row]:
    for p in published_projects(village).order_by("-fiscal_year__year", "name"):
        yield [
            p.fiscal_year.year,
            p.name,
            p.location,
            p.volume,
            p.unit,
            p.implementer,
            p.budget,
            p.start_date,
            p.end_date,
            p.progress,
        ]


def totals_rows(villages: QuerySet[Village]) -> Iterable[Row]:
    years = (
        FiscalYear.objects.filter(status__in=PUBLIC, village__in=villages)
        .select_related("village__region")
        .defer("summary")
        .order_by("village__region__code", "-year")
    )
    for fy in years:
        yield [
            fy.village.region_id,
            fy.village.region.name,
            fy.year,
            fy.income_budget,
            fy.income_realised,
            fy.spending_budget,
            fy.spending_realised,
            fy.financing_in,
            fy.financing_out,
            fy.realised_until,
        ]


def _years(first: int, last: int) -> tuple[date, date]:
    return date(first, 1, 1), date(last, 12, 31)


def apbdes_coverage(villages: QuerySet[Village]) -> dict[int, Coverage]:
    found = (
        FiscalYear.objects.filter(status__in=PUBLIC, village__in=villages)
        .values("village_id")
        .annotate(at=Max("updated_at"), first=Min("year"), last=Max("year"))
    )
    return {r["village_id"]: Coverage(r["at"], *_years(r["first"], r["last"])) for r in found}


def project_coverage(villages: QuerySet[Village]) -> dict[int, Coverage]:
    found = (
        Project.objects.filter(
            is_published=True, fiscal_year__status__in=PUBLIC, village__in=villages
        )
        .values("village_id")
        .annotate(
            at=Max("fiscal_year__updated_at"),
            first=Min("fiscal_year__year"),
            last=Max("fiscal_year__year"),
            created=Max("created_at"),
        )
    )
    return {
        r["village_id"]: Coverage(max(r["at"], r["created"]), *_years(r["first"], r["last"]))
        for r in found
    }


_common: dict[str, Any] = {"theme": "GOVE", "frequency": "MONTHLY", "source": _("APBDes")}
DATASETS = [
    Dataset(
        "apbdes",
        _("APBDes dan realisasinya"),
        _(
            "Anggaran Pendapatan dan Belanja Desa yang sudah ditetapkan, per tahun, per baris "
            "rekening dan kegiatan, dengan anggaran perubahan dan realisasinya."
        ),
        LINE_COLUMNS,
        apbdes_rows,
        apbdes_coverage,
        keywords=("APBDes", "anggaran", "keuangan desa", "realisasi"),
        order=20,
        **_common,
    ),
    Dataset(
        "pembangunan",
        _("Kegiatan pembangunan desa"),
        _("Kegiatan pembangunan yang dibiayai APBDes: lokasi, volume, nilai, waktu dan kemajuan."),
        PROJECT_COLUMNS,
        project_rows,
        project_coverage,
        keywords=("pembangunan", "infrastruktur", "APBDes"),
        order=21,
        **_common,
    ),
    Dataset(
        "apbdes",
        _("APBDes desa-desa: jumlah per tahun"),
        _(
            "Jumlah pendapatan, belanja dan pembiayaan APBDes tiap desa yang sudah punya situs, "
            "anggaran dan realisasi, per tahun."
        ),
        TOTAL_COLUMNS,
        totals_rows,
        apbdes_coverage,
        keywords=("APBDes", "anggaran", "keuangan desa"),
        scope="district",
        order=20,
        **_common,
    ),
]
