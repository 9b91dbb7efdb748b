"""Where a dashboard page's own heading starts on a 360×780 phone, and whether Keluar is reachable.

Issue 17 (part 1): on every dashboard page the page's heading (main h1) and its main action must
sit within the first 200 px, and every signed-in page must offer Keluar (log out) in its header.
This logs in as the demo's village admin, editor, Lapak seller, district admin, mentor and
kecamatan viewer and, for each of their dashboard pages, prints

- `h1`: the top of the main h1 in CSS px from the top of the page (target ≤ 200);
- `action`: the top of the first primary button or form submit in <main> after the heading, when
  the page has one (what "main action" means here; `-` when the page has none);
- `keluar`: `header` when a visible Keluar button sits in the header, `menu` when it shows after
  one tap on a header menu control (a <details> summary), `no` otherwise;
- `links before`: the links before the heading that the visitor sees without tapping.

Run against the demo (`manage.py demo`) served on a port of your own, with Debian's Chromium:
    .venv/bin/python bench/phone_headings.py http://127.0.0.1:8410
"""

from __future__ import annotations

import argparse
import sys

from playwright.sync_api import Page, sync_playwright

PASSWORD = "demo-balai-2026"
PEOPLE: list[tuple[str, str, list[str]]] = [
    (
        "admin desa",
        "admin@dagan.desa.id",
        [
            "/dasbor/dagan/",
            "/dasbor/dagan/profil/",
            "/dasbor/dagan/perangkat/",
            "/dasbor/dagan/anggota/",
            "/dasbor/dagan/berita/",
            "/dasbor/dagan/berita/tulis/",
            "/dasbor/dagan/penduduk/",
            "/dasbor/dagan/penduduk/impor/",
            "/dasbor/dagan/anggaran/",
            "/dasbor/dagan/ppid/",
            "/dasbor/dagan/lapak/",
        ],
    ),
    ("editor desa", "editor@dagan.desa.id", ["/dasbor/dagan/berita/"]),
    ("penjual lapak", "batik@dagan.desa.id", ["/dasbor/dagan/lapak/penjual/"]),
    (
        "admin kabupaten",
        "admin@purbalinggakab.go.id",
        [
            "/dasbor/",
            "/dasbor/kabupaten/",
            "/dasbor/kabupaten/desa/",
            "/dasbor/kabupaten/pendaftaran/",
            "/dasbor/kabupaten/pengguna/",
            "/dasbor/kabupaten/bantuan/",
        ],
    ),
    ("pendamping", "mentor@rtik-purbalingga.or.id", ["/dasbor/", "/dasbor/dagan/"]),
    ("pemantau kecamatan", "camat.bobotsari@purbalinggakab.go.id", ["/dasbor/kecamatan/"]),
]

MEASURE = """() => {
  const top = (el) => el ? Math.round(el.getBoundingClientRect().top + window.scrollY) : null;
  const seen = (el) => el.checkVisibility({visibilityProperty: true});
  const after = (a, b) => a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING;
  const h1 = document.querySelector('main h1');
  if (!h1) return {h1: null, action: null, links: 0};
  const buttons = 'main .button, main button[type=submit], main input[type=submit]';
  const action = [...document.querySelectorAll(buttons)].find(el => seen(el) && after(h1, el));
  const links = [...document.querySelectorAll('a:not(.skip-link)')]
    .filter(a => seen(a) && after(a, h1));
  return {h1: top(h1), action: top(action), links: links.length};
}"""

LOGOUT = "header button:visible:text-is('Keluar')"


def keluar(page: Page) -> str:
    if page.locator(LOGOUT).count():
        return "header"
    for summary in page.locator("header details > summary:visible").all():
        summary.click()
        if page.locator(LOGOUT).count():
            summary.click()
            return "menu"
        summary.click()
    return "no"


def login(page: Page, base: str, email: str) -> None:
    page.goto(base + "/masuk/")
    page.fill("input[name=username], input[type=email]", email)
    page.fill("input[type=password]", PASSWORD)
    page.locator("main form:has(input[type=password]) button[type=submit]").click()
    page.wait_for_load_state()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("base", help="the demo's address, e.g. http://127.0.0.1:8410")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args()
    base = args.base.rstrip("/")
    rows: list[tuple[str, str, int, object, object, str, int]] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=args.chromium, args=["--no-sandbox"])
        for who, email, paths in PEOPLE:
            context = browser.new_context(viewport={"width": 360, "height": 780}, locale="id-ID")
            page = context.new_page()
            login(page, base, email)
            for path in paths:
                response = page.goto(base + path)
                status = response.status if response else 0
                found = page.evaluate(MEASURE)
                rows.append(
                    (who, path, status, found["h1"], found["action"], keluar(page), found["links"])
                )
            context.close()
        browser.close()
    print(f"{'who':20} {'page':34} {'http':>4} {'h1':>5} {'action':>6} {'keluar':>7} links before")
    for who, path, status, h1, action, out, links in rows:
        print(
            f"{who:20} {path:34} {status:>4} {h1 if h1 is not None else '-':>5} "
            f"{action if action is not None else '-':>6} {out:>7} {links:>12}"
        )
    tops = [row[3] for row in rows if isinstance(row[3], int)]
    within = sum(top <= 200 for top in tops)
    reachable = sum(row[5] != "no" for row in rows)
    print(
        f"\n{len(rows)} pages: h1 within 200 px on {within}, highest h1 at {max(tops)} px; "
        f"Keluar reachable on {reachable}"
    )
    print(f"rerun: .venv/bin/python bench/phone_headings.py {args.base}")
    if len(tops) < len(rows):
        sys.exit("some pages have no main h1")


if __name__ == "__main__":
    main()
