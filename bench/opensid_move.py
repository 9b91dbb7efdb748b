"""Issue 14: moving a village in from OpenSID — an OpenSID backup of N residents (default 10,000
and 100,000) and 500 articles with images: the dry run and the write through
`balai.moving.services.move_backup` into a fresh village, wall time, CPU time and peak memory
(the child process's `ru_maxrss`; each size runs in its own child). Target: dry run + write
≤ 60 s together, ≤ 500 MB.

The backups are made from the Senggigi fixture (OpenSID v2410's own backup, 325 residents): its
`tweb_penduduk`, `tweb_keluarga` and `log_penduduk` rows are repeated with new ids, new NIKs
(16 digits: the original's region and birth-date digits, a new 4-digit serial, unique) and new
No. KK; copies leave the two RTM out. 500 `artikel` rows (`dinamis`, each with its own
`gambar`) are added, and each picture (`sedang_<name>`, a distinct 880 × 495 JPEG) is added to a
copy of the fixture's `desa/` zip. Generated once per size in the temporary directory.

Rerun:  BALAI_VAR_DIR=/tmp/balai-bench .venv/bin/python bench/opensid_move.py [--residents N ...]
        (after `manage.py migrate` there; PostgreSQL: DATABASE_URL=postgres://… too)
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "balai.settings")
DATA = ROOT / "balai" / "imports" / "tests" / "data"
BACKUP = DATA / "opensid_v2410_senggigi.sql.gz"
FOLDER = DATA / "opensid_v2410_senggigi_desa.zip"
ARTICLES = 500
OFFSET = 1_000_000  # id offset per copy
GROWN = ("tweb_penduduk", "tweb_keluarga", "log_penduduk")


def _sql(value: object) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, int):
        return str(value)
    text = str(value).replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n")
    return f"'{text}'"


def _insert(table: str, columns: list[str], values: list[object]) -> str:
    names = ", ".join(f"`{c}`" for c in columns)
    return f"INSERT INTO `{table}` ({names}) VALUES ({', '.join(_sql(v) for v in values)});\n"


def _unique(base: str, used: set[str], start: int) -> str:
    serial = start % 9999
    while True:
        number = f"{base[:12]}{serial + 1:04d}"
        if number not in used:
            used.add(number)
            return number
        serial = (serial + 1) % 9999


def make_backup(residents: int, sql_path: Path, zip_path: Path) -> None:
    """The fixture grown to `residents` residents (whole families) and 500 more articles."""
    from PIL import Image, ImageDraw

    from balai.imports.sqldump import Row, Table, read_dump

    tables: dict[str, list[str]] = {}
    rows: dict[str, list[list[object]]] = {t: [] for t in (*GROWN, "artikel")}
    with BACKUP.open("rb") as handle:
        for item in read_dump(handle):
            if isinstance(item, Table):
                tables[item.name] = item.columns
            elif isinstance(item, Row) and item.table in rows:
                rows[item.table].append(list(item.values))
    people, families, log = rows["tweb_penduduk"], rows["tweb_keluarga"], rows["log_penduduk"]
    copies = -(-residents // len(people))
    p = {c: i for i, c in enumerate(tables["tweb_penduduk"])}
    k = {c: i for i, c in enumerate(tables["tweb_keluarga"])}
    lg = {c: i for i, c in enumerate(tables["log_penduduk"])}
    a = {c: i for i, c in enumerate(tables["artikel"])}
    niks = {str(r[p["nik"]]) for r in people}
    kks = {str(r[k["no_kk"]]) for r in families}
    with gzip.open(BACKUP, "rb") as source, gzip.open(sql_path, "wb", compresslevel=1) as out:
        for line in source:
            out.write(line)  # the fixture as it is: copy 0
        made = len(people)
        for copy in range(1, copies):
            shift = copy * OFFSET
            members = {}
            for family in families:
                new = list(family)
                new[k["id"]] = family[k["id"]] + shift
                new[k["nik_kepala"]] = (
                    family[k["nik_kepala"]] + shift if family[k["nik_kepala"]] else None
                )
                new[k["no_kk"]] = _unique(str(family[k["no_kk"]]), kks, copy)
                out.write(_insert("tweb_keluarga", tables["tweb_keluarga"], new).encode())
                members[family[k["id"]]] = new[k["id"]]
            for person in people:
                if made >= residents:
                    break
                new = list(person)
                new[p["id"]] = person[p["id"]] + shift
                new[p["nik"]] = _unique(str(person[p["nik"]]), niks, copy)
                new[p["id_kk"]] = members.get(person[p["id_kk"]], person[p["id_kk"]])
                new[p["id_rtm"]] = new[p["rtm_level"]] = None
                new[p["ayah_nik"]] = new[p["ibu_nik"]] = None
                out.write(_insert("tweb_penduduk", tables["tweb_penduduk"], new).encode())
                made += 1
            for event in log:
                new = list(event)
                new[lg["id"]] = event[lg["id"]] + shift
                new[lg["id_pend"]] = event[lg["id_pend"]] + shift
                out.write(_insert("log_penduduk", tables["log_penduduk"], new).encode())
        template = next(r for r in rows["artikel"] if r[a["tipe"]] == "dinamis")
        with zipfile.ZipFile(FOLDER) as folder, zipfile.ZipFile(zip_path, "w") as target:
            for info in folder.infolist():
                target.writestr(info, folder.read(info))
            for n in range(ARTICLES):
                name = f"17965{n:05d}_bench.jpg"
                new = list(template)
                new[a["id"]] = 10_000 + n
                new[a["gambar"]] = name
                new[a["gambar1"]] = new[a["gambar2"]] = new[a["gambar3"]] = None
                new[a["dokumen"]] = new[a["link_dokumen"]] = None
                new[a["judul"]] = f"Kabar desa nomor {n + 1}"
                new[a["slug"]] = f"kabar-desa-nomor-{n + 1}"
                new[a["tgl_upload"]] = f"2024-{n % 12 + 1:02d}-{n % 28 + 1:02d} 08:00:00"
                out.write(_insert("artikel", tables["artikel"], new).encode())
                image = Image.new("RGB", (880, 495), ((n * 37) % 256, (n * 91) % 256, 120))
                draw = ImageDraw.Draw(image)
                for i in range(12):
                    draw.ellipse(
                        (
                            i * 70,
                            (n * 13 + i * 29) % 400,
                            i * 70 + 90,
                            (n * 13 + i * 29) % 400 + 90,
                        ),
                        fill=((n + i * 50) % 256, (i * 20) % 256, (n * 3) % 256),
                    )
                jpeg = io.BytesIO()
                image.save(jpeg, "JPEG", quality=85)
                target.writestr(f"desa/upload/artikel/sedang_{name}", jpeg.getvalue())


def run(residents: int, sql_path: Path, zip_path: Path) -> dict:
    """In the child: a fresh village, the dry run, then the write; timings and peak memory."""
    import django

    django.setup()
    from django.test import override_settings

    from balai.moving.services import move_backup
    from balai.population.figures import figures_recompute
    from balai.population.models import Resident
    from balai.regions.models import Region
    from balai.regions.services import regions_load_default
    from balai.villages.models import Village

    if not Region.objects.exists():
        regions_load_default()
    slug = f"bench-opensid-{residents}-{int(time.time())}"  # a fresh village each run (kept)
    region = Region.objects.filter(level="desa", village_site__isnull=True).first()
    village = Village.objects.create(region=region, slug=slug, status=Village.Status.LIVE)
    dummy = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    result: dict = {"residents": residents, "sql_mb": sql_path.stat().st_size / 1e6}
    with override_settings(TASKS=dummy):
        for step, write in (("dry_run", False), ("write", True)):
            wall, cpu = time.perf_counter(), time.process_time()
            with sql_path.open("rb") as handle, zip_path.open("rb") as folder:
                move = move_backup(
                    village, handle, None, write=write, allow_other_village=True, uploads=folder
                )
            result[step] = time.perf_counter() - wall
            result[step + "_cpu"] = time.process_time() - cpu
            result[step + "_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            result[step + "_errors"] = move.report["register"]["error_count"]
        result["written"] = move.report.get("written")
        result["content"] = move.report.get("content_written")
        wall = time.perf_counter()
        figures_recompute(village=village)
        result["figures"] = time.perf_counter() - wall
        result["moved_residents"] = Resident.objects.for_village(village).count()
    result["village"] = slug
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--residents", type=int, nargs="*", default=[10_000, 100_000])
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        residents, sql_path, zip_path = args.child
        print(json.dumps(run(int(residents), Path(sql_path), Path(zip_path)), default=str))
        return
    work = Path(tempfile.gettempdir()) / "balai-bench-opensid"
    work.mkdir(exist_ok=True)
    db = os.environ.get("DATABASE_URL", "sqlite").split(":", 1)[0]
    for residents in args.residents:
        sql_path = work / f"opensid_{residents}.sql.gz"
        zip_path = work / f"opensid_{residents}_desa.zip"
        if not sql_path.exists():
            started = time.perf_counter()
            make_backup(residents, sql_path, zip_path)
            print(f"made {sql_path} in {time.perf_counter() - started:.1f} s")
        child = subprocess.run(
            [sys.executable, __file__, "--child", str(residents), str(sql_path), str(zip_path)],
            capture_output=True,
            text=True,
        )
        if child.returncode:
            print(child.stdout[-3000:], child.stderr[-5000:])
            sys.exit(child.returncode)
        r = json.loads(child.stdout.strip().splitlines()[-1])
        together = r["dry_run"] + r["write"]
        print(
            f"{db}: {residents:,} residents + {ARTICLES} articles with images "
            f"(dump {r['sql_mb']:.1f} MB gz): dry run {r['dry_run']:.1f} s "
            f"(cpu {r['dry_run_cpu']:.1f}), write {r['write']:.1f} s (cpu {r['write_cpu']:.1f}), "
            f"together {together:.1f} s [target ≤ 60]; peak RSS {r['peak_rss_mb']:.0f} MB "
            f"(after dry run {r['dry_run_rss_mb']:.0f}) [target ≤ 500]; errors "
            f"{r['dry_run_errors']}; moved {r['moved_residents']:,}; figures {r['figures']:.1f} s"
        )
        print(f"   written {r['written']}; content {r['content']}")
    print("rerun: BALAI_VAR_DIR=/tmp/balai-bench .venv/bin/python bench/opensid_move.py")


if __name__ == "__main__":
    main()
