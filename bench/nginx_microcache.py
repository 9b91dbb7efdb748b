"""Requests/s of the shipped nginx site (deploy/nginx/balai.conf) serving a page from its
micro-cache, against the same nginx serving the same bytes as a static file.

    .venv/bin/python bench/nginx_microcache.py [--requests 20000] [--concurrency 50]

Renders the site with deploy/install.sh (self-signed certificate, temp folders, ports 8151-8153),
puts a tiny upstream behind it that marks its page `public, max-age=60` (on a hit the app is not
asked, so what answers behind nginx does not matter), warms the cache, and runs ApacheBench
(`ab`, package apache2-utils) with keep-alive over HTTPS on both URLs. Needs nginx, openssl, ab.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from serving import nginx_shipped

HOST = "desa.balai.test"
UPSTREAM_PORT, HTTP_PORT, HTTPS_PORT = 8151, 8152, 8153
PAGE = b"<!doctype html><title>Desa Dagan</title>" + b"<p>Berita desa hari ini.</p>" * 600


class Page(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Cache-Control", "public, max-age=60")
        self.send_header("Content-Length", str(len(PAGE)))
        self.end_headers()
        self.wfile.write(PAGE)


def ab(url: str, requests: int, concurrency: int) -> float:
    out = subprocess.run(
        ["ab", "-q", "-k", "-n", str(requests), "-c", str(concurrency), "-H", f"Host: {HOST}", url],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    failed = int(re.search(r"Failed requests:\s+(\d+)", out)[1])
    non2xx = re.search(r"Non-2xx responses:\s+(\d+)", out)
    if failed or non2xx:
        sys.exit(f"errors while measuring {url}:\n{out}")
    return float(re.search(r"Requests per second:\s+([\d.]+)", out)[1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=20000)
    parser.add_argument("--concurrency", type=int, default=50)
    args = parser.parse_args()
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    for tool in (nginx, "openssl", "ab"):
        if not shutil.which(tool) and not Path(tool).exists():
            sys.exit(f"{tool} is needed")
    tmp = Path(tempfile.mkdtemp(prefix="balai-bench-nginx-"))
    workers = os.cpu_count() or 1
    upstream = ThreadingHTTPServer(("127.0.0.1", UPSTREAM_PORT), Page)
    threading.Thread(target=upstream.serve_forever, daemon=True).start()
    process = nginx_shipped(
        tmp, PAGE, f"127.0.0.1:{UPSTREAM_PORT}", host=HOST, http=HTTP_PORT, https=HTTPS_PORT
    )
    try:
        base = f"https://127.0.0.1:{HTTPS_PORT}"
        import ssl

        context = ssl._create_unverified_context()
        request = urllib.request.Request(f"{base}/desa/dagan/", headers={"Host": HOST})
        for _ in range(2):
            with urllib.request.urlopen(request, context=context) as response:
                status = response.headers["X-Cache-Status"]
        if status != "HIT":
            sys.exit(f"the page is not served from the cache (X-Cache-Status: {status})")
        static = ab(f"{base}/static/page.0123456789ab.html", args.requests, args.concurrency)
        cached = ab(f"{base}/desa/dagan/", args.requests, args.concurrency)
        print(f"page {len(PAGE)} bytes, {args.requests} requests, {args.concurrency} clients, "
              f"keep-alive, HTTPS, {workers} nginx workers")  # fmt: skip
        print(f"nginx static file:      {static:10.0f} req/s")
        print(f"nginx micro-cache hit:  {cached:10.0f} req/s")
        print(f"ratio cache/static:     {cached / static:10.2f}   (issue 13 target >= 0.5)")
    finally:
        process.terminate()
        process.wait(timeout=10)
        upstream.shutdown()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
