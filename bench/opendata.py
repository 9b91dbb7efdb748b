"""Open data over the whole district: the district DCAT catalogue (JSON-LD and Turtle) built
uncached, and CKAN's package_search, p50/p95 through Django's request stack (test client, no
network), with SQL query counts.

Build a district first, in a throw-away BALAI_VAR_DIR (about 230 live villages with every
module's demo data; `--scale district` builds the same sites with a million residents, which
changes the stored figures' row counts, not the catalogue's queries):
    export BALAI_VAR_DIR=/tmp/balai-opendata DEBUG=1
    .venv/bin/python manage.py migrate && .venv/bin/python manage.py demo --villages 236
    .venv/bin/python bench/opendata.py
Targets (issue 16): district catalogue uncached p95 ≤ 300 ms; package_search p95 ≤ 100 ms.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "balai.settings")
if not os.environ.get("BALAI_VAR_DIR"):
    sys.exit("Set BALAI_VAR_DIR to the directory of a demo build.")

import django

django.setup()

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from balai.opendata.catalogue import district_catalogue
from balai.villages.cache import MEMO
from balai.villages.models import Village

RUNS = int(os.environ.get("RUNS", "20"))


def _timed(fetch, *, cold: bool) -> tuple[float, float, float, int, int]:
    times, cpu, queries, size = [], [], 0, 0
    for i in range(RUNS):
        if cold:
            cache.clear()
            MEMO.clear()
        with CaptureQueriesContext(connection) as ctx:
            start, start_cpu = time.perf_counter(), time.process_time()
            response = fetch(i)
            times.append((time.perf_counter() - start) * 1000)
            cpu.append((time.process_time() - start_cpu) * 1000)
        assert response.status_code == 200, response.status_code
        queries, size = len(ctx.captured_queries), len(response.content)
    times.sort()
    cpu.sort()
    p95 = max(int(len(times) * 0.95) - 1, 0)
    return statistics.median(times), times[p95], cpu[p95], queries, size


def main() -> None:
    client = Client(HTTP_HOST=settings.DISTRICT_DOMAIN)
    live = Village.objects.filter(status="live").count()
    slugs = list(Village.objects.filter(status="live").values_list("slug", flat=True))
    cat = district_catalogue()
    print(f"{live} live villages, {len(cat.entries)} datasets in the district catalogue")
    print(
        f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores "
        "(wall times include waiting for a core)"
    )
    rows = [
        (
            "district catalogue JSON-LD, uncached",
            lambda i: client.get("/data/katalog.jsonld"),
            True,
        ),
        ("district catalogue Turtle, uncached", lambda i: client.get("/data/katalog.ttl"), True),
        (
            "package_search fq=organization (distinct URLs, catalogue cached)",
            lambda i: client.get(
                f"/api/3/action/package_search?fq=organization:{slugs[i % len(slugs)]}&rows=20"
            ),
            False,
        ),
        (
            "package_search q=penduduk rows=100 (distinct URLs, catalogue cached)",
            lambda i: client.get(f"/api/3/action/package_search?q=penduduk&rows=100&start={i}"),
            False,
        ),
        (
            "package_search rows=1000, uncached (catalogue rebuilt)",
            lambda i: client.get("/api/3/action/package_search?rows=1000"),
            True,
        ),
    ]
    client.get("/api/3/action/package_list")  # warms the catalogue for the cached rows
    for label, fetch, cold in rows:
        p50, p95, cpu95, queries, size = _timed(fetch, cold=cold)
        print(
            f"{label}: p50 {p50:.0f} ms, p95 {p95:.0f} ms (CPU p95 {cpu95:.0f} ms), "
            f"{queries} queries, {size:,} bytes"
        )
    print(f"rerun: BALAI_VAR_DIR={os.environ['BALAI_VAR_DIR']} .venv/bin/python bench/opendata.py")


if __name__ == "__main__":
    main()
