"""The shipped nginx site (deploy/nginx/balai.conf), rendered by deploy/install.sh exactly as an
install renders it (only the paths, ports and certificate differ), run in a real nginx in front
of a small upstream that stands in for the app:

- HTTP answers the ACME challenge and sends everything else to HTTPS;
- /media/ serves images inline and PDFs as downloads with nosniff, and nothing else; private
  files are never served; /static/ hashed names are immutable for a year;
- the micro-cache serves a second anonymous GET from the cache, never a signed-in visitor's
  (session cookie) nor a POST, and keeps only what the app marks `public`;
- logins and public forms are rate limited (429), the body size matches the upload limits,
  the access log has no query string, and the app gets X-Forwarded-For/-Proto and a request id.
"""

from __future__ import annotations

import gzip
import http.client
import os
import re
import shutil
import socket
import ssl
import subprocess
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from django.conf import settings

from balai.lib import uploads
from balai.lib.tests import files

NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
OPENSSL = shutil.which("openssl")
pytestmark = pytest.mark.skipif(
    NGINX is None or OPENSSL is None, reason="nginx and openssl are needed"
)
REPO = Path(__file__).resolve().parents[2]
SITE = REPO / "deploy" / "nginx" / "balai.conf"
INSTALL = REPO / "deploy" / "install.sh"
HOST = "desa.balai.test"
NIK = "3303011234567890"
STEM = "0123456789abcdef0123456789abcdef"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Upstream(ThreadingHTTPServer):
    """Stands in for the app: answers by path, and records what nginx sent it."""

    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.seen: list[tuple[str, str, dict[str, str]]] = []
        self.lock = threading.Lock()

    def count(self, method: str, path: str) -> int:
        with self.lock:
            return sum(1 for m, p, _ in self.seen if (m, p) == (method, path))


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: Upstream

    def log_message(self, format: str, *args: object) -> None:  # quiet
        pass

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        with self.server.lock:
            self.server.seen.append((self.command, self.path, dict(self.headers)))
            number = len(self.server.seen)
        path = self.path.split("?", 1)[0]
        body = f"<!doctype html><p>{self.command} {path} #{number}</p>".encode()
        headers = {"Content-Type": "text/html; charset=utf-8"}
        if path.startswith("/public/") or path.startswith("/cari/"):
            headers["Cache-Control"] = "public, max-age=0, s-maxage=60, stale-while-revalidate=30"
        elif path.startswith("/personal/"):
            headers["Cache-Control"] = "private, no-store"
        elif path.startswith("/big/"):
            headers["Cache-Control"] = "public, max-age=60"
            body += b"<p>Desa Dagan, Kecamatan Bobotsari</p>" * 200
        # /plain/: no Cache-Control at all, as an older app version sent
        self.send_response(200)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    do_GET = do_POST = do_HEAD = _answer


@pytest.fixture(scope="module")
def upstream():
    server = Upstream()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def certificate(tmp_path_factory):
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [OPENSSL, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
         "-nodes", "-days", "2", "-subj", f"/CN={HOST}", "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )  # fmt: skip
    return cert, key


def render_site(tmp_path: Path, cert: Path, key: Path, upstream_port: int, http: int, https: int):
    result = subprocess.run(
        ["bash", str(INSTALL), "--render", "nginx/balai.conf", "--domain", HOST,
         "--cert", str(cert), "--key", str(key), "--root", str(tmp_path),
         "--upstream", f"127.0.0.1:{upstream_port}",
         "--listen-http", f"127.0.0.1:{http}", "--listen-https", f"127.0.0.1:{https}",
         "--cache-dir", str(tmp_path / "cache"), "--log-dir", str(tmp_path / "log"),
         "--acme-root", str(tmp_path / "acme")],
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    return result.stdout


def main_config(tmp_path: Path, site: str) -> Path:
    """Debian's nginx.conf around the site, with the temp folders in the test's folder."""
    conf = tmp_path / "nginx.conf"
    # As root, nginx's workers would run as nobody, who cannot read pytest's private tmp folder.
    user = "user root;\n" if os.geteuid() == 0 else ""
    mime = "include /etc/nginx/mime.types;\n" if Path("/etc/nginx/mime.types").exists() else ""
    conf.write_text(
        f"{user}daemon off;\npid {tmp_path}/nginx.pid;\nerror_log stderr;\nevents {{}}\nhttp {{\n"
        f"{mime}default_type application/octet-stream;\ngzip on;\n"
        f"client_body_temp_path {tmp_path}/body;\nproxy_temp_path {tmp_path}/proxy;\n"
        f"fastcgi_temp_path {tmp_path}/fastcgi;\nuwsgi_temp_path {tmp_path}/uwsgi;\n"
        f"scgi_temp_path {tmp_path}/scgi;\n{site}\n}}\n"
    )
    for folder in ("log", "cache", "acme", "var/media/berita", "var/static", "var/private"):
        (tmp_path / folder).mkdir(parents=True, exist_ok=True)
    return conf


class Site:
    def __init__(self, tmp_path: Path, http: int, https: int, upstream: Upstream) -> None:
        self.tmp, self.http, self.https, self.upstream = tmp_path, http, https, upstream
        self.var = tmp_path / "var"

    def request(
        self,
        method: str,
        path: str,
        headers: dict[str, str] | None = None,
        body: bytes | None = None,
        secure: bool = True,
    ) -> tuple[int, http.client.HTTPMessage, bytes]:
        if secure:
            context = ssl.create_default_context()
            context.check_hostname = False
            context.verify_mode = ssl.CERT_NONE
            conn: http.client.HTTPConnection = http.client.HTTPSConnection(
                "127.0.0.1", self.https, timeout=10, context=context
            )
        else:
            conn = http.client.HTTPConnection("127.0.0.1", self.http, timeout=10)
        try:
            conn.request(method, path, body=body, headers={"Host": HOST, **(headers or {})})
            response = conn.getresponse()
            return response.status, response.headers, response.read()
        finally:
            conn.close()

    def get(self, path: str, **headers: str):
        return self.request("GET", path, {k.replace("_", "-"): v for k, v in headers.items()})


@pytest.fixture
def site(tmp_path, upstream, certificate):
    http, https = _free_port(), _free_port()
    text = render_site(tmp_path, *certificate, upstream.server_address[1], http, https)
    conf = main_config(tmp_path, text)
    process = subprocess.Popen(
        [NGINX, "-c", str(conf), "-p", str(tmp_path)], stderr=subprocess.PIPE, text=True
    )
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", https), timeout=0.1).close()
            break
        except OSError:
            if process.poll() is not None:
                break
            time.sleep(0.05)
    else:
        process.kill()
        pytest.fail("nginx did not start")
    if process.poll() is not None:
        pytest.fail(process.stderr.read() if process.stderr else "nginx stopped")
    yield Site(tmp_path, http, https, upstream)
    process.terminate()
    process.wait(timeout=10)


# --- the file itself -----------------------------------------------------------------------


def test_nginx_accepts_the_rendered_site_and_no_placeholder_is_left(tmp_path, certificate):
    text = render_site(tmp_path, *certificate, 8000, _free_port(), _free_port())
    assert not re.search(r"__[A-Z_]+__", text)
    conf = main_config(tmp_path, text)
    result = subprocess.run(
        [NGINX, "-t", "-c", str(conf), "-p", str(tmp_path)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


def test_the_site_names_the_apps_cookies_and_allows_its_largest_upload():
    text = SITE.read_text()
    # The cache is skipped on the session cookie and split by the language cookie.
    assert f"$cookie_{settings.SESSION_COOKIE_NAME}" in text
    assert f"$cookie_{settings.LANGUAGE_COOKIE_NAME}" in text
    sizes = [int(m) for m in re.findall(r"client_max_body_size (\d+)m;", text)]
    assert max(sizes) * 1024 * 1024 >= max(uploads.max_bytes(mime) for mime in uploads.TYPES)
    assert "/masuk/" in text  # the login and reset URLs (balai/accounts/urls/district.py)


# --- HTTP ----------------------------------------------------------------------------------


def test_http_redirects_to_https_but_answers_the_acme_challenge(site):
    status, headers, _ = site.request("GET", "/desa/dagan/?x=1", secure=False)
    assert status == 301
    assert headers["Location"] == f"https://{HOST}/desa/dagan/?x=1"
    (site.tmp / "acme" / ".well-known" / "acme-challenge").mkdir(parents=True)
    (site.tmp / "acme" / ".well-known" / "acme-challenge" / "tok3n").write_text("tok3n.key")
    status, headers, body = site.request("GET", "/.well-known/acme-challenge/tok3n", secure=False)
    assert (status, body) == (200, b"tok3n.key")
    assert site.upstream.count("GET", "/desa/dagan/?x=1") == 0


# --- media and static ----------------------------------------------------------------------


@pytest.mark.parametrize("name", ["x.html", "x.svg", "x.php", "x.js", "x.JPG.html", "x"])
def test_nginx_refuses_a_page_or_script_under_media(site, name):
    (site.var / "media" / "berita" / name).write_bytes(files.HTML)
    status, _, body = site.get(f"/media/berita/{name}")
    assert status == 404
    assert b"alert(document.domain)" not in body


def test_nginx_shows_images_with_nosniff_and_downloads_pdfs(site):
    media = site.var / "media" / "berita"
    (media / f"{STEM}.png").write_bytes(files.png_bytes())
    (media / f"{STEM}.pdf").write_bytes(files.reportlab_pdf())
    status, image, _ = site.get(f"/media/berita/{STEM}.png")
    assert status == 200
    assert image["Content-Type"] == "image/png"
    assert image["X-Content-Type-Options"] == "nosniff"
    assert image["Cache-Control"] == "public, max-age=31536000, immutable"
    assert "Content-Disposition" not in image
    status, document, _ = site.get(f"/media/berita/{STEM}.pdf")
    assert status == 200
    assert document["Content-Type"] == "application/pdf"
    assert document["Content-Disposition"] == "attachment"
    assert document["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize(
    "path",
    [f"/private/{STEM}.pdf", f"/media/../private/{STEM}.pdf", f"/media/%2e%2e/private/{STEM}.pdf"],
)
def test_private_files_are_never_served_by_nginx(site, path):
    (site.var / "private" / f"{STEM}.pdf").write_bytes(b"%PDF-1.4 surat pengantar RT")
    _, _, body = site.get(path)
    assert b"surat pengantar" not in body


def test_static_hashed_names_are_immutable_and_others_short_lived(site):
    static = site.var / "static" / "css"
    static.mkdir(parents=True)
    css = b"body { color: #123456; }\n" * 100
    (static / "app.0123456789ab.css").write_bytes(css)
    (static / "app.0123456789ab.css.gz").write_bytes(gzip.compress(css))
    (static / "app.css").write_bytes(css)
    status, headers, body = site.get("/static/css/app.0123456789ab.css")
    assert (status, body) == (200, css)
    assert headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Content-Type"].startswith("text/css")
    status, headers, body = site.get("/static/css/app.0123456789ab.css", Accept_Encoding="gzip")
    assert headers["Content-Encoding"] == "gzip" and gzip.decompress(body) == css
    status, headers, _ = site.get("/static/css/app.css")
    assert status == 200
    assert headers["Cache-Control"] == "public, max-age=3600"


# --- the app behind it ---------------------------------------------------------------------


def test_the_app_gets_forwarded_for_proto_and_a_request_id(site):
    status, headers, _ = site.get("/personal/a/", X_Forwarded_For="6.6.6.6")
    assert status == 200
    _, _, sent = site.upstream.seen[-1]
    # The app believes the right-most untrusted hop: nginx appended the real peer.
    assert sent["X-Forwarded-For"] == "6.6.6.6, 127.0.0.1"
    assert sent["X-Forwarded-Proto"] == "https"
    assert sent["Host"] == HOST
    assert re.fullmatch(r"[0-9a-f]{32}", sent["X-Request-ID"])
    assert headers["X-Request-ID"] == sent["X-Request-ID"]


def test_the_micro_cache_serves_a_second_anonymous_get(site):
    status, first, body = site.get("/public/home/")
    assert (status, first["X-Cache-Status"]) == (200, "MISS")
    status, second, again = site.get("/public/home/")
    assert (status, second["X-Cache-Status"], again) == (200, "HIT", body)
    assert site.upstream.count("GET", "/public/home/") == 1
    # Each response has its own id, also the one from the cache.
    assert first["X-Request-ID"] != second["X-Request-ID"]


def test_a_session_cookie_bypasses_the_cache_both_ways(site):
    status, headers, _ = site.get("/public/signed-in/", Cookie="sessionid=abc")
    assert headers["X-Cache-Status"] == "BYPASS"
    site.get("/public/signed-in/", Cookie="sessionid=abc")
    assert site.upstream.count("GET", "/public/signed-in/") == 2
    # What the signed-in visitor got was not stored for the next anonymous one.
    _, headers, _ = site.get("/public/signed-in/")
    assert headers["X-Cache-Status"] == "MISS"
    # And an anonymous copy in the cache is not what a signed-in visitor gets.
    _, headers, _ = site.get("/public/signed-in/", Cookie="csrftoken=x; sessionid=abc")
    assert headers["X-Cache-Status"] == "BYPASS"


def test_a_post_is_never_cached(site):
    site.get("/public/form/")  # the page is in the cache
    for _ in range(2):
        status, headers, body = site.request("POST", "/public/form/", body=b"nama=Siti")
        assert status == 200 and body.startswith(b"<!doctype html><p>POST")
        assert headers["X-Cache-Status"] != "HIT"
    assert site.upstream.count("POST", "/public/form/") == 2
    _, headers, body = site.get("/public/form/")
    assert headers["X-Cache-Status"] == "HIT" and b"GET" in body


@pytest.mark.parametrize("path", ["/personal/tracking/", "/plain/page/"])
def test_only_what_the_app_marks_public_is_kept(site, path):
    site.get(path)
    site.get(path)
    assert site.upstream.count("GET", path) == 2


def test_each_language_has_its_own_cached_copy(site):
    site.get("/public/lang/")
    _, headers, _ = site.get("/public/lang/", Cookie="django_language=en")
    assert headers["X-Cache-Status"] == "MISS"
    _, headers, _ = site.get("/public/lang/", Cookie="django_language=en")
    assert headers["X-Cache-Status"] == "HIT"


def test_html_from_the_app_is_gzipped(site):
    status, headers, body = site.get("/big/page/", Accept_Encoding="gzip")
    assert status == 200 and headers["Content-Encoding"] == "gzip"
    assert b"Bobotsari" in gzip.decompress(body)


# --- limits --------------------------------------------------------------------------------


def _flood(site: Site, path: str, count: int) -> list[int]:
    return [site.request("POST", path, body=b"email=a&password=b")[0] for _ in range(count)]


def test_a_login_flood_is_answered_429_and_the_login_page_still_opens(site):
    statuses = _flood(site, "/masuk/", 25)
    assert statuses[0] == 200
    assert statuses.count(429) >= 10
    assert site.get("/masuk/")[0] == 200


def test_a_flood_of_public_form_posts_is_limited_but_not_the_dashboard(site):
    assert 429 in _flood(site, "/desa/dagan/berita/x/komentar/", 40)
    assert 429 not in _flood(site, "/dasbor/dagan/berita/", 40)


def test_a_body_above_the_upload_limit_is_refused_before_it_is_sent(site):
    too_big = 56 * 1024 * 1024
    status, _, _ = site.request(
        "POST", "/desa/dagan/kirim-berita/", headers={"Content-Length": str(too_big)}, body=b""
    )
    assert status == 413
    assert site.upstream.count("POST", "/desa/dagan/kirim-berita/") == 0


def test_the_access_log_has_no_query_string(site):
    site.get(f"/cari/?q={NIK}+Siti")
    site.request("GET", f"/desa/?nik={NIK}", secure=False)
    time.sleep(0.2)
    log = (site.tmp / "log" / "nginx-access.log").read_text()
    assert "/cari/" in log and "/desa/" in log
    assert NIK not in log and "Siti" not in log
