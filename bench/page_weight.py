"""First-view weight and query count of the public pages, on the demo district.

Budget (DEVELOPERS.md, Speed): HTML+CSS+JS of the first view ≤ 100 KB, JS ≤ 30 KB.
Rerun: make bench
"""

from __future__ import annotations

import gzip
import os
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "balai.settings")

import django

django.setup()

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

PAGES = [
    "/",
    "/desa/",
    "/cari/?q=kali",
    "/daftar/",
    "/desa/dagan/",
    "/desa/dagan/profil/",
    "/desa/dagan/pemerintahan/",
    "/desa/dagan/lembaga/",
    "/desa/dagan/lembaga/bpd-dagan/",
    "/masuk/",
]
ASSET = re.compile(r'<(?:link[^>]+href|script[^>]+src)="(/static/[^"?]+)')


def asset_bytes(url: str) -> bytes:
    name = url.removeprefix("/static/")
    collected = Path(settings.STATIC_ROOT) / name  # hashed names after collectstatic
    if collected.is_file():
        return collected.read_bytes()
    path = finders.find(name)
    return Path(path).read_bytes() if path else b""


def main() -> None:
    client = Client(HTTP_HOST="localhost")
    columns = ("html", "css", "js", "total", "gzip")
    header = " ".join(f"{c:>8}" for c in columns)
    print(f"{'page':28} {header} {'queries':>8} {'warm ms':>7}")
    for url in PAGES:
        cache.clear()
        with CaptureQueriesContext(connection) as cold:
            response = client.get(url)
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            client.get(url)
            elapsed = (time.perf_counter() - start) * 1000
        if response.status_code != 200:
            print(f"{url:28} HTTP {response.status_code}")
            continue
        html = response.content
        assets = {u: asset_bytes(u) for u in ASSET.findall(html.decode())}
        css = sum(len(b) for u, b in assets.items() if u.endswith(".css"))
        js = sum(len(b) for u, b in assets.items() if u.endswith(".js"))
        raw = len(html) + css + js
        zipped = len(gzip.compress(html)) + sum(len(gzip.compress(b)) for b in assets.values())
        print(
            f"{url:28} {len(html):8,} {css:8,} {js:8,} {raw:8,} {zipped:8,} "
            f"{len(cold):4}/{len(queries):<3} {elapsed:6.1f}"
        )
    print("bytes uncompressed; gzip = what a phone downloads; queries on an empty cache / cached.")
    print("rerun: make bench")


if __name__ == "__main__":
    main()
