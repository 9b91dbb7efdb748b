"""Issue 16 part 4, the village at a glance: the village home with the panel (Dagan, every
section filled) and the portal home with the kabupaten's panel, on the demo district.

Prints for each page its first-view bytes (HTML + the CSS and JS it links, uncompressed and
gzip; budget: ≤ 100 KB, JS 0 unless the interactive map is on) and the render time with the page
cache off (PUBLIC_PAGE_CACHE_SECONDS=0: the view, the panel and the template run every time;
the routes and menu caches stay warm as in production): p50/p95 over --n requests, with and
without the panel's figures, and the SQL queries of one render. Then the panel alone
(village_glance / district_glance): p50/p95 and queries.

    BALAI_VAR_DIR=/tmp/balai-bench-glance .venv/bin/python manage.py migrate
    BALAI_VAR_DIR=/tmp/balai-bench-glance .venv/bin/python manage.py demo
    BALAI_VAR_DIR=/tmp/balai-bench-glance .venv/bin/python bench/glance.py [--n 300]
"""

from __future__ import annotations

import argparse
import gzip
import os
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "balai.settings")

parser = argparse.ArgumentParser()
parser.add_argument("--n", type=int, default=300)
parser.add_argument("--village", default="dagan")
args = parser.parse_args()

import django

django.setup()

from django.conf import settings
from django.contrib.staticfiles import finders
from django.db import connection
from django.test import Client, override_settings

from balai.villages import glance
from balai.villages.models import Village

ASSET = re.compile(r'<(?:link[^>]+href|script[^>]+src)="(/(?:static/[^"?]+|[^"?]*tema\.css))')


def asset(client: Client, url: str) -> bytes:
    if url.startswith("/static/"):
        name = url.removeprefix("/static/")
        collected = Path(settings.STATIC_ROOT) / name
        if collected.is_file():
            return collected.read_bytes()
        found = finders.find(name)
        return Path(found).read_bytes() if found else b""
    return client.get(url).content  # the village's theme.css


def count_queries(fn: Callable[[], object]) -> int:
    """Counted by a wrapper, not CaptureQueriesContext: a request clears the query log."""
    seen = []
    with connection.execute_wrapper(lambda execute, *a: seen.append(1) or execute(*a)):
        fn()
    return len(seen)


def timed(fn: Callable[[], object], n: int) -> tuple[float, float]:
    fn()
    times = []
    for _ in range(n):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1]


def weight(client: Client, url: str) -> str:
    html = client.get(url).content
    assets = {u: asset(client, u) for u in ASSET.findall(html.decode())}
    css = sum(len(b) for u, b in assets.items() if u.endswith(".css"))
    js = sum(len(b) for u, b in assets.items() if u.endswith(".js"))
    raw = len(html) + css + js
    zipped = len(gzip.compress(html)) + sum(len(gzip.compress(b)) for b in assets.values())
    panel = html.count(b'class="glance-item"')
    return (
        f"html {len(html):,} + css {css:,} + js {js:,} = {raw:,} B (gzip {zipped:,}); "
        f"{panel} figures; {'OK' if raw <= 100_000 and js == 0 else 'OVER BUDGET'}"
    )


def render_times(client: Client, url: str) -> str:
    def get() -> None:
        assert client.get(url).status_code == 200

    p50, p95 = timed(get, args.n)
    return f"p50 {p50:.1f} ms, p95 {p95:.1f} ms, {count_queries(get)} queries"


def main() -> None:
    village = Village.objects.get(slug=args.village)
    client = Client(HTTP_HOST=settings.DISTRICT_DOMAIN)
    home = village.get_absolute_url()
    print(f"n={args.n}, database {connection.vendor}, village {village.display_name}")
    for url in (home, "/"):
        print(f"{url:14} first view: {weight(client, url)}")
    with override_settings(PUBLIC_PAGE_CACHE_SECONDS=0):
        for url in (home, "/"):
            print(f"{url:14} uncached, with the panel:    {render_times(client, url)}")
        figures = dict(glance._figures)
        glance._figures.clear()
        try:
            for url in (home, "/"):
                print(f"{url:14} uncached, without the panel: {render_times(client, url)}")
        finally:
            glance._figures.update(figures)
    for name, fn in (
        ("village_glance", lambda: glance.village_glance(village)),
        ("district_glance", glance.district_glance),
    ):
        p50, p95 = timed(fn, args.n)
        print(f"{name:15} p50 {p50:.2f} ms, p95 {p95:.2f} ms, {count_queries(fn)} queries")
    print(
        "rerun: BALAI_VAR_DIR=<demo var dir> .venv/bin/python bench/glance.py "
        f"--n {args.n} --village {args.village}"
    )


if __name__ == "__main__":
    main()
