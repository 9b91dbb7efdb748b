"""Response shapes of the public API. Only published content and aggregates: nothing here may
ever carry a NIK, No. KK, birth date, home address or contact of a resident, requester, buyer,
commenter or applicant (UU 27/2022)."""

from __future__ import annotations

from datetime import date, datetime

from ninja import Schema


class VillageOut(Schema):
    code: str
    name: str
    type: str
    kecamatan: str
    slug: str
    url: str
    tagline: str


class OfficialOut(Schema):
    name: str
    position: str


class OfficeOut(Schema):
    """The village office's own contact, as the village published it on its profile."""

    address: str
    phone: str
    email: str
    hours: str


class VillageDetailOut(VillageOut):
    officials: list[OfficialOut]
    office: OfficeOut


class ArticleOut(Schema):
    title: str
    slug: str
    summary: str
    published_at: datetime
    url: str
    category: str | None


class ArticlePageOut(Schema):
    count: int
    page: int
    pages: int
    items: list[ArticleOut]


class PopulationRowOut(Schema):
    label: str
    jenis: str
    laki_laki: int | None
    perempuan: int | None
    jumlah: int | None
    disembunyikan: bool


class PopulationTableOut(Schema):
    key: str
    kategori: str
    satuan: str
    batas_sel_kecil: int
    keterangan: str
    baris: list[PopulationRowOut]


class PopulationOut(Schema):
    categories: list[PopulationTableOut]


class BudgetYearOut(Schema):
    year: int
    status: str
    status_label: str
    perdes_number: str
    realised_until: date | None
    income_budget: int
    income_realised: int
    spending_budget: int
    spending_realised: int
    financing_in: int
    financing_out: int
    url: str


class ProductOut(Schema):
    name: str
    slug: str
    price: str
    price_min: int | None
    price_max: int | None
    category: str
    category_label: str
    url: str


class ProductPageOut(Schema):
    count: int
    page: int
    pages: int
    items: list[ProductOut]


class ErrorOut(Schema):
    detail: str
