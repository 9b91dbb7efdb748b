"""The population module's open datasets: the public statistics tables, read from the stored
figures through the same `build_table` the statistics pages use, so every cell hidden there
(fewer than POPULATION_SMALL_CELL, or hidden so it cannot be worked out from the totals) is
hidden here too (`None`). No row of the register is read."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from balai.opendata.registry import Column, Coverage, Dataset, Row
from balai.population import selectors
from balai.population.figures import CATEGORIES
from balai.population.models import PopulationSettings
from balai.villages.models import Village

AREA_KEYS = ("dusun", "rw", "rt", "keluarga", "rumah-tangga")
BY_VILLAGE = {
    "dusun": _("Penduduk per desa"),
    "keluarga": _("Keluarga per desa (jenis kelamin kepala keluarga)"),
    "rumah-tangga": _("Rumah tangga per desa (jenis kelamin kepala rumah tangga)"),
}
CODED_KEYS = tuple(c.key for c in CATEGORIES if c.key not in AREA_KEYS)

COLUMNS = (
    Column(
        "kategori_kode",
        _("Kode kategori"),
        description=_("Kunci kategori, seperti di alamat /statistik/<kategori>/."),
    ),
    Column("kategori", _("Kategori")),
    Column(
        "kelompok",
        _("Kelompok"),
        description=_("Baris tabel: kelompok, wilayah, atau Jumlah/Belum mengisi/Total."),
    ),
    Column(
        "jenis_baris",
        _("Jenis baris"),
        description=_(
            "code: kelompok; sum: jumlah kelompok; unfilled: belum mengisi; total: semua."
        ),
    ),
    Column("satuan", _("Satuan"), description=_("penduduk, keluarga atau rumah tangga.")),
    Column("laki_laki", _("Laki-laki"), "integer", _("Kosong: disembunyikan.")),
    Column("perempuan", _("Perempuan"), "integer", _("Kosong: disembunyikan.")),
    Column("jumlah", _("Jumlah"), "integer", _("Kosong: disembunyikan.")),
    Column(
        "disembunyikan",
        _("Ada sel disembunyikan"),
        "boolean",
        _(
            "Sel kurang dari batas sel kecil (bawaan 5), atau disembunyikan agar angka kecil "
            "tidak dapat dihitung dari jumlahnya, dikosongkan."
        ),
    ),
)


def _table_rows(table: selectors.Table, label: str = "") -> Iterable[Row]:
    for row in table.rows:
        yield [
            table.category.key,
            label or str(table.category.label),
            row.label,
            row.kind,
            table.category.unit,
            *(None if c.hidden else c.count for c in row.cells),
            any(c.hidden for c in row.cells),
        ]


def _village_rows(keys: tuple[str, ...]) -> Any:
    def rows(village: Village) -> Iterable[Row]:
        published = {c.key for c in selectors.published_categories(village)}
        tables = selectors.village_tables(village, [k for k in keys if k in published])
        for table in tables.values():
            yield from _table_rows(table)

    return rows


def _district_rows(keys: tuple[str, ...]) -> Any:
    def rows(villages: QuerySet[Village]) -> Iterable[Row]:
        for key in keys:
            # Summed over the district, the area tables count by village, not by dusun.
            label = str(BY_VILLAGE.get(key, ""))
            yield from _table_rows(selectors.district_table(key, villages=villages), label)

    return rows


def coverage(villages: QuerySet[Village]) -> dict[int, Coverage]:
    """Villages whose figures were counted, as of when: a snapshot (start = end = that day)."""
    found = PopulationSettings.objects.filter(
        village__in=villages, figures_updated_at__isnull=False
    ).values_list("village_id", "figures_updated_at")
    return {pk: Coverage(at, at.date(), at.date()) for pk, at in found if at is not None}


_common: dict[str, Any] = {"theme": "SOCI", "coverage": coverage, "source": _("Statistik")}
DATASETS = [
    Dataset(
        "penduduk-kategori",
        _("Penduduk menurut kategori"),
        _(
            "Jumlah penduduk menurut umur, pendidikan, pekerjaan, agama, status perkawinan dan "
            "kategori lain, per jenis kelamin, dari register penduduk desa. Sel kecil "
            "disembunyikan."
        ),
        COLUMNS,
        _village_rows(CODED_KEYS),
        keywords=("penduduk", "demografi", "statistik"),
        frequency="MONTHLY",
        order=10,
        **_common,
    ),
    Dataset(
        "penduduk-wilayah",
        _("Penduduk, keluarga dan rumah tangga menurut wilayah"),
        _(
            "Jumlah penduduk per dusun, RW dan RT, serta keluarga dan rumah tangga per dusun, "
            "per jenis kelamin (kepala keluarga/rumah tangga). Sel kecil disembunyikan."
        ),
        COLUMNS,
        _village_rows(AREA_KEYS),
        keywords=("penduduk", "wilayah", "dusun", "RT", "RW"),
        frequency="MONTHLY",
        order=11,
        **_common,
    ),
    Dataset(
        "penduduk-kategori",
        _("Penduduk kabupaten menurut kategori"),
        _(
            "Jumlah penduduk desa-desa yang sudah punya situs, menurut umur, pendidikan, pekerjaan "
            "dan kategori lain, per jenis kelamin. Sel kecil disembunyikan."
        ),
        COLUMNS,
        _district_rows(CODED_KEYS),
        keywords=("penduduk", "demografi", "statistik"),
        frequency="MONTHLY",
        scope="district",
        order=10,
        **_common,
    ),
    Dataset(
        "penduduk-desa",
        _("Penduduk, keluarga dan rumah tangga menurut desa"),
        _(
            "Jumlah penduduk, keluarga dan rumah tangga tiap desa yang sudah punya situs, per "
            "jenis kelamin. Sel kecil disembunyikan."
        ),
        COLUMNS,
        _district_rows(("dusun", "keluarga", "rumah-tangga")),
        keywords=("penduduk", "wilayah", "desa"),
        frequency="MONTHLY",
        scope="district",
        order=11,
        **_common,
    ),
]
