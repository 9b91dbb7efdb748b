"""Village news at district scale: every village of the district × 200 stories (~48,000).

Measures, under 20 concurrent clients against gunicorn on 127.0.0.1 (as in production):
requests/s and p95 of a village home page and an article page, cached (anonymous, warm page
cache) and uncached (`?q=` bypasses the page cache); the home page's weight (HTML + CSS + JS,
no photos; budget ≤ 100 KB, JS ≤ 30 KB); and full-text search latency over all stories.

Builds its own data in its own SQLite database, so run it with a throw-away BALAI_VAR_DIR:
    BALAI_VAR_DIR=/tmp/balai-bench-news .venv/bin/python bench/news_speed.py
"""

from __future__ import annotations

import os
import random
import re
import statistics
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "balai.settings")
if not os.environ.get("BALAI_VAR_DIR"):
    sys.exit("Set BALAI_VAR_DIR to a throw-away directory: this builds ~48,000 stories.")

import django

django.setup()

from django.core.management import call_command

from balai.news.demo import build_village_news, demo_photos
from balai.news.models import Article
from balai.news.search import article_index_many, article_search
from balai.regions.models import Region
from balai.regions.services import regions_load_default
from balai.villages.models import Village

PER_VILLAGE = 200
CLIENTS = 20
REQUESTS = 400
PORT = 8731
WORKERS = int(os.environ.get("BENCH_WORKERS", "3"))


def build() -> None:
    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    if Article.objects.count() >= 40_000:
        return
    if not Region.objects.exists():
        regions_load_default()
    regions = Region.objects.filter(level__in=["desa", "kelurahan"], village_site__isnull=True)
    Village.objects.bulk_create(
        [Village(region=r, slug=f"b{r.code.replace('.', '')}", status="live") for r in regions]
    )
    photos, rng = demo_photos(), random.Random(3)
    started = time.perf_counter()
    for village in Village.objects.filter(status="live"):
        articles = build_village_news(rng=rng, village=village, photos=photos, count=PER_VILLAGE)
        Article.objects.bulk_create(articles, batch_size=1000)
    article_index_many(articles=Article.objects.only("pk", "village_id", "search_text"))
    print(f"built {Article.objects.count():,} stories in {time.perf_counter() - started:.0f} s")


def fetch(url: str) -> tuple[float, int]:
    started = time.perf_counter()
    with urllib.request.urlopen(url, timeout=30) as response:
        size = len(response.read())
    return time.perf_counter() - started, size


def load(label: str, urls: list[str]) -> None:
    with ThreadPoolExecutor(CLIENTS) as pool:
        started = time.perf_counter()
        times = [t for t, _size in pool.map(fetch, urls)]
        elapsed = time.perf_counter() - started
    p95 = statistics.quantiles(times, n=20)[18] * 1000
    p50 = statistics.median(times) * 1000
    rate = len(urls) / elapsed
    print(f"{label:<28} {rate:7.1f} req/s   p50 {p50:6.1f} ms   p95 {p95:6.1f} ms")


def page_weight(base: str, path: str) -> None:
    html = urllib.request.urlopen(base + path).read()
    assets = re.findall(rb'(?:href|src)="(/static/[^"]+\.(?:css|js))"', html)
    css = sum(
        len(urllib.request.urlopen(base + a.decode()).read()) for a in assets if a.endswith(b".css")
    )
    js = sum(
        len(urllib.request.urlopen(base + a.decode()).read()) for a in assets if a.endswith(b".js")
    )
    total = (len(html) + css + js) / 1024
    print(
        f"weight {path}: HTML {len(html) / 1024:.1f} KB + CSS {css / 1024:.1f} KB"
        f" + JS {js / 1024:.1f} KB = {total:.1f} KB (uncompressed)"
    )


def search_latency() -> None:
    words = ["membangun", "posyandu", "panen padi", "gotong royong", "pelatihan batik", "bumdes"]
    village = Village.objects.filter(status="live").first()
    for scope, target in (("one village", village), ("whole district", None)):
        times = []
        for i in range(60):
            started = time.perf_counter()
            article_search(village=target, query=words[i % len(words)])
            times.append(time.perf_counter() - started)
        p95 = statistics.quantiles(times, n=20)[18] * 1000
        print(
            f"search {scope:<15} p50 {statistics.median(times) * 1000:6.1f} ms   p95 {p95:6.1f} ms"
        )


def main() -> None:
    build()
    call_command("collectstatic", interactive=False, verbosity=0)
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "balai.settings"}
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "balai.wsgi",
            "-b",
            f"127.0.0.1:{PORT}",
            "-w",
            str(WORKERS),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    try:
        base = f"http://127.0.0.1:{PORT}"
        for _ in range(50):
            try:
                urllib.request.urlopen(base + "/", timeout=2)
                break
            except OSError:
                time.sleep(0.3)
        villages = list(Village.objects.filter(status="live").values_list("slug", flat=True))
        slugs = list(
            Article.objects.filter(village__slug=villages[0]).values_list("slug", flat=True)[:50]
        )
        v = villages[0]
        print(
            f"{Article.objects.count():,} stories in {len(villages)} villages;"
            f" gunicorn -w {WORKERS}; {CLIENTS} clients"
        )
        home = [f"{base}/desa/{v}/"] * REQUESTS
        article = [f"{base}/desa/{v}/berita/{slugs[i % len(slugs)]}/" for i in range(REQUESTS)]
        for url in set(home + article):
            fetch(url)  # warm the page cache
        load("home, cached", home)
        load("article, cached", article)
        load("news list, cached", [f"{base}/desa/{v}/berita/"] * REQUESTS)
        load("home, uncached", [u + "?q=x" for u in home])
        load("article, uncached", [u + "?q=x" for u in article])
        load(
            "news list, uncached",
            [f"{base}/desa/{villages[i % len(villages)]}/berita/?q=x" for i in range(REQUESTS)],
        )
        load("district /berita/, cached", [f"{base}/berita/"] * REQUESTS)
        page_weight(base, f"/desa/{v}/")
        page_weight(base, f"/desa/{v}/berita/{slugs[0]}/")
        search_latency()
    finally:
        server.terminate()
        server.wait()
    print("rerun: BALAI_VAR_DIR=/tmp/balai-bench-news .venv/bin/python bench/news_speed.py")


if __name__ == "__main__":
    main()
