"""The nginx configuration in docs/deploy.md serves /media/ like villages/media.py: images
inline, PDFs as downloads, nosniff, and nothing else (an .html that reached the folder is a 404,
never a page). Runs the documented server block in a real nginx when one is installed."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from balai.lib.tests import files

NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
pytestmark = pytest.mark.skipif(NGINX is None, reason="nginx is not installed")
DOC = Path(__file__).resolve().parents[2] / "docs" / "deploy.md"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def nginx(tmp_path):
    server = re.search(r"```nginx\n(.*?)```", DOC.read_text(), re.S)[1]
    port = _free_port()
    server = server.replace("/srv/balai/var", str(tmp_path / "var"))
    server = server.replace("server {", f"server {{\n    listen 127.0.0.1:{port};", 1)
    conf = tmp_path / "nginx.conf"
    # As root, nginx's workers would run as nobody, who cannot read pytest's private tmp folder.
    user = "user root;\n" if os.geteuid() == 0 else ""
    conf.write_text(
        f"{user}daemon off;\npid {tmp_path}/nginx.pid;\nerror_log stderr;\nevents {{}}\nhttp {{\n"
        f"access_log off;\nclient_body_temp_path {tmp_path}/body;\n"
        f"proxy_temp_path {tmp_path}/proxy;\nfastcgi_temp_path {tmp_path}/fastcgi;\n"
        f"uwsgi_temp_path {tmp_path}/uwsgi;\nscgi_temp_path {tmp_path}/scgi;\n{server}\n}}\n"
    )
    media = tmp_path / "var" / "media" / "berita"
    media.mkdir(parents=True)
    process = subprocess.Popen(
        [NGINX, "-c", str(conf), "-p", str(tmp_path)], stderr=subprocess.PIPE, text=True
    )
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
            break
        except OSError:
            time.sleep(0.05)
    else:
        process.kill()
        pytest.fail(process.stderr.read() if process.stderr else "nginx did not start")
    yield media, f"http://127.0.0.1:{port}/media/berita/"
    process.terminate()
    process.wait(timeout=10)


def _get(url: str):
    try:
        return urllib.request.urlopen(url, timeout=5)
    except urllib.error.HTTPError as error:
        return error


@pytest.mark.parametrize("name", ["x.html", "x.svg", "x.php", "x.js", "x.JPG.html", "x"])
def test_nginx_refuses_a_page_or_script_under_media(nginx, name):
    media, base = nginx
    (media / name).write_bytes(files.HTML)
    response = _get(base + name)
    assert response.status == 404
    assert b"alert(document.domain)" not in response.read()


def test_nginx_shows_images_with_nosniff_and_downloads_pdfs(nginx):
    media, base = nginx
    stem = "0123456789abcdef0123456789abcdef"
    (media / f"{stem}.png").write_bytes(files.png_bytes())
    (media / f"{stem}.pdf").write_bytes(files.reportlab_pdf())
    image = _get(f"{base}{stem}.png")
    assert image.status == 200
    assert image.headers["Content-Type"] == "image/png"
    assert image.headers["X-Content-Type-Options"] == "nosniff"
    assert "Content-Disposition" not in image.headers
    document = _get(f"{base}{stem}.pdf")
    assert document.headers["Content-Type"] == "application/pdf"
    assert document.headers["Content-Disposition"] == "attachment"
    assert document.headers["X-Content-Type-Options"] == "nosniff"
