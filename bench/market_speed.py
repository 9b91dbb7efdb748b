"""Lapak Desa at district scale: 20,000 products across every village of the district.

Measures p50/p95 of the district marketplace (browse, category filter, search) and of a
product page, cached (anonymous, warm page cache) and uncached (page cache emptied before each
request), and the weight of the product page without photos (budget ≤ 100 KB).

Builds its own data in its own database, so run it with a throw-away BALAI_VAR_DIR:
    BALAI_VAR_DIR=/tmp/balai-bench-market .venv/bin/python bench/market_speed.py
"""

from __future__ import annotations

import gzip
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "balai.settings")
if not os.environ.get("BALAI_VAR_DIR"):
    sys.exit("Set BALAI_VAR_DIR to a throw-away directory: this builds 20,000 products.")

import django

django.setup()

from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.utils import timezone
from django.utils.text import slugify

from balai.market.demo import CATALOGUE
from balai.market.models import Product, Seller
from balai.regions.models import Region
from balai.regions.services import regions_load_default
from balai.villages.models import Village

PRODUCTS = 20_000
RUNS = 60


def build() -> None:
    if Product.objects.count() >= PRODUCTS:
        return
    if not Region.objects.exists():
        regions_load_default()
    rng = random.Random(7)
    regions = list(
        Region.objects.filter(level__in=["desa", "kelurahan"]).exclude(village_site__isnull=False)
    )
    Village.objects.bulk_create(
        [Village(region=r, slug=f"b{r.code.replace('.', '')}", status="live") for r in regions]
    )
    villages = list(Village.objects.filter(status="live"))
    sellers = Seller.objects.bulk_create(
        [
            Seller(village=v, name=f"UMKM {v.pk}-{i}", whatsapp="+6281200000000", status="approved")
            for v in villages
            for i in range(3)
        ]
    )
    items = [
        (cat, name, price, unit) for cat, rows in CATALOGUE.items() for name, price, unit in rows
    ]
    now = timezone.now()
    batch = []
    for n in range(PRODUCTS):
        seller = sellers[n % len(sellers)]
        cat, name, price, unit = rng.choice(items)
        batch.append(
            Product(
                village_id=seller.village_id,
                seller=seller,
                name=f"{name} {n}",
                slug=f"{slugify(name)}-{n}",
                category=cat,
                unit=unit,
                price_min=price,
                description=f"{name} buatan warga. " * 8,
                status="published",
                published_at=now,
            )
        )
    Product.objects.bulk_create(batch, batch_size=2000)
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # planner statistics, as `PRAGMA optimize` keeps them
    print(f"built {len(villages)} villages, {len(sellers)} sellers, {PRODUCTS:,} products")


def timings(client: Client, url: str, *, cached: bool) -> tuple[float, float, int]:
    client.get(url)  # warm the page cache (or the database's own caches)
    samples = []
    for _i in range(RUNS):
        if not cached:
            cache.clear()
        start = time.perf_counter()
        response = client.get(url)
        samples.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.95) - 1], len(response.content)


def main() -> None:
    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)  # production static names
    build()
    client = Client(HTTP_HOST="localhost")
    product = Product.objects.select_related("village").order_by("-id").first()
    kecamatan = product.village.region.parent_id
    urls = [
        ("marketplace", "/lapak/"),
        ("marketplace page 40", "/lapak/?hal=40"),
        ("kecamatan + kategori", f"/lapak/?kecamatan={kecamatan}&kategori=kuliner"),
        ("search (never cached)", "/lapak/?q=gula+kelapa"),
        ("village catalogue", f"/desa/{product.village.slug}/lapak/"),
        ("product page", f"/desa/{product.village.slug}/lapak/{product.slug}/"),
    ]
    print(
        f"{Product.objects.count():,} products in {Village.objects.count()} villages; {RUNS} runs"
    )
    print(f"{'page':24} {'uncached p50':>12} {'p95':>8} {'cached p50':>11} {'p95':>8} {'bytes':>8}")
    for label, url in urls:
        cold50, cold95, size = timings(client, url, cached=False)
        warm50, warm95, _s = timings(client, url, cached=True)
        print(
            f"{label:24} {cold50:10.1f}ms {cold95:6.1f}ms {warm50:9.1f}ms {warm95:6.1f}ms {size:8,}"
        )
    html = client.get(urls[-1][1]).content
    css = sum(
        (Path("static") / p).stat().st_size for p in ("css/balai.css", "css/parts/market.css")
    )
    print(
        f"product page weight without photos: HTML {len(html):,} B + CSS {css:,} B = "
        f"{len(html) + css:,} B (gzip HTML {len(gzip.compress(html)):,} B); no JS"
    )
    print("rerun: BALAI_VAR_DIR=/tmp/balai-bench-market .venv/bin/python bench/market_speed.py")


if __name__ == "__main__":
    main()
