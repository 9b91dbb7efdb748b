"""Reads for the shop: public catalogues, the district marketplace, and the figures."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from django.core.cache import cache
from django.db.models import Count, Prefetch, Q, QuerySet, Sum
from django.db.models.functions import TruncMonth
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from balai.market.models import Category, Order, Product, ProductPhoto, Review, Seller
from balai.regions.models import Region
from balai.villages.cache import district_version
from balai.villages.models import Village

SORTS = {
    "baru": ("-published_at", "-id"),
    "murah": ("price_min", "-id"),
    "mahal": ("-price_min", "-id"),
    "nama": ("name", "id"),
}
SORT_LABELS = [
    ("baru", _("Terbaru")),
    ("murah", _("Harga termurah")),
    ("mahal", _("Harga termahal")),
    ("nama", _("Nama")),
]
PAID = [Order.Status.PAID, Order.Status.SHIPPED, Order.Status.DONE]


def _first_photo() -> Prefetch:
    return Prefetch("photos", queryset=ProductPhoto.objects.order_by("order", "id"))


def public_products() -> QuerySet[Product]:
    return Product.objects.filter(
        status=Product.Status.PUBLISHED,
        seller__status=Seller.Status.APPROVED,
    )


def has_public_products(village: Village) -> bool:
    """Asked on every page (the village menu), so remembered per content version: any change
    that could alter the answer bumps the version."""
    key = f"balai:market:has:{village.pk}:{village.content_version}"
    found = cache.get(key)
    if found is None:
        found = public_products().filter(village=village).exists()
        cache.set(key, found, 3600)
    return found


def _search(qs: QuerySet[Product], q: str) -> QuerySet[Product]:
    for word in q.split()[:5]:
        qs = qs.filter(
            Q(name__icontains=word)
            | Q(subcategory__icontains=word)
            | Q(seller__name__icontains=word)
        )
    return qs


def village_catalogue(
    village: Village, *, category: str = "", q: str = "", sort: str = "baru"
) -> QuerySet[Product]:
    qs = public_products().filter(village=village).select_related("seller")
    if category in Category.values:
        qs = qs.filter(category=category)
    if q:
        qs = _search(qs, q)
    return qs.order_by(*SORTS.get(sort, SORTS["baru"])).prefetch_related(_first_photo())


def catalogue_categories(village: Village) -> list[tuple[str, StrOrPromise, int]]:
    counts = dict(
        public_products()
        .filter(village=village)
        .values_list("category")
        .annotate(n=Count("id"))
        .values_list("category", "n")
    )
    return [(value, label, counts[value]) for value, label in Category.choices if value in counts]


def village_subcategories(village: Village) -> list[str]:
    """The sub-categories this village already uses, offered when typing a new one."""
    rows = Product.objects.for_village(village).exclude(subcategory="").order_by("subcategory")
    return list(rows.values_list("subcategory", flat=True).distinct()[:100])


def public_product(village: Village, slug: str) -> Product | None:
    return (
        public_products()
        .filter(village=village, slug=slug)
        .select_related("seller")
        .prefetch_related(_first_photo(), "variants")
        .first()
    )


def approved_reviews(product: Product) -> list[Review]:
    return list(product.reviews.filter(status=Review.Status.APPROVED)[:20])


def district_marketplace(*, kecamatan: str = "", category: str = "", q: str = "") -> QuerySet:
    qs = public_products().filter(village__status=Village.Status.LIVE)
    if kecamatan:
        qs = qs.filter(village__region__parent_id=kecamatan)
    if category in Category.values:
        qs = qs.filter(category=category)
    if q:
        qs = _search(qs, q)
    return (
        qs.select_related("seller", "village__region")
        .order_by("-published_at", "-id")
        .prefetch_related(_first_photo())
    )


def marketplace_kecamatan() -> list[tuple[str, str]]:
    """Kecamatan that have a live village with something on sale; the same for every visitor
    until something is published, so kept per district version."""
    key = f"balai:market:kecamatan:{district_version()}"
    rows = cache.get(key)
    if rows is None:
        villages = public_products().filter(village__status=Village.Status.LIVE).order_by()
        codes = set(villages.values_list("village__region__parent_id", flat=True).distinct())
        rows = list(
            Region.objects.filter(code__in=codes).order_by("name").values_list("code", "name")
        )
        cache.set(key, rows, 3600)
    return rows


@dataclass
class MonthRow:
    month: object
    orders: int
    items: int
    value: int


def monthly_figures(orders: QuerySet[Order], months: int = 12) -> list[MonthRow]:
    """Orders, items and value (orders that were paid) per month, newest first."""
    rows = (
        orders.annotate(month=TruncMonth("created_at"))
        .values("month")
        .annotate(
            n=Count("id"),
            items=Sum("quantity"),
            value=Sum("total", filter=Q(status__in=PAID)),
            shipping=Sum("shipping", filter=Q(status__in=PAID)),
        )
        .order_by("-month")[:months]
    )
    return [
        MonthRow(r["month"], r["n"], r["items"] or 0, (r["value"] or 0) + (r["shipping"] or 0))
        for r in rows
    ]


def top_categories(products: QuerySet[Product]) -> list[tuple[str, int]]:
    labels = dict(Category.choices)
    counts = Counter(dict(products.values_list("category").annotate(n=Count("id"))))
    return [(labels.get(c, c), n) for c, n in counts.most_common(5)]


def village_summary(village: Village) -> dict:
    orders = Order.objects.for_village(village)
    products = Product.objects.for_village(village)
    return {
        "sellers": Seller.objects.for_village(village).filter(status="approved").count(),
        "products": products.filter(status=Product.Status.PUBLISHED).count(),
        "months": monthly_figures(orders),
        "categories": top_categories(products.filter(status=Product.Status.PUBLISHED)),
        "by_status": dict(orders.values_list("status").annotate(n=Count("id"))),
    }


def district_by_village() -> list[dict]:
    """Per live village: sellers, published products, orders and paid value (GROUP BY village)."""
    sellers = dict(
        Seller.objects.filter(status="approved").values_list("village").annotate(n=Count("id"))
    )
    products = dict(
        Product.objects.filter(status="published").values_list("village").annotate(n=Count("id"))
    )
    orders: dict[int, dict[str, Any]] = {
        r["village"]: dict(r)
        for r in Order.objects.values("village").annotate(
            n=Count("id"), value=Sum("total", filter=Q(status__in=PAID))
        )
    }
    villages = Village.objects.filter(pk__in=set(sellers) | set(products)).select_related("region")
    rows = []
    for v in villages:
        o = orders.get(v.pk, {})
        rows.append(
            {
                "village": v,
                "sellers": sellers.get(v.pk, 0),
                "products": products.get(v.pk, 0),
                "orders": o.get("n", 0),
                "value": o.get("value") or 0,
            }
        )
    return sorted(rows, key=lambda r: -r["products"])
