"""The welfare module's open datasets: the public figures (households and persons by welfare
decile, recipients by programme and year, by dusun and RW; the district's by village), built by
the same selectors as the public welfare pages, small cells hidden exactly as there. The
announced recipient lists are not a dataset: they name people."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.db.models import Count, Max, Min, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from balai.opendata.registry import Column, Coverage, Dataset, Row
from balai.villages.models import Village
from balai.welfare import selectors
from balai.welfare.models import WelfareFigure

COLUMNS = (
    Column("tabel_kode", _("Kode tabel"), description=_("desil, program, wilayah, rw, tren.")),
    Column("tabel", _("Tabel")),
    Column(
        "kelompok", _("Kelompok"), description=_("Desil, program dan tahun, dusun, RW atau desa.")
    ),
    Column(
        "ukuran",
        _("Ukuran"),
        description=_("Apa yang dihitung: rumah tangga, jiwa, penerima, nilai per periode (Rp)."),
    ),
    Column(
        "nilai",
        _("Nilai"),
        "integer",
        _("Kosong: disembunyikan (kurang dari batas sel kecil, bawaan 5)."),
    ),
    Column("disembunyikan", _("Disembunyikan"), "boolean"),
)


def _rows(tables: dict[str, selectors.WTable]) -> Iterable[Row]:
    for table in [*tables.values(), selectors.trend_table(tables["program"])]:
        for row in table.rows:
            for column, cell in zip(table.columns, [row.cell, *row.extra], strict=False):
                yield [
                    table.key,
                    str(table.title),
                    row.label,
                    str(column),
                    None if cell.hidden else cell.count,
                    cell.hidden,
                ]


def village_rows(village: Village) -> Iterable[Row]:
    return _rows(selectors.tables(selectors.village_figures(village)))


def district_rows(villages: QuerySet[Village]) -> Iterable[Row]:
    qs = WelfareFigure.objects.filter(village__in=villages)
    return _rows(selectors.tables(qs, district=True))


def coverage(villages: QuerySet[Village]) -> dict[int, Coverage]:
    """Villages with any figure; the programme years as the temporal coverage. The figures keep
    no time of their own: the catalogue dates them by the village's last public change."""
    found = (
        WelfareFigure.objects.filter(village__in=villages, count__gt=0)
        .values("village_id")
        .annotate(
            n=Count("id"),
            first=Min("year", filter=Q(year__gt=0)),
            last=Max("year", filter=Q(year__gt=0)),
        )
    )
    return {
        r["village_id"]: Coverage(
            None,
            date(r["first"], 1, 1) if r["first"] else None,
            date(r["last"], 12, 31) if r["last"] else None,
        )
        for r in found
    }


_common: dict[str, Any] = {"theme": "SOCI", "coverage": coverage, "frequency": "MONTHLY"}
DATASETS = [
    Dataset(
        "bansos",
        _("Kesejahteraan dan bantuan sosial"),
        _(
            "Rumah tangga dan jiwa menurut desil kesejahteraan, penerima bantuan sosial menurut "
            "program dan tahun, dan penerima aktif per dusun dan RW. Angka saja, tanpa nama; "
            "sel kecil disembunyikan."
        ),
        COLUMNS,
        village_rows,
        keywords=("bantuan sosial", "kesejahteraan", "kemiskinan", "DTSEN"),
        order=30,
        source=_("Bantuan sosial"),
        **_common,
    ),
    Dataset(
        "bansos",
        _("Kesejahteraan dan bantuan sosial desa-desa"),
        _(
            "Jumlah dari desa-desa yang sudah punya situs: rumah tangga menurut desil, penerima "
            "menurut program dan tahun, penerima aktif per desa. Sel kecil disembunyikan."
        ),
        COLUMNS,
        district_rows,
        keywords=("bantuan sosial", "kesejahteraan", "kemiskinan"),
        scope="district",
        order=30,
        source=_("Bantuan sosial"),
        **_common,
    ),
]
