"""A 7 MB camera photo (4000 × 3000, sensor noise, EXIF orientation 6) sent through the news
editor from a 360 × 780 phone on a 400 kbps link (Chromium's DevTools network emulation, up and
down), with JavaScript (the photo script scales it to 1,600 px before sending) and without
(the whole file goes, the server scales it). Prints bytes sent, seconds from the tap on
"Simpan" to the saved page, the stored photo's size, and the time the script took to prepare
the photo with the CPU slowed 4× (a cheap phone).

Issue 17's figure before the script: 7.4 MB took 151 s on a slow link.

Rerun (a scratch database and server on port 8430, stopped at the end; ~3 min):
    .venv/bin/python bench/photo_upload.py [--kbps 400] [--latency-ms 150] [--port 8430]
"""

from __future__ import annotations

import argparse
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
VAR = Path(tempfile.mkdtemp(prefix="photos-bench-"))
ENV = {
    **os.environ,
    "BALAI_VAR_DIR": str(VAR),
    "SECRET_KEY": secrets.token_urlsafe(50),
    "DEBUG": "1",  # the development server serves the static files itself
    "DJANGO_SETTINGS_MODULE": "balai.settings",
    # The ORM reads the stored photo between Playwright calls (its sync API runs a loop).
    "DJANGO_ALLOW_ASYNC_UNSAFE": "true",
}
os.environ.update(ENV)

import django

django.setup()

from django.core.management import call_command

from balai.conftest import DAGAN, PASSWORD, make_user, make_village
from balai.lib.tests import files
from balai.news.models import Article
from balai.regions.services import regions_load_default
from balai.villages.models import Membership

EMAIL = "sekdes@dagan.desa.id"
WRITE = "/dasbor/dagan/berita/tulis/"


def setup_data() -> None:
    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    regions_load_default()
    village = make_village(DAGAN, "dagan")
    user = make_user(EMAIL, "Sekretaris Dagan")
    Membership.objects.create(
        user=user, village=village, role=Membership.Role.ADMIN, can_publish=True
    )


def serve(port: int) -> subprocess.Popen:
    env = {**ENV, "DISTRICT_DOMAIN": f"127.0.0.1:{port}"}
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/masuk/", timeout=1)
            return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("the server did not start")


def run(browser, base: str, photo: Path, *, js: bool, kbps: int, latency: int) -> dict:
    context = browser.new_context(
        viewport={"width": 360, "height": 780},
        base_url=base,
        locale="id-ID",
        java_script_enabled=js,
    )
    page = context.new_page()
    page.goto("/masuk/")
    page.fill("[name=email]", EMAIL)
    page.fill("[name=password]", PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url("**/dasbor/**")
    page.goto(WRITE)
    title = f"Panen raya ({'dengan' if js else 'tanpa'} JavaScript)"
    page.fill("[name=title]", title)
    page.fill("[name=body]", "Warga memanen padi bersama.\n\nHasilnya naik dua kali lipat.")
    page.fill("[name=alt]", "Petani memanen padi di sawah")

    cdp = context.new_cdp_session(page)
    prepare = None
    if js:
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
        start = time.perf_counter()
        page.set_input_files("[name=photo]", str(photo))
        page.get_by_text("Foto diperkecil dari").wait_for(timeout=120_000)
        prepare = time.perf_counter() - start
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": 1})
    else:
        page.set_input_files("[name=photo]", str(photo))

    sent: list[int] = []
    page.on(
        "requestfinished",
        lambda r: (
            sent.append(int(r.all_headers().get("content-length", 0)))
            if r.method == "POST" and r.url.endswith(WRITE)
            else None
        ),
    )
    cdp.send("Network.enable")
    rate = kbps * 1000 / 8
    cdp.send(
        "Network.emulateNetworkConditions",
        {
            "offline": False,
            "latency": latency,
            "downloadThroughput": rate,
            "uploadThroughput": rate,
        },
    )
    start = time.perf_counter()
    # Without JavaScript the tap starts a navigation that lasts the whole upload.
    page.get_by_role("button", name="Simpan").click(no_wait_after=True)
    page.get_by_text("tersimpan").wait_for(timeout=600_000)
    seconds = time.perf_counter() - start
    context.close()
    print(f"{'with' if js else 'without'} JavaScript: {seconds:.1f} s", flush=True)
    image = Article.objects.get(title=title).lead_image
    assert image is not None, "the photo was not stored"
    return {
        "sent": sum(sent),
        "seconds": seconds,
        "stored": f"{image.width} × {image.height}",
        "prepare": prepare,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--kbps", type=int, default=400)
    parser.add_argument("--latency-ms", type=int, default=150)
    parser.add_argument("--port", type=int, default=8430)
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    from balai.conftest import CHROMIUM_ARGS

    setup_data()
    photo = VAR / "IMG_20260101_0800.jpg"
    photo.write_bytes(files.camera_jpeg())
    size = photo.stat().st_size
    server = serve(args.port)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"),
                args=CHROMIUM_ARGS,
            )
            results = {
                js: run(
                    browser,
                    f"http://127.0.0.1:{args.port}",
                    photo,
                    js=js,
                    kbps=args.kbps,
                    latency=args.latency_ms,
                )
                for js in (True, False)
            }
            browser.close()
    finally:
        server.terminate()
        server.wait()
        shutil.rmtree(VAR, ignore_errors=True)

    print(
        f"photo: {size / 1e6:.1f} MB, 4000 × 3000, EXIF orientation 6; "
        f"link {args.kbps} kbps up and down, {args.latency_ms} ms latency; 360 × 780"
    )
    print(f"{'':22} {'bytes sent':>12} {'seconds':>8} {'stored':>12} {'prepare (4× CPU)':>17}")
    for js, label in ((True, "with JavaScript"), (False, "without JavaScript")):
        r = results[js]
        prepare = f"{r['prepare']:.1f} s" if r["prepare"] is not None else "-"
        print(f"{label:22} {r['sent']:>12,} {r['seconds']:>8.1f} {r['stored']:>12} {prepare:>17}")
    print("target: ≤ 400 KB sent. Before the script (issue 17): 7.4 MB, 151 s.")
    print("rerun: .venv/bin/python bench/photo_upload.py")


if __name__ == "__main__":
    main()
