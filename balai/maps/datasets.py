"""The maps module's open datasets: the village's facilities (the places on its public map:
offices, schools, health posts, places of worship…, with their coordinates) and its potential
(potensi desa), and for the district the number of facilities per village and category.

Only the village's own `Place`s: the map's other points are published elsewhere (development
projects in `pembangunan`) or are a seller's shop, which may be a home — the products dataset
leaves a seller's location out, and so does this one. A place is a public facility, never a
resident's house."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Count, QuerySet
from django.utils.translation import gettext_lazy as _

from balai.maps.models import Place, Potential
from balai.maps.selectors import MAX_POINTS
from balai.opendata.registry import Column, Coverage, Dataset, Row
from balai.villages.models import Village

FACILITY_COLUMNS = (
    Column("nama", _("Nama tempat")),
    Column("kategori_kode", _("Kode kategori")),
    Column("kategori", _("Kategori")),
    Column("lintang", _("Lintang"), "number", _("Derajat desimal (WGS 84).")),
    Column("bujur", _("Bujur"), "number", _("Derajat desimal (WGS 84).")),
    Column("keterangan", _("Keterangan")),
)
POTENTIAL_COLUMNS = (
    Column("jenis_kode", _("Kode jenis")),
    Column("jenis", _("Jenis potensi")),
    Column("nama", _("Nama")),
    Column("angka", _("Angka"), description=_("Misalnya luas, produksi atau jumlah usaha.")),
    Column("keterangan", _("Keterangan")),
)
COUNT_COLUMNS = (
    Column("kode_wilayah", _("Kode wilayah desa"), description=_("Kode Kemendagri.")),
    Column("desa", _("Desa")),
    Column("kategori_kode", _("Kode kategori")),
    Column("kategori", _("Kategori")),
    Column("jumlah", _("Jumlah sarana"), "integer"),
)
CATEGORIES = dict(Place.Category.choices)
KINDS = dict(Potential.Kind.choices)


def facility_rows(village: Village) -> Iterable[Row]:
    # The places the map draws and lists (the first MAX_POINTS in its order).
    places = Place.objects.for_village(village).only(
        "name", "category", "latitude", "longitude", "description"
    )[:MAX_POINTS]
    labels = {k: str(v) for k, v in CATEGORIES.items()}
    for p in places:
        yield [
            p.name,
            p.category,
            labels.get(p.category, p.category),
            float(p.latitude),
            float(p.longitude),
            p.description,
        ]


def potential_rows(village: Village) -> Iterable[Row]:
    labels = {k: str(v) for k, v in KINDS.items()}
    for p in Potential.objects.for_village(village).only("kind", "name", "figure", "description"):
        yield [p.kind, labels.get(p.kind, p.kind), p.name, p.figure, p.description]


def count_rows(villages: QuerySet[Village]) -> Iterable[Row]:
    found = (
        Place.objects.filter(village__in=villages)
        .values("village__region_id", "village__region__name", "category")
        .annotate(n=Count("id"))
        .order_by("village__region_id", "category")
    )
    labels = {k: str(v) for k, v in CATEGORIES.items()}
    for r in found:
        yield [
            r["village__region_id"],
            r["village__region__name"],
            r["category"],
            labels.get(r["category"], r["category"]),
            r["n"],
        ]


def _villages_with(model: type[Place] | type[Potential], villages: QuerySet[Village]) -> set[int]:
    found = model.objects.filter(village__in=villages).values_list("village_id", flat=True)
    return set(found.order_by().distinct())


# Places and potential carry no time of their own: dated by the village's last public change.
def facility_coverage(villages: QuerySet[Village]) -> dict[int, Coverage]:
    return {pk: Coverage() for pk in _villages_with(Place, villages)}


def potential_coverage(villages: QuerySet[Village]) -> dict[int, Coverage]:
    return {pk: Coverage() for pk in _villages_with(Potential, villages)}


DATASETS = [
    Dataset(
        "sarana",
        _("Sarana dan prasarana desa"),
        _(
            "Tempat umum di peta desa: kantor, sekolah, sarana kesehatan, tempat ibadah, pasar, "
            "wisata dan olahraga, dengan koordinatnya."
        ),
        FACILITY_COLUMNS,
        facility_rows,
        facility_coverage,
        theme="REGI",
        keywords=("sarana prasarana", "fasilitas umum", "peta desa", "koordinat"),
        frequency="IRREG",
        order=70,
        source=_("Peta"),
    ),
    Dataset(
        "potensi",
        _("Potensi desa"),
        _("Komoditas unggulan, wisata, kerajinan dan potensi lain desa, dengan angkanya."),
        POTENTIAL_COLUMNS,
        potential_rows,
        potential_coverage,
        theme="ECON",
        keywords=("potensi desa", "komoditas unggulan", "wisata", "UMKM"),
        frequency="IRREG",
        order=71,
        source=_("Potensi"),
    ),
    Dataset(
        "sarana",
        _("Sarana dan prasarana desa-desa menurut kategori"),
        _("Jumlah tempat umum di peta tiap desa yang sudah punya situs, per kategori."),
        COUNT_COLUMNS,
        count_rows,
        facility_coverage,
        theme="REGI",
        keywords=("sarana prasarana", "fasilitas umum"),
        frequency="IRREG",
        scope="district",
        order=70,
        source=_("Peta"),
    ),
]
