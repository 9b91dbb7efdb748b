"""The disclosure module's open datasets: the PPID annual report figures of each year (the
public report page's numbers, counted from the registers, never a requester), and for the
district the requests of every desa per year. A kelurahan has no PPID Desa."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time

from django.db.models import Avg, Count, F, Max, Min, Q, QuerySet
from django.db.models.functions import ExtractYear
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from balai.disclosure.register_models import InfoRequest
from balai.disclosure.selectors import annual_report, report_years
from balai.opendata.registry import Column, Coverage, Dataset, Row
from balai.villages.models import Village

REPORT_COLUMNS = (
    Column("tahun", gettext_lazy("Tahun"), "integer"),
    Column("bagian", gettext_lazy("Bagian laporan")),
    Column("kelompok", gettext_lazy("Kelompok")),
    Column(
        "nilai",
        gettext_lazy("Nilai"),
        "number",
        gettext_lazy("Jumlah permohonan/keberatan, atau hari kerja."),
    ),
)

DISTRICT_COLUMNS = (
    Column(
        "kode_wilayah",
        gettext_lazy("Kode wilayah desa"),
        description=gettext_lazy("Kode Kemendagri."),
    ),
    Column("desa", gettext_lazy("Desa")),
    Column("tahun", gettext_lazy("Tahun"), "integer"),
    Column("permohonan", gettext_lazy("Permohonan"), "integer"),
    Column("dijawab", gettext_lazy("Sudah dijawab"), "integer"),
    Column("terlambat", gettext_lazy("Dijawab terlambat"), "integer"),
    Column("rata_rata_hari", gettext_lazy("Rata-rata hari kerja menjawab"), "number"),
)


def report_rows(village: Village) -> Iterable[Row]:
    for year in report_years(village)[:10]:
        r = annual_report(village, year)
        summary = _("Ringkasan")
        yield [year, summary, _("Permohonan"), r["total"]]
        yield [year, summary, _("Masih diproses"), r["open"]]
        yield [year, summary, _("Dijawab terlambat"), r["late"]]
        yield [year, summary, _("Diperpanjang"), r["extended"]]
        yield [year, summary, _("Rata-rata hari kerja menjawab"), r["avg_days"]]
        yield [year, summary, _("Waktu jawab terlama (hari kerja)"), r["max_days"]]
        yield [year, summary, _("Keberatan"), r["objections"]]
        for part, key in (
            (_("Permohonan menurut cara"), "channels"),
            (_("Permohonan menurut keputusan"), "decisions"),
            (_("Alasan penolakan"), "refusals"),
            (_("Keberatan menurut hasil"), "objection_outcomes"),
            (_("Keberatan menurut alasan"), "objection_grounds"),
        ):
            for label, n in r[key]:
                yield [year, part, str(label), n]


def district_rows(villages: QuerySet[Village]) -> Iterable[Row]:
    found = (
        InfoRequest.objects.filter(village__in=villages)
        .annotate(y=ExtractYear("received_on"))
        .values("village__region_id", "village__region__name", "y")
        .annotate(
            n=Count("id"),
            done=Count("id", filter=~Q(decision="")),
            late=Count("id", filter=Q(decided_on__gt=F("due_on"))),
            avg=Avg("response_days"),
        )
        .order_by("village__region_id", "-y")
    )
    for r in found:
        avg = round(r["avg"], 1) if r["avg"] is not None else None
        yield [
            r["village__region_id"],
            r["village__region__name"],
            r["y"],
            r["n"],
            r["done"],
            r["late"],
            avg,
        ]


def coverage(villages: QuerySet[Village]) -> dict[int, Coverage]:
    found = (
        InfoRequest.objects.filter(village__in=villages)
        .exclude(village__region__type="kelurahan")
        .values("village_id")
        .annotate(first=Min("received_on"), last=Max("received_on"), decided=Max("decided_on"))
    )
    result = {}
    for r in found:
        last = max(d for d in (r["last"], r["decided"]) if d)
        at = timezone.make_aware(datetime.combine(last, time(23, 59)))
        result[r["village_id"]] = Coverage(at, date(r["first"].year, 1, 1), r["last"])
    return result


DATASETS = [
    Dataset(
        "laporan-ppid",
        gettext_lazy("Laporan layanan informasi publik (PPID Desa)"),
        gettext_lazy(
            "Angka laporan tahunan PPID Desa: permohonan informasi menurut cara dan keputusan, "
            "waktu menjawab, penolakan dan keberatan. Dihitung dari register, tanpa identitas "
            "pemohon."
        ),
        REPORT_COLUMNS,
        report_rows,
        coverage,
        theme="GOVE",
        keywords=("PPID", "keterbukaan informasi", "permohonan informasi"),
        frequency="ANNUAL",
        order=40,
        source=gettext_lazy("PPID"),
    ),
    Dataset(
        "laporan-ppid",
        gettext_lazy("Permohonan informasi publik desa-desa per tahun"),
        gettext_lazy(
            "Jumlah permohonan informasi tiap desa per tahun: dijawab, terlambat dan rata-rata "
            "hari kerja menjawab, dari register PPID Desa."
        ),
        DISTRICT_COLUMNS,
        district_rows,
        coverage,
        theme="GOVE",
        keywords=("PPID", "keterbukaan informasi"),
        frequency="ANNUAL",
        scope="district",
        order=40,
        source=gettext_lazy("PPID"),
    ),
]
