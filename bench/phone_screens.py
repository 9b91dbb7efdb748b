"""How many 360x780 phone screens the table-heavy pages take (issue 17, "Tables that fit"): a
village's statistics category page (the age groups), its APBDes year page, the district's
statistics and budget pages, and the report of a 20-row population import whose every row has
a mistake. Also whether any page is wider than the phone outside its scroll regions.

Targets (issue 17): the statistics category page ≤ 3 screens, the APBDes year ≤ 5, the import
report of 20 rows ≤ 3.

Rerun (a running server with its task worker, e.g. the demo of `make dev`):
    .venv/bin/python bench/phone_screens.py http://127.0.0.1:8000 admin@dagan.desa.id \
        demo-balai-2026 dagan
The import is a dry run that is refused (every row has a mistake): nothing in the register
changes. Uses Debian's Chromium (/usr/bin/chromium) through Playwright.
"""

from __future__ import annotations

import io
import json
import re
import sys
import tempfile
from datetime import date
from pathlib import Path

import xlsxwriter
from playwright.sync_api import Page, sync_playwright
from playwright.sync_api import TimeoutError as PlaywrightTimeout

WIDTH, HEIGHT = 360, 780
# OpenSID's 43-column layout, which Balai's importer reads (balai/population/import_rows.py).
COLUMNS = (
    "alamat dusun rw rt nama no_kk nik sex tempatlahir tanggallahir agama_id pendidikan_kk_id "
    "pendidikan_sedang_id pekerjaan_id status_kawin kk_level warganegara_id ayah_nik nama_ayah "
    "ibu_nik nama_ibu golongan_darah_id akta_lahir dokumen_pasport tanggal_akhir_paspor "
    "dokumen_kitas akta_perkawinan tanggalperkawinan akta_perceraian tanggalperceraian cacat_id "
    "cara_kb_id hamil ktp_el status_rekam alamat_sekarang status_dasar suku tag_id_card "
    "id_asuransi no_asuransi lat lng"
).split()
# Everyday mistakes, one or two per row: (column, wrong value).
MISTAKES = [
    [("nik", "33030912037")],
    [("sex", "X")],
    [("tanggallahir", "2090-01-01")],
    [("nama", "")],
    [("agama_id", "KEPERCAYAAN LAIN"), ("status_kawin", "NIKAH SIRI")],
    [("no_kk", "330309010110")],
    [("kk_level", "9")],
    [("nik", "3303091203")],
    [("sex", "")],
    [("tanggallahir", "31-02-1990"), ("sex", "W")],
    [("status_kawin", "DUDA MATI")],
    [("agama_id", "BUDHA JAWA")],
    [("nik", "33030x1203750099")],
    [("nama", ""), ("tanggallahir", "")],
    [("warganegara_id", "WNX")],
    [("status_dasar", "HILANG")],
    [("kk_level", "")],
    [("no_kk", "")],
    [("sex", "3"), ("agama_id", "SUNDA WIWITAN LAMA")],
    [("tanggallahir", "17-13-1990")],
]


def _nik(region: str, born: date, woman: bool, serial: int) -> str:
    day = born.day + (40 if woman else 0)
    return f"{region}{day:02d}{born.month:02d}{born.year % 100:02d}{serial:04d}"


def register_rows(region: str = "330309") -> list[dict[str, str]]:
    """Twenty residents in seven families (head, wife, child), each row then given a mistake."""
    rows: list[dict[str, str]] = []
    serial = 9000
    for n in range(7):
        kk = f"{region}0101{90 + n:06d}"
        people = [("SUGENG", "L", date(1975, 3, 12), "KEPALA KELUARGA", "KAWIN")]
        people.append(("SITI", "P", date(1980, 5, 15), "ISTRI", "KAWIN"))
        if n < 6:
            people.append(("BAYU", "L", date(2010, 7, 1), "ANAK", "BELUM KAWIN"))
        for name, sex, born, relation, marital in people:
            serial += 1
            rows.append(
                {
                    "alamat": "Jl. Melati 3", "dusun": "Dusun I", "rw": "1", "rt": str(n + 1),
                    "nama": f"{name} UJI {n + 1}",
                    "no_kk": kk, "nik": _nik(region, born, sex == "P", serial), "sex": sex,
                    "tempatlahir": "PURBALINGGA", "tanggallahir": born.isoformat(),
                    "agama_id": "ISLAM", "status_kawin": marital, "kk_level": relation,
                    "warganegara_id": "WNI", "status_dasar": "HIDUP",
                }
            )  # fmt: skip
    for row, mistakes in zip(rows, MISTAKES, strict=True):
        row.update(dict(mistakes))
    return rows


def register_file() -> bytes:
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    sheet = book.add_worksheet()
    sheet.write_row(0, 0, COLUMNS)
    for r, row in enumerate(register_rows(), start=1):
        for c, column in enumerate(COLUMNS):
            sheet.write_string(r, c, row.get(column, ""))
    book.close()
    return out.getvalue()


def measure(page: Page) -> dict[str, object]:
    """Screens, how far the page is wider than the phone (0 when it fits) and where its
    heading starts (the menus above it are part 1 of issue 17, target ≤ 200 px)."""
    height, width, top = page.evaluate(
        "[document.documentElement.scrollHeight, document.documentElement.scrollWidth,"
        " Math.round(document.querySelector('main h1').getBoundingClientRect().top + scrollY)]"
    )
    return {
        "screens": round(height / HEIGHT, 1),
        "overflow_px": max(0, width - WIDTH),
        "heading_px": top,
        "screens_heading_at_200": round((height - max(0, top - 200)) / HEIGHT, 1),
    }


def import_report(page: Page, base: str, slug: str) -> dict[str, object]:
    page.goto(f"{base}/dasbor/{slug}/penduduk/impor/")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "penduduk-20-baris.xlsx"
        path.write_bytes(register_file())
        page.set_input_files("input[type=file]", str(path))
        page.locator("form:has(input[type=file]) button").click()
    page.wait_for_load_state("load")
    try:  # the page polls the job and reloads itself when the report is ready
        page.wait_for_selector("#import-report", timeout=120_000)
    except PlaywrightTimeout:
        sys.exit("The import job did not finish: is the task worker running (manage.py db_worker)?")
    page.wait_for_load_state("load")
    return {**measure(page), "url": page.url.removeprefix(base)}


def main() -> None:
    base, email, password, slug = sys.argv[1:5]
    base = base.rstrip("/")
    out: dict[str, dict[str, object]] = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        page = browser.new_context(viewport={"width": WIDTH, "height": HEIGHT}).new_page()
        page.goto(f"{base}/desa/{slug}/apbdes/")
        year = re.search(r"/apbdes/(\d{4})/", page.content())
        public = {
            "village statistics, age": f"/desa/{slug}/statistik/umur/",
            "village APBDes year": f"/desa/{slug}/apbdes/{year.group(1) if year else ''}/",
            "district statistics": "/statistik/",
            "district statistics, age": "/statistik/umur/",
            "district budget": "/anggaran/",
        }
        for name, path in public.items():
            page.goto(base + path)
            out[name] = {**measure(page), "url": path}
        admin = browser.new_context(viewport={"width": WIDTH, "height": HEIGHT}).new_page()
        admin.goto(f"{base}/masuk/")
        admin.fill("input[type=email], input[name=email], input[name=username]", email)
        admin.fill("input[type=password]", password)
        admin.locator("form:has(input[type=password]) button").last.click()
        admin.wait_for_load_state("load")
        out["import report, 20 faulty rows"] = import_report(admin, base, slug)
        browser.close()
    targets = {"village statistics, age": 3, "village APBDes year": 5}
    targets["import report, 20 faulty rows"] = 3
    head = f"{'screens':>7} {'target':>6} {'overflow':>8} {'h1 at':>6} {'(h1≤200)':>8}"
    print(f"{'page':31} {head}  url")
    for name, row in out.items():
        target, top, fit = targets.get(name, ""), row["heading_px"], row["screens_heading_at_200"]
        print(
            f"{name:31} {row['screens']:>7} {target:>6} {row['overflow_px']:>6}px {top:>4}px "
            f"{fit:>8}  {row['url']}"
        )
    print("(h1≤200): the screens once the heading starts within 200 px, as part 1 of issue 17 asks")
    print(json.dumps(out))
    print(f"rerun: .venv/bin/python bench/phone_screens.py {base} {email} PASSWORD {slug}")


if __name__ == "__main__":
    main()
