"""Produk hukum desa speed on the demo district, with Dagan's register grown to 1,000 acts:
the public list (plain, searched, filtered), one act page, the JDIH feed of all 1,000 acts and
the district's APB Desa Perdes table over every live desa — p50/p95 uncached (the shared cache
cleared before each request), SQL queries and HTML bytes per page.

Run it after `manage.py demo` in a throw-away BALAI_VAR_DIR (it adds rows there):
    DEBUG=1 BALAI_VAR_DIR=/tmp/balai-legal .venv/bin/python bench/legal_speed.py
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "balai.settings")
if not os.environ.get("BALAI_VAR_DIR"):
    sys.exit("Set BALAI_VAR_DIR to the directory of a demo build.")

import django

django.setup()

from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from balai.accounts.models import User
from balai.legal.models import LegalAct, act_slug
from balai.villages.content import content_changed
from balai.villages.models import Village

ACTS = 1000
WORDS = ["pungutan", "aset", "tanah kas desa", "BUMDes", "posyandu", "irigasi", "pasar desa"]


def grow(village: Village) -> None:
    have = LegalAct.objects.filter(village=village, import_key__startswith="bench-").count()
    acts = []
    for i in range(have, ACTS):
        day = date(2000, 1, 3) + timedelta(days=i * 9)
        kind = ["perdes", "perkades", "kepdes"][i % 3]
        number = f"{100 + i}"
        acts.append(
            LegalAct(
                village=village,
                kind=kind,
                number=number,
                year=day.year,
                slug=act_slug(kind, day.year, number),
                title=f"Pengelolaan {WORDS[i % len(WORDS)]} nomor urut {i}",
                enacted_on=day,
                subjects=f"{WORDS[i % len(WORDS)]}, pemerintahan desa",
                abstract="Ketentuan tentang " + WORDS[i % len(WORDS)] + ". " * 20,
                external_url=f"https://jdih.contoh.id/{i}.pdf",
                import_key=f"bench-{i}",
            )
        )
    LegalAct.objects.bulk_create(acts, batch_size=500)
    content_changed(village)


def timed(client: Client, url: str, runs: int = 15) -> tuple[float, float, int, int]:
    times, queries, size = [], 0, 0
    for _ in range(runs):
        cache.clear()
        with CaptureQueriesContext(connection) as ctx:
            start = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
        queries, size = len(ctx.captured_queries), len(response.content)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1], queries, size


def main() -> None:
    dagan = Village.objects.get(slug="dagan")
    grow(dagan)
    public = Client()
    act = (
        LegalAct.objects.filter(village=dagan, slug="perdes-2020-3").first()
        or LegalAct.objects.filter(village=dagan).first()
    )
    pages = [
        ("list", "/desa/dagan/produk-hukum/"),
        ("list, search", "/desa/dagan/produk-hukum/?q=irigasi"),
        ("list, filters", "/desa/dagan/produk-hukum/?jenis=perdes&tahun=2010&subjek=aset"),
        ("act page", f"/desa/dagan/produk-hukum/{act.slug}/"),
        ("jdih.json", "/desa/dagan/produk-hukum/jdih.json"),
    ]
    total = LegalAct.objects.filter(village=dagan).count()
    print(f"Dagan: {total} acts; {Village.objects.filter(status='live').count()} live sites")
    for name, url in pages:
        p50, p95, queries, size = timed(public, url)
        print(
            f"{name:14} p50 {p50:6.1f} ms  p95 {p95:6.1f} ms  {queries:3} queries  {size:>9,} bytes"
        )
    admin = Client()
    admin.force_login(User.objects.get(email="admin@purbalinggakab.go.id"))
    p50, p95, queries, size = timed(admin, "/dasbor/kabupaten/produk-hukum/")
    print(
        f"{'district table':14} p50 {p50:6.1f} ms  p95 {p95:6.1f} ms  "
        f"{queries:3} queries  {size:>9,} bytes"
    )
    print("rerun: DEBUG=1 BALAI_VAR_DIR=/tmp/balai-legal .venv/bin/python bench/legal_speed.py")


if __name__ == "__main__":
    main()
