"""The shop's open datasets: the village's published products (name, category, price, unit
and the shop's business name, as the catalogue shows them; never the owner's name, WhatsApp
number, e-mail or location), and for the district the number of products per village and
category."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Count, Max, Min, QuerySet
from django.utils.translation import gettext_lazy as _

from balai.market.models import Category
from balai.market.selectors import public_products
from balai.opendata.registry import Column, Coverage, Dataset, Row
from balai.villages.models import Village

RP = _("Rupiah; kosong bila harga tidak dicantumkan.")
PRODUCT_COLUMNS = (
    Column("produk", _("Nama produk")),
    Column("kategori_kode", _("Kode kategori")),
    Column("kategori", _("Kategori")),
    Column("subkategori", _("Subkategori")),
    Column("harga_terendah", _("Harga terendah"), "integer", RP),
    Column("harga_tertinggi", _("Harga tertinggi"), "integer", RP),
    Column("harga_nego", _("Harga bisa ditawar"), "boolean"),
    Column("satuan", _("Satuan")),
    Column("toko", _("Nama usaha"), description=_("Nama usaha penjual yang tampil di lapak.")),
)
COUNT_COLUMNS = (
    Column("kode_wilayah", _("Kode wilayah desa"), description=_("Kode Kemendagri.")),
    Column("desa", _("Desa")),
    Column("kategori_kode", _("Kode kategori")),
    Column("kategori", _("Kategori")),
    Column("produk", _("Jumlah produk"), "integer"),
    Column("penjual", _("Jumlah penjual"), "integer"),
)
LABELS = dict(Category.choices)


def product_rows(village: Village) -> Iterable[Row]:
    qs = (
        public_products()
        .filter(village=village)
        .select_related("seller")
        .only(
            "name",
            "category",
            "subcategory",
            "price_min",
            "price_max",
            "negotiable",
            "unit",
            "seller__name",
        )
        .order_by("category", "name", "id")
    )
    for p in qs[:5000]:
        yield [
            p.name,
            p.category,
            str(LABELS.get(p.category, p.category)),
            p.subcategory,
            p.price_min,
            p.price_max,
            p.negotiable,
            p.unit,
            p.seller.name,
        ]


def count_rows(villages: QuerySet[Village]) -> Iterable[Row]:
    found = (
        public_products()
        .filter(village__in=villages)
        .values("village__region_id", "village__region__name", "category")
        .annotate(n=Count("id"), sellers=Count("seller", distinct=True))
        .order_by("village__region_id", "category")
    )
    for r in found:
        yield [
            r["village__region_id"],
            r["village__region__name"],
            r["category"],
            str(LABELS.get(r["category"], r["category"])),
            r["n"],
            r["sellers"],
        ]


def coverage(villages: QuerySet[Village]) -> dict[int, Coverage]:
    found = (
        public_products()
        .filter(village__in=villages)
        .values("village_id")
        .annotate(at=Max("updated_at"), first=Min("published_at"))
    )
    return {
        r["village_id"]: Coverage(r["at"], r["first"].date() if r["first"] else None, None)
        for r in found
    }


DATASETS = [
    Dataset(
        "produk",
        _("Produk lapak desa"),
        _(
            "Produk UMKM desa yang tayang di Lapak Desa: nama, kategori, harga, satuan dan nama "
            "usaha penjual."
        ),
        PRODUCT_COLUMNS,
        product_rows,
        coverage,
        theme="ECON",
        keywords=("UMKM", "produk", "lapak desa", "ekonomi"),
        frequency="UPDATE_CONT",
        order=50,
        source=_("Lapak"),
    ),
    Dataset(
        "produk",
        _("Produk lapak desa-desa menurut kategori"),
        _("Jumlah produk dan penjual yang tayang di Lapak Desa, per desa dan kategori."),
        COUNT_COLUMNS,
        count_rows,
        coverage,
        theme="ECON",
        keywords=("UMKM", "produk", "lapak desa", "ekonomi"),
        frequency="UPDATE_CONT",
        scope="district",
        order=50,
        source=_("Lapak"),
    ),
]
