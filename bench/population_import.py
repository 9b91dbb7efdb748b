"""Register import and statistics speed: a generated file of N residents (default 100,000) in
the 43-column layout is dry-run checked, imported and counted; then the public statistics page
is timed (p95 over repeated requests, cached and uncached).

Targets (issue 4): import ≤ 20 s and ≤ 500 MB; statistics page ≤ 200 ms uncached.
Rerun:  BALAI_VAR_DIR=/tmp/balai-bench .venv/bin/python bench/population_import.py [--rows N]
        [--tracemalloc] [--district]  (--district: 239 villages' figures, district page p95)
        PostgreSQL: DATABASE_URL=postgres://… with the same command.
The database must be migrated; the script makes its own village (slug bench-penduduk) and
deletes its rows at the end.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "balai.settings")

import django

django.setup()

import xlsxwriter
from balai.population.import_reader import COLUMNS
from balai.population.import_service import import_check
from django.core.cache import cache
from django.core.files.base import File
from django.db import connection
from django.test import Client

from balai.population.demo import MEN, SURNAMES, WOMEN, demo_clear
from balai.population.figures import figures_recompute
from balai.population.import_write import import_apply
from balai.population.models import PopulationImport
from balai.regions.models import Region
from balai.regions.services import regions_load_default
from balai.villages.models import Village

SLUG = "bench-penduduk"


def bench_village() -> Village:
    if not Region.objects.exists():
        regions_load_default()
    village = Village.objects.filter(slug=SLUG).first()
    if village:
        return village
    region = Region.objects.filter(level="desa", village_site__isnull=True).order_by("code").first()
    return Village.objects.create(region=region, slug=SLUG, status=Village.Status.LIVE)


def write_file(path: Path, rows: int, prefix: str) -> None:
    rng = random.Random(4)
    today = date.today()
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = book.add_worksheet()
    sheet.write_row(0, 0, COLUMNS)
    index = {c: i for i, c in enumerate(COLUMNS)}
    r = family = 0
    used: set[str] = set()
    while r < rows:
        family += 1
        kk = f"{prefix}0101{family:06d}"
        dusun, rw, rt = f"Dusun {family % 4 + 1}", f"{family % 5 + 1:03d}", f"{family % 7 + 1:03d}"
        for member in range(min(rng.choice([2, 3, 3, 4, 5]), rows - r)):
            r += 1
            sex = 1 if member == 0 else (2 if member == 1 else rng.choice([1, 2]))
            age = rng.randint(25, 80) if member < 2 else rng.randint(0, 24)
            birth = today - timedelta(days=age * 365 + rng.randint(0, 364))
            day = birth.day + (40 if sex == 2 else 0)
            serial = r % 10000
            nik = f"{prefix}{day:02d}{birth.month:02d}{birth.year % 100:02d}{serial:04d}"
            while nik in used:  # unique, like Dukcapil's serial per birth date
                serial = (serial + 1) % 10000
                nik = nik[:12] + f"{serial:04d}"
            used.add(nik)
            values = {
                "alamat": f"RT {rt} RW {rw}",
                "dusun": dusun,
                "rw": rw,
                "rt": rt,
                "nama": f"{rng.choice(MEN if sex == 1 else WOMEN)} {rng.choice(SURNAMES)}",
                "no_kk": kk,
                "nik": nik,
                "sex": str(sex),
                "tempatlahir": "PURBALINGGA",
                "tanggallahir": birth.isoformat(),
                "agama_id": "1",
                "pendidikan_kk_id": str(rng.randint(1, 10)),
                "pekerjaan_id": str(rng.randint(1, 89)),
                "status_kawin": "2" if member < 2 else "1",
                "kk_level": "1" if member == 0 else ("3" if member == 1 else "4"),
                "warganegara_id": "1",
                "golongan_darah_id": str(rng.randint(1, 13)),
                "status_dasar": "1",
            }
            for column, value in values.items():
                sheet.write_string(r, index[column], value)
    book.close()


def timed(label: str, fn, use_tracemalloc: bool):
    if use_tracemalloc:
        tracemalloc.start()
    start = time.perf_counter()
    result = fn()
    wall = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1] / 1e6 if use_tracemalloc else None
    if use_tracemalloc:
        tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    extra = f", python peak {peak:.0f} MB" if peak is not None else ""
    print(f"{label:28} {wall:7.1f} s   process max RSS {rss:.0f} MB{extra}")
    return result


def p95(times: list[float]) -> float:
    return statistics.quantiles(times, n=20)[18] * 1000


def page_timings(url: str, runs: int = 40) -> tuple[float, float]:
    client = Client(HTTP_HOST="localhost")
    cold, warm = [], []
    client.get(url)  # warm-up: templates compiled, translations loaded, connection open
    for _ in range(runs):
        cache.clear()
        start = time.perf_counter()
        assert client.get(url).status_code == 200, url
        cold.append(time.perf_counter() - start)
        start = time.perf_counter()
        client.get(url)
        warm.append(time.perf_counter() - start)
    return p95(cold), p95(warm)


def district_scale(village: Village) -> list[int]:
    """Every other desa of the kabupaten gets a copy of the bench village's stored figures (the
    district page reads only those): 239 villages × N residents. Returns the villages made."""
    from balai.population.models import PopulationFigure

    made = []
    figures = list(PopulationFigure.objects.for_village(village))
    kabupaten = village.region.code[:5]
    for region in Region.objects.filter(
        level="desa", code__startswith=kabupaten, village_site__isnull=True
    ):
        other = Village.objects.create(
            region=region, slug=f"bench-{region.digits}", status=Village.Status.LIVE
        )
        made.append(other.pk)
        PopulationFigure.objects.bulk_create(
            [
                PopulationFigure(
                    village=other,
                    category=f.category,
                    code=f.code,
                    label=f.label,
                    sex=f.sex,
                    count=f.count,
                )
                for f in figures
            ]
        )
    return made


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--tracemalloc", action="store_true")
    parser.add_argument("--district", action="store_true", help="also time the district pages")
    args = parser.parse_args()
    village = bench_village()
    demo_clear(village_ids={village.pk})
    print(f"database: {connection.vendor}; rows: {args.rows:,}")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "penduduk.xlsx"
        timed(
            "generate .xlsx", lambda: write_file(path, args.rows, village.region.digits[:6]), False
        )
        print(f"{'file size':28} {path.stat().st_size / 1e6:7.1f} MB")
        imp = PopulationImport(village=village, kind="xlsx")
        with path.open("rb") as handle:
            imp.file.save("bench.xlsx", File(handle), save=False)
        imp.save()
    imp = timed("dry run (check)", lambda: import_check(import_id=imp.pk), args.tracemalloc)
    print(f"{'report':28} {imp.report.get('added')} added, {imp.report.get('refused')} refused")
    timed("import (check + write)", lambda: import_apply(import_id=imp.pk), args.tracemalloc)
    timed("recount figures", lambda: figures_recompute(village=village), args.tracemalloc)
    reimp = PopulationImport.objects.create(village=village, kind="xlsx", file=imp.file.name)
    reimp = timed("re-import dry run", lambda: import_check(import_id=reimp.pk), False)
    print(
        f"{'re-import report':28} {reimp.report.get('unchanged')} unchanged, "
        f"{reimp.report.get('added')} added, {reimp.report.get('updated')} updated"
    )
    for url in (f"/desa/{SLUG}/statistik/", f"/desa/{SLUG}/statistik/pekerjaan/", "/statistik/"):
        cold, warm = page_timings(url)
        print(f"{url:44} p95 uncached {cold:6.1f} ms   cached {warm:6.1f} ms")
    if args.district:
        made = district_scale(village)
        total = Village.objects.filter(status="live").count()
        print(f"district: {total} live villages × {args.rows:,} residents (stored figures)")
        for url in ("/statistik/", "/statistik/pekerjaan/", "/statistik/umur/?kecamatan=33.03.09"):
            cold, warm = page_timings(url)
            print(f"{url:44} p95 uncached {cold:6.1f} ms   cached {warm:6.1f} ms")
        demo_clear(village_ids=set(made))
        Village.objects.filter(pk__in=made).delete()
    imp.file.delete(save=False)
    demo_clear(village_ids={village.pk})
    print("rerun: BALAI_VAR_DIR=… .venv/bin/python bench/population_import.py", *sys.argv[1:])


if __name__ == "__main__":
    main()
