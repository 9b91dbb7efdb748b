"""APBDes transparency at district scale: every desa of Purbalingga (224) with five years of
APBDes, and one village with 400 budget lines a year.

Measures p50/p95 of the village transparency page (400 lines × 5 years) and of the district
budget page over 224 desa, cached (anonymous, warm page cache) and uncached (page cache emptied
before each request); poster PDF generation time; and the spreadsheet import (dry run + apply)
of a 400-line year.

Builds its own data in its own database, so run it with a throw-away BALAI_VAR_DIR:
    BALAI_VAR_DIR=/tmp/balai-bench-budget .venv/bin/python bench/budget_speed.py
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "balai.settings")
if not os.environ.get("BALAI_VAR_DIR"):
    sys.exit("Set BALAI_VAR_DIR to a throw-away directory: this builds 224 villages' budgets.")

import django

django.setup()

from django.core.cache import cache
from django.core.management import call_command
from django.test import Client

from balai.budget import demo, selectors, services, tree
from balai.budget.models import Account, BudgetLine, FiscalYear, Realisation
from balai.budget.poster import poster_pdf
from balai.regions.models import Region
from balai.regions.services import regions_load_default
from balai.villages.models import Village

RUNS = 40
BIG = "bench-besar"


def build() -> Village:
    if not Region.objects.exists():
        regions_load_default()
    if not Village.objects.filter(slug=BIG).exists():
        regions = list(
            Region.objects.filter(type="desa").exclude(village_site__isnull=False).order_by("code")
        )
        Village.objects.bulk_create(
            [Village(region=r, slug=f"b{r.code.replace('.', '')}", status="live") for r in regions]
        )
        villages = list(Village.objects.filter(status="live").select_related("region"))
        start = time.perf_counter()
        counts = demo.demo_build(rng=random.Random(5), villages=villages, users={})
        print(
            f"demo budgets for {len(villages)} desa in {time.perf_counter() - start:.1f}s: {counts}"
        )
        big = villages[0]
        Village.objects.filter(pk=big.pk).update(slug=BIG)
        big.slug = BIG
        _make_big(big)
    return Village.objects.get(slug=BIG)


def _big_lines() -> list[tuple[str, str, str]]:
    kegiatan = list(
        Account.objects.filter(axis="bidang", level="kegiatan").values_list("code", flat=True)
    )
    accounts = ["5.2.1.01", "5.2.2.01", "5.3.5.03"]
    combos = [(k, a, s) for k in kegiatan for a in accounts for s in ("DDS", "ADD")]
    return combos[:392]


def _make_big(village: Village) -> None:
    """Replace the big village's years with 400 lines each (392 spending + 8 income)."""
    index = tree.account_index()
    rng = random.Random(9)
    income = [
        "4.2.1.01",
        "4.2.3.01",
        "4.2.2.01",
        "4.1.2.01",
        "4.1.1.01",
        "4.3.6.01",
        "4.2.5.01",
        "4.2.4.01",
    ]
    for fy in FiscalYear.objects.filter(village=village):
        Realisation.objects.filter(line__fiscal_year=fy).delete()
        BudgetLine.objects.filter(fiscal_year=fy).delete()
        rows = [
            BudgetLine(
                village=village,
                fiscal_year=fy,
                kind="income",
                account_id=index[("ekonomi", c)].id,
                source=tree.income_source(c),
                original_amount=rng.randint(5, 900) * 1_000_000,
            )
            for c in income
        ]
        rows += [
            BudgetLine(
                village=village,
                fiscal_year=fy,
                kind="spending",
                kegiatan_id=index[("bidang", k)].id,
                account_id=index[("ekonomi", a)].id,
                source=s,
                original_amount=rng.randint(1, 60) * 500_000,
            )
            for k, a, s in _big_lines()
        ]
        BudgetLine.objects.bulk_create(rows)
        Realisation.objects.bulk_create(
            Realisation(
                village=village, line=ln, date=f"{fy.year}-06-30", amount=ln.original_amount // 2
            )
            for ln in rows
        )
        fy.status = "approved"
        fy.save()
        services.fiscal_year_summarise(fiscal_year=fy)
    print(f"{village.slug}: {BudgetLine.objects.filter(village=village).count()} lines in 5 years")


def timings(client: Client, url: str, *, cached: bool) -> tuple[float, float]:
    client.get(url)
    samples = []
    for _i in range(RUNS):
        if not cached:
            cache.clear()
        start = time.perf_counter()
        response = client.get(url)
        samples.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.95) - 1]


def import_time(village: Village) -> float:
    fy = FiscalYear.objects.filter(village=village).order_by("-year").first()
    header = "kegiatan;kode;uraian;sumber;anggaran;perubahan;realisasi\n"
    body = "".join(
        f"{ln.kegiatan.code if ln.kegiatan else ''};{ln.account.code};x;{ln.source};"
        f"{ln.original_amount:,};;{ln.original_amount // 3:,}\n".replace(",", ".")
        for ln in BudgetLine.objects.filter(fiscal_year=fy).select_related("kegiatan", "account")
    )
    start = time.perf_counter()
    _pipeline(village, fy, "bench.csv", (header + body).encode())
    return (time.perf_counter() - start) * 1000


def _pipeline(village: Village, fy: FiscalYear, name: str, content: bytes) -> None:
    """Upload, check and write through the import pipeline, the tasks run here."""
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.test import override_settings

    from balai.imports.models import ImportJob
    from balai.imports.pipeline import job_apply, job_check
    from balai.imports.services import job_start

    dummy = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    with override_settings(TASKS=dummy):
        job = job_start(
            village=village,
            user=None,
            importer="budget.apbdes",
            upload=SimpleUploadedFile(name, content),
            params={"fiscal_year": fy.pk, "realised_on": None},
        )
    job_check(job_id=job.pk)
    job.refresh_from_db()
    assert job.status == ImportJob.Status.CHECKED, (job.failure, job.report.get("errors", [])[:3])
    ImportJob.objects.filter(pk=job.pk).update(status=ImportJob.Status.IMPORTING, worker="")
    job_apply(job_id=job.pk)


def siskeudes_time(village: Village) -> float:
    """A full-year Siskeudes export of the 400-line year: two RABRinci rows per line, one SPJ
    (or TBP) row per line for realisation."""
    import io
    import zipfile

    fy = FiscalYear.objects.filter(village=village).order_by("-year").first()
    lines = BudgetLine.objects.filter(fiscal_year=fy).select_related("kegiatan", "account")
    keg = {ln.kegiatan.code for ln in lines if ln.kegiatan}
    kd = "20.13."
    tables = {
        "Ta_Kegiatan": ["Tahun,Kd_Desa,Kd_Keg,ID_Keg"]
        + [f"{fy.year},{kd},{kd}{k}.,{k}" for k in sorted(keg)],
        "Ta_RABRinci": ["Tahun,Kd_Desa,Kd_Keg,Kd_Rincian,SumberDana,Anggaran,AnggaranStlhPAK"],
        "Ta_SPJ": ["Tahun,No_SPJ,Tgl_SPJ,Kd_Desa", f"{fy.year},1,{fy.year}-06-30,{kd}"],
        "Ta_SPJRinci": ["Tahun,No_SPJ,Kd_Keg,Kd_Rincian,Sumberdana,Kd_Desa,Nilai"],
        "Ta_TBP": ["Tahun,No_Bukti,Tgl_Bukti,Kd_Desa", f"{fy.year},1,{fy.year}-06-30,{kd}"],
        "Ta_TBPRinci": ["Tahun,No_Bukti,Kd_Desa,Kd_Keg,Kd_Rincian,SumberDana,Nilai"],
    }
    for ln in lines:
        k = f"{kd}{ln.kegiatan.code}." if ln.kegiatan else f"{kd}00.00.00."
        half = ln.original_amount // 2
        for part in (half, ln.original_amount - half):
            tables["Ta_RABRinci"].append(
                f"{fy.year},{kd},{k},{ln.account.code}.,{ln.source},{part},{part}"
            )
        if ln.kind == "spending":
            tables["Ta_SPJRinci"].append(
                f"{fy.year},1,{k},{ln.account.code}.,{ln.source},{kd},{half}"
            )
        else:
            tables["Ta_TBPRinci"].append(f"{fy.year},1,{kd},{k},{ln.account.code}.,,{half}")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, rows in tables.items():
            archive.writestr(f"{name}.csv", "\n".join(rows) + "\n")
    start = time.perf_counter()
    _pipeline(village, fy, "siskeudes.zip", out.getvalue())
    return (time.perf_counter() - start) * 1000


def main() -> None:
    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    big = build()
    client = Client(HTTP_HOST="localhost")
    year = FiscalYear.objects.filter(village=big).order_by("-year").first().year
    urls = [
        ("transparency 400×5", f"/desa/{BIG}/apbdes/{year}/"),
        ("district /anggaran/", f"/anggaran/?tahun={year}"),
        ("district sorted", f"/anggaran/?tahun={year}&urut=realisasi"),
    ]
    desa = FiscalYear.objects.filter(year=year).count()
    print(f"{desa} desa with an APBDes {year}; {BudgetLine.objects.count():,} lines; {RUNS} runs")
    print(f"{'page':22} {'uncached p50':>12} {'p95':>8} {'cached p50':>11} {'p95':>8}")
    for label, url in urls:
        cold50, cold95 = timings(client, url, cached=False)
        warm50, warm95 = timings(client, url, cached=True)
        print(f"{label:22} {cold50:10.1f}ms {cold95:6.1f}ms {warm50:9.1f}ms {warm95:6.1f}ms")
    fy = FiscalYear.objects.get(village=big, year=year)
    samples = []
    for _i in range(10):
        start = time.perf_counter()
        pdf = poster_pdf(
            village=big,
            fiscal_year=fy,
            tables=selectors.year_tables(fy),
            projects=list(selectors.published_projects(big)),
            url="https://x/",
        )
        samples.append((time.perf_counter() - start) * 1000)
    print(f"poster PDF (A3): median {statistics.median(samples):.0f}ms, {len(pdf):,} bytes")
    print(f"spreadsheet import of a 400-line year (dry run + apply): {import_time(big):.0f}ms")
    print(
        f"Siskeudes zip import of a full year (800 RABRinci + 400 SPJ/TBP rows): "
        f"{siskeudes_time(big):.0f}ms"
    )
    print("rerun: BALAI_VAR_DIR=/tmp/balai-bench-budget .venv/bin/python bench/budget_speed.py")


if __name__ == "__main__":
    main()
