"""The public read-only API, v1: anonymous GETs of published content and aggregates."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Query, Schema
from ninja.errors import HttpError

from balai.api import selectors
from balai.api.schemas import (
    ArticlePageOut,
    BudgetYearOut,
    ErrorOut,
    PopulationOut,
    ProductPageOut,
    VillageDetailOut,
    VillageOut,
)
from balai.villages.models import Village

api = NinjaAPI(
    title="Balai API",
    version="1",
    description=(
        "API publik baca-saja situs desa/kelurahan: profil, berita, statistik penduduk, "
        "APBDes dan produk lapak. Hanya data yang sudah terbit dan angka agregat."
    ),
    urls_namespace="api-v1",
    docs_url=None,  # the docs page lives at /api/docs (balai.api.urls)
)

NOT_FOUND = {404: ErrorOut}


class PageIn(Schema):
    page: int = 1


def _village(slug: str) -> Village:
    village = selectors.live_village(slug)
    if village is None:
        raise HttpError(404, _("Desa tidak ditemukan."))
    return village


@api.get("/villages", response=list[VillageOut], tags=["desa"])
def villages(request: HttpRequest):
    """Semua situs desa/kelurahan yang sudah tayang."""
    return selectors.villages_list()


@api.get("/villages/{slug}", response={200: VillageDetailOut, **NOT_FOUND}, tags=["desa"])
def village(request: HttpRequest, slug: str):
    """Profil satu desa: perangkat desa dan kontak kantor desa."""
    return selectors.village_detail(_village(slug))


@api.get("/villages/{slug}/news", response={200: ArticlePageOut, **NOT_FOUND}, tags=["berita"])
def village_news(request: HttpRequest, slug: str, params: Query[PageIn]):
    """Berita yang sudah terbit, terbaru dulu, 20 per halaman."""
    return selectors.village_news(_village(slug), max(params.page, 1))


@api.get(
    "/villages/{slug}/population",
    response={200: PopulationOut, **NOT_FOUND},
    tags=["penduduk"],
)
def village_population(request: HttpRequest, slug: str):
    """Statistik penduduk yang dipublikasikan desa; sel kecil disembunyikan (null)."""
    return selectors.village_population(_village(slug))


@api.get(
    "/villages/{slug}/apbdes", response={200: list[BudgetYearOut], **NOT_FOUND}, tags=["anggaran"]
)
def village_budget(request: HttpRequest, slug: str):
    """APBDes yang sudah ditetapkan, per tahun, dengan total anggaran dan realisasi."""
    village = _village(slug)
    if village.is_kelurahan:
        raise HttpError(404, _("Kelurahan tidak memiliki APBDes."))
    return selectors.village_budget(village)


@api.get("/villages/{slug}/products", response={200: ProductPageOut, **NOT_FOUND}, tags=["lapak"])
def village_products(request: HttpRequest, slug: str, params: Query[PageIn]):
    """Produk lapak desa dari penjual yang sudah disetujui, 20 per halaman."""
    return selectors.village_products(_village(slug), max(params.page, 1))
