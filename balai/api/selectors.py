"""Reads for the public API. Each builder calls the owning module's public selectors (the same
reads its public pages and downloads use) and returns plain data; results are cached per
village content_version (per district version for the list), like the public pages."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator
from django.urls import reverse
from django.utils.translation import get_language

from balai.budget import selectors as budget
from balai.market import selectors as market
from balai.market.prices import price_label
from balai.news import selectors as news
from balai.population import selectors as population
from balai.villages.cache import district_version
from balai.villages.models import Village
from balai.villages.selectors import officials_for

PAGE_SIZE = 20


def _live() -> Any:
    return (
        Village.objects.filter(status=Village.Status.LIVE)
        .select_related("region", "region__parent")
        .prefetch_related("domains")
    )


def live_village(slug: str) -> Village | None:
    """Draft and suspended sites do not exist for the API. Domains are read only when a
    response is built (for the links), not on a cache hit."""
    return _live().prefetch_related(None).filter(slug=slug).first()


def _cached(scope: str, key: str, build: Callable[[], Any]) -> Any:
    full = f"balai:api:{scope}:{get_language()}:{key}"
    data = cache.get(full)
    if data is None:
        data = build()
        cache.set(full, data, settings.PUBLIC_PAGE_CACHE_SECONDS)
    return data


def _village_scope(village: Village) -> str:
    return f"v{village.pk}.{village.content_version}"


def site_link(village: Village, name: str, **kwargs: Any) -> str:
    """The page's address at the village's preferred host (custom domain, subdomain or path)."""
    path = reverse(f"site:{name}", kwargs={"village_slug": village.slug, **kwargs})
    prefix = village.get_absolute_url()
    # Remembered on the instance (one request): public_base_url reads the domains each time.
    if "_api_base_url" not in village.__dict__:
        village.__dict__["_api_base_url"] = village.public_base_url()
    return village.__dict__["_api_base_url"] + path[len(prefix) :]


def village_data(village: Village) -> dict:
    region = village.region
    return {
        "code": region.code,
        "name": region.name,
        "type": "kelurahan" if village.is_kelurahan else "desa",
        "kecamatan": region.parent.name if region.parent else "",
        "slug": village.slug,
        "url": village.public_base_url(),
        "tagline": village.tagline,
    }


def villages_list() -> list[dict]:
    return _cached(f"d{district_version()}", "villages", lambda: [village_data(v) for v in _live()])


def village_detail(village: Village) -> dict:
    def build() -> dict:
        return {
            **village_data(village),
            "officials": [{"name": o.name, "position": o.position} for o in officials_for(village)],
            "office": {
                "address": village.office_address,
                "phone": village.phone,
                "email": village.email,
                "hours": village.office_hours,
            },
        }

    return _cached(_village_scope(village), "detail", build)


def _page(qs: Any, page: int, item: Callable[[Any], dict]) -> dict:
    paginator = Paginator(qs, PAGE_SIZE)
    current = paginator.get_page(page)
    return {
        "count": paginator.count,
        "page": current.number,
        "pages": paginator.num_pages,
        "items": [item(obj) for obj in current.object_list],
    }


def _article(village: Village, article: Any) -> dict:
    return {
        "title": article.title,
        "slug": article.slug,
        "summary": article.summary,
        "published_at": article.publish_at.isoformat(),
        "url": site_link(village, "news_article", article_slug=article.slug),
        "category": article.category.name if article.category else None,
    }


def village_news(village: Village, page: int) -> dict:
    qs = (
        news.public_articles(village)
        .select_related(None)
        .select_related("category")
        .only("title", "slug", "summary", "publish_at", "category__name")
    )
    # Like the news pages: a scheduled article appears when this cache expires.
    return _cached(
        _village_scope(village),
        f"news:{page}",
        lambda: _page(qs, page, lambda a: _article(village, a)),
    )


def village_population(village: Village) -> dict:
    """Exactly the public JSON download of each published category, suppression included."""

    def build() -> dict:
        if not population.has_figures(village):
            return {"categories": []}
        tables = population.village_tables(village)
        return {
            "categories": [{"key": key, **population.table_data(t)} for key, t in tables.items()]
        }

    return _cached(_village_scope(village), "population", build)


def village_budget(village: Village) -> list[dict]:
    def build() -> list[dict]:
        return [
            {
                "year": fy.year,
                "status": fy.status,
                "status_label": str(fy.get_status_display()),
                "perdes_number": fy.perdes_number,
                "realised_until": fy.realised_until.isoformat() if fy.realised_until else None,
                "income_budget": fy.income_budget,
                "income_realised": fy.income_realised,
                "spending_budget": fy.spending_budget,
                "spending_realised": fy.spending_realised,
                "financing_in": fy.financing_in,
                "financing_out": fy.financing_out,
                "url": site_link(village, "budget_year", tahun=fy.year),
            }
            for fy in budget.public_years(village)
        ]

    return _cached(_village_scope(village), "budget", build)


def _product(village: Village, product: Any) -> dict:
    return {
        "name": product.name,
        "slug": product.slug,
        "price": str(price_label(product.price_min, product.price_max, product.negotiable)),
        "price_min": product.price_min,
        "price_max": product.price_max,
        "category": product.category,
        "category_label": str(product.get_category_display()),
        "url": site_link(village, "market_product", product_slug=product.slug),
    }


def village_products(village: Village, page: int) -> dict:
    # The catalogue's own query minus its photo prefetch, which the API does not return.
    qs = market.village_catalogue(village).prefetch_related(None)
    return _cached(
        _village_scope(village),
        f"products:{page}",
        lambda: _page(qs, page, lambda p: _product(village, p)),
    )
