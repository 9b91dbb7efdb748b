"""Register import speed and memory: a generated file of N residents (default 100,000) in
OpenSID's 43-column layout goes through the import pipeline as an admin's upload does — the
check (dry run: sniffing, the reader child process, row rules, checks across rows, compare)
and, after confirmation, the write — timed, with the peak memory of each process: the worker
(this process) and the reader child. Then a re-import of the same file, and optionally the
public statistics pages.

Target (issue 12): check + write ≤ 10 s, ≤ 300 MB, on SQLite and on PostgreSQL.
Rerun:  BALAI_VAR_DIR=/tmp/balai-bench .venv/bin/python bench/population_import.py [--rows N]
        [--pages] [--district] [--profile FILE]
        PostgreSQL: DATABASE_URL=postgres://… with the same command.
The database must be migrated (manage.py migrate); --pages also needs manage.py collectstatic.
The file is generated once per row count in a separate process (its memory is not counted)
and kept in the system's temporary directory. The script makes its own village (slug
bench-penduduk) and deletes its rows at the end.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "balai.settings")
os.environ.setdefault("SECRET_KEY", "bench-" + os.urandom(24).hex())  # a scratch database
SLUG = "bench-penduduk"
PREFIX = "330301"  # Kecamatan Kemangkon, where the bench village lies


def write_file(path: Path, rows: int, prefix: str) -> None:
    """Families of 2–5 with a head, a spouse and children, every NIK unique and consistent
    with its birth date, written the way OpenSID's export writes them (text cells)."""
    import xlsxwriter

    from balai.population.demo import MEN, SURNAMES, WOMEN
    from balai.population.import_rows import COLUMNS

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


def bench_file(rows: int) -> Path:
    path = Path(tempfile.gettempdir()) / f"balai-bench-penduduk-{rows}-{date.today():%Y%m%d}.xlsx"
    if not path.exists():
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, __file__, "--generate", str(path), "--rows", str(rows)], check=True
        )
        print(f"{'generate .xlsx (once)':30} {time.perf_counter() - start:7.1f} s")
    return path


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def resident_mb() -> float:
    """This process's resident size now (the worker waits, at this size, while the child
    reads)."""
    with open("/proc/self/status", encoding="ascii") as handle:
        for line in handle:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def cpu() -> tuple[float, float]:
    """CPU seconds of this process and of its finished children: on a busy machine the wall
    time includes waiting for a core; this does not."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, kids.ru_utime + kids.ru_stime


def p95(times: list[float]) -> float:
    return statistics.quantiles(times, n=20)[18] * 1000


def page_timings(url: str, runs: int = 40) -> tuple[float, float]:
    from django.core.cache import cache
    from django.test import Client

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


def district_scale(village) -> list[int]:
    """Every other desa of the kabupaten gets a copy of the bench village's stored figures (the
    district page reads only those): 239 villages × N residents. Returns the villages made."""
    from balai.population.models import PopulationFigure
    from balai.regions.models import Region
    from balai.villages.models import Village

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


def bench_village():
    from balai.regions.models import Region
    from balai.regions.services import regions_load_default
    from balai.villages.models import Village

    if not Region.objects.exists():
        regions_load_default()
    village = Village.objects.filter(slug=SLUG).first()
    if village:
        return village
    region = (
        Region.objects.filter(
            level="desa", code__startswith="33.03.01", village_site__isnull=True
        ).first()
        or Region.objects.filter(level="desa", village_site__isnull=True).first()
    )
    return Village.objects.create(region=region, slug=SLUG, status=Village.Status.LIVE)


def import_job(village, path: Path):
    """An uploaded job as the upload view makes it (sniffed, hashed, stored privately)."""
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.test import override_settings

    from balai.imports.services import job_start

    upload = SimpleUploadedFile("penduduk.xlsx", path.read_bytes())
    dummy = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    with override_settings(TASKS=dummy):  # the bench runs the tasks itself, timed
        return job_start(village=village, user=None, importer="population.residents", upload=upload)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--generate", help=argparse.SUPPRESS)
    parser.add_argument("--pages", action="store_true", help="also time the statistics pages")
    parser.add_argument("--district", action="store_true", help="also time the district pages")
    parser.add_argument("--profile", help="write a cProfile of check + write to this file")
    args = parser.parse_args()
    import django

    django.setup()
    if args.generate:
        write_file(Path(args.generate), args.rows, PREFIX)
        return
    import logging

    from django.db import connection

    from balai.imports import isolation
    from balai.imports.models import ImportJob
    from balai.imports.pipeline import job_apply, job_check
    from balai.population.demo import demo_clear
    from balai.population.figures import figures_recompute
    from balai.villages.models import Village

    logging.getLogger("balai.imports").setLevel(logging.INFO)
    path = bench_file(args.rows)
    village = bench_village()
    demo_clear(village_ids={village.pk})
    size = path.stat().st_size / 1e6
    print(f"database: {connection.vendor}; rows: {args.rows:,}; file {size:.1f} MB")
    children: list[int] = []
    together: list[float] = []  # the worker's size while the child reads + the child's peak
    real_read = isolation.read_isolated

    def read_and_note(*a, **k):
        before = resident_mb()
        source = real_read(*a, **k)
        children.append(source.peak_mb)
        together.append(max(before, resident_mb()) + source.peak_mb)
        return source

    import balai.imports.pipeline as pipeline

    pipeline.read_isolated = read_and_note
    job = import_job(village, path)
    base = peak_mb()
    profiler = None
    if args.profile:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    cpu_start = cpu()
    start = time.perf_counter()
    job_check(job_id=job.pk)
    checked = time.perf_counter()
    job.refresh_from_db()
    assert job.status == ImportJob.Status.CHECKED, (
        job.status,
        job.failure,
        job.report.get("errors", [])[:3],
    )
    ImportJob.objects.filter(pk=job.pk).update(status=ImportJob.Status.IMPORTING, worker="")
    job_apply(job_id=job.pk)
    done = time.perf_counter()
    cpu_done = cpu()
    if profiler:
        profiler.disable()
        profiler.dump_stats(args.profile)
    job.refresh_from_db()
    assert job.status == ImportJob.Status.DONE, job.failure
    print(f"{'check (dry run)':30} {checked - start:7.1f} s")
    print(f"{'write (after confirmation)':30} {done - checked:7.1f} s")
    print(f"{'check + write':30} {done - start:7.1f} s")
    worker_cpu, child_cpu = (b - a for a, b in zip(cpu_start, cpu_done, strict=True))
    print(f"{'  CPU time: worker + reader':30} {worker_cpu:7.1f} s + {child_cpu:.1f} s")
    print(f"{'  load average (1 min)':30} {os.getloadavg()[0]:7.1f}   on {os.cpu_count()} cores")
    print(
        f"{'peak memory, worker process':30} {peak_mb():7.0f} MB   (before the check {base:.0f} MB)"
    )
    print(f"{'peak memory, reader child':30} {max(children):7.0f} MB")
    combined = max(peak_mb(), max(together))
    print(f"{'peak memory, both together':30} {combined:7.0f} MB   (target ≤ 300 MB)")
    print(f"{'written':30} {job.report['written']}")
    start = time.perf_counter()
    figures_recompute(village=village)
    print(f"{'recount figures':30} {time.perf_counter() - start:7.1f} s")
    again = import_job(village, path)
    start = time.perf_counter()
    job_check(job_id=again.pk)
    again.refresh_from_db()
    print(
        f"{'re-import check':30} {time.perf_counter() - start:7.1f} s   {again.report['changes']}"
    )
    if args.pages:
        for url in (
            f"/desa/{SLUG}/statistik/",
            f"/desa/{SLUG}/statistik/pekerjaan/",
            "/statistik/",
        ):
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
    from balai.imports.pipeline import _discard_upload

    for finished in (job, again):
        _discard_upload(finished)  # the upload and the rows kept beside it
    demo_clear(village_ids={village.pk})
    print("rerun: BALAI_VAR_DIR=… .venv/bin/python bench/population_import.py", *sys.argv[1:])


if __name__ == "__main__":
    main()
