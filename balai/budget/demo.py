"""Demo APBDes for the live demo desa: five plausible years each (2022–2026) with income by
source, spending over the five bidang, financing, realisation per semester, a few revisions,
and development projects with progress reports. Deterministic from `rng`; bulk_create only.

The figures are computed here with services.summary_build (the same code the app uses) and
stored with the rows, instead of re-summarising 200 years one query at a time. The progress
photos are drawn once and shared, so `demo_clear` deletes rows, never those files.
"""

from __future__ import annotations

import datetime
import io
import random

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image, ImageDraw

from balai.budget import services, tree
from balai.budget.models import (
    BudgetLine,
    BudgetVersion,
    FiscalYear,
    ProgressReport,
    Project,
    Realisation,
)
from balai.lib.storage import fixed_name
from balai.villages.models import Village

YEARS = [2022, 2023, 2024, 2025, 2026]
CURRENT = 2026
JT = 1_000_000

# (kegiatan, account, source, weight): how each source's money is spread over kegiatan.
ADD_LINES = [
    ("1.1.01", "5.1.1.01", 9),
    ("1.1.01", "5.1.1.02", 2),
    ("1.1.02", "5.1.2.01", 30),
    ("1.1.02", "5.1.2.02", 6),
    ("1.1.03", "5.1.3.01", 2),
    ("1.1.03", "5.1.3.02", 4),
    ("1.1.04", "5.2.1.01", 3),
    ("1.1.04", "5.2.5.01", 2),
    ("1.1.04", "5.2.3.01", 3),
    ("1.1.05", "5.1.4.01", 5),
    ("1.1.06", "5.2.1.06", 2),
    ("1.1.07", "5.2.2.03", 8),
    ("1.4.04", "5.2.1.05", 2),
    ("3.4.03", "5.2.1.06", 3),
    ("4.3.02", "5.2.3.03", 3),
]
DDS_LINES = [
    ("2.3.10", "5.3.5.02", 10),
    ("2.3.10", "5.3.5.03", 22),
    ("2.3.12", "5.3.5.03", 8),
    ("2.3.14", "5.3.7.03", 6),
    ("2.2.02", "5.2.2.03", 5),
    ("2.2.02", "5.2.1.06", 4),
    ("2.1.01", "5.2.2.03", 4),
    ("2.4.12", "5.3.7.03", 5),
    ("2.4.14", "5.3.4.03", 3),
    ("4.2.01", "5.2.7.05", 8),
    ("4.6.02", "5.2.2.04", 1),
    ("1.3.05", "5.2.2.01", 1),
    ("2.6.02", "5.2.1.05", 1),
    ("5.3.00", "5.4.1.01", 18),
]
OWN_LINES = [
    ("1.4.01", "5.2.1.06", "PAD", 3),
    ("3.2.03", "5.2.1.06", "PAD", 4),
    ("3.3.06", "5.2.7.01", "PAD", 2),
    ("1.1.07", "5.2.2.05", "PBH", 6),
    ("1.2.02", "5.2.6.04", "PBH", 3),
    ("3.1.01", "5.2.2.05", "PBH", 2),
]
PROJECTS = [
    ("2.3.10", "Pengerasan Jalan Desa Dusun {d}", "m", (250, 600), "Jalan rabat beton lebar 3 m"),
    (
        "2.3.12",
        "Rabat Beton Jalan Usaha Tani Blok {b}",
        "m",
        (150, 400),
        "Jalan usaha tani ke sawah",
    ),
    ("2.3.14", "Saluran Drainase RT {rt} RW {rw}", "m", (80, 250), "Saluran pasangan batu"),
    ("2.4.12", "Pipanisasi Air Bersih Dusun {d}", "m", (300, 900), "Pipa HDPE dari mata air"),
    ("2.4.14", "Pembangunan MCK Umum RW {rw}", "unit", (1, 2), "MCK dua bilik dengan septic tank"),
]
NOTES = [
    (10, "Pengukuran dan pemasangan bowplank"),
    (35, "Galian dan urugan pasir selesai"),
    (70, "Pengecoran sebagian besar ruas"),
    (100, "Pekerjaan selesai, serah terima ke desa"),
]


def _round(value: float, unit: int = 1000) -> int:
    return int(value // unit * unit)


def _spread(rng: random.Random, total: int, specs: list[tuple]) -> list[int]:
    """Split `total` by weights with some noise; the last part takes the rounding rest."""
    weights = [s[-1] * rng.uniform(0.7, 1.3) for s in specs]
    whole = sum(weights)
    parts = [_round(total * w / whole) for w in weights]
    parts[-1] += total - sum(parts)
    return parts


def _income(rng: random.Random, year: int, scale: float) -> list[tuple[str, int]]:
    growth = 1 + (year - 2022) * 0.03
    items = [
        ("4.2.1.01", _round(rng.uniform(800, 1200) * JT * scale, JT)),
        ("4.2.3.01", _round(rng.uniform(400, 700) * JT * scale * growth, JT)),
        ("4.2.2.01", _round(rng.uniform(40, 90) * JT * growth, 100_000)),
        ("4.1.2.01", _round(rng.uniform(15, 60) * JT, 100_000)),
        ("4.3.6.01", _round(rng.uniform(1, 4) * JT, 1000)),
    ]
    if rng.random() < 0.6:
        items.append(("4.1.1.01", _round(rng.uniform(5, 30) * JT, 100_000)))
    if rng.random() < 0.5:
        items.append(("4.2.5.01", _round(rng.uniform(100, 250) * JT, 5 * JT)))
    if rng.random() < 0.25:
        items.append(("4.2.4.01", _round(rng.uniform(100, 200) * JT, 5 * JT)))
    return items


def _year_lines(rng: random.Random, year: int, scale: float) -> list[dict]:
    """One balanced APBDes: spending = income + net financing, source by source."""
    lines = []
    income = _income(rng, year, scale)
    pot: dict[str, int] = {}
    for code, amount in income:
        source = tree.income_source(code)
        lines.append(_line("income", None, code, source, amount))
        pot[source] = pot.get(source, 0) + amount
    silpa = _round(rng.uniform(20, 150) * JT, 1000)
    lines.append(_line("fin_in", None, "6.1.1.01", "", silpa))
    capital = _round(rng.uniform(20, 60) * JT, 5 * JT) if rng.random() < 0.4 else 0
    if capital:
        lines.append(_line("fin_out", None, "6.2.2.01", "", capital))
    dds = (
        DDS_LINES
        if year <= 2024
        else [s for s in DDS_LINES if s[0] != "5.3.00"] + [("5.3.00", "5.4.1.01", 6)]
    )
    groups = [("DDS", dds), ("ADD", ADD_LINES)]
    own = [(k, a, w) for k, a, s, w in OWN_LINES]
    own_total = pot.get("PAD", 0) + pot.get("PBH", 0) + pot.get("LAIN", 0) - capital
    for source, specs in groups:
        for (keg, acc, _w), amount in zip(specs, _spread(rng, pot[source], specs), strict=True):
            lines.append(_line("spending", keg, acc, source, amount))
    for (keg, acc, _w), amount in zip(own, _spread(rng, own_total, own), strict=True):
        source = next(s for k, a, s, _ in OWN_LINES if (k, a) == (keg, acc))
        lines.append(_line("spending", keg, acc, source, amount))
    for source, keg, acc in (("PBK", "2.3.10", "5.3.5.03"), ("PBP", "2.3.19", "5.3.7.03")):
        if pot.get(source):
            lines.append(_line("spending", keg, acc, source, pot[source]))
    lines.append(_line("spending", "2.3.15", "5.3.4.03", "SILPA", silpa))
    return _merge(lines)


def _line(kind: str, keg: str | None, acc: str, source: str, amount: int) -> dict:
    return {
        "kind": kind,
        "kegiatan__code": keg,
        "account__code": acc,
        "source": source,
        "original_amount": amount,
        "revised_amount": None,
        "realised": 0,
    }


def _merge(lines: list[dict]) -> list[dict]:
    merged: dict[tuple, dict] = {}
    for line in lines:
        key = (line["kegiatan__code"], line["account__code"], line["source"])
        if key in merged:
            merged[key]["original_amount"] += line["original_amount"]
        else:
            merged[key] = line
    return list(merged.values())


def _revise(rng: random.Random, lines: list[dict]) -> None:
    """An APBDes Perubahan moves money between two Dana Desa lines; totals stay balanced."""
    dds = [ln for ln in lines if ln["kind"] == "spending" and ln["source"] == "DDS"]
    give, take = rng.sample(dds, 2)
    moved = _round(give["original_amount"] * rng.uniform(0.05, 0.2), JT)
    for line in lines:
        line["revised_amount"] = line["original_amount"]
    give["revised_amount"] -= moved
    take["revised_amount"] += moved


def _realise(rng: random.Random, lines: list[dict], year: int) -> None:
    share = (0.45, 0.75) if year == CURRENT else (0.86, 0.995)
    for line in lines:
        budget = line["revised_amount"] or line["original_amount"]
        # Transfers arrive in tranches ahead of spending: income is realised further.
        low, high = share
        if line["kind"] != "spending":
            low, high = min(low + 0.15, 0.97), min(high + 0.1, 1.0)
        line["realised"] = _round(budget * rng.uniform(low, high))


def _photos() -> list[str]:
    """Four drawings of road work, saved once and shared by every demo report."""
    names = []
    for n, (sky, ground) in enumerate(
        [
            ((170, 205, 235), (120, 120, 115)),
            ((235, 200, 150), (150, 140, 120)),
            ((160, 200, 225), (95, 95, 95)),
            ((200, 225, 245), (170, 170, 160)),
        ]
    ):
        name = fixed_name("pembangunan", f"demo-{n}", "jpg")  # stable, in the stored form
        if not default_storage.exists(name):
            img = Image.new("RGB", (960, 600), sky)
            draw = ImageDraw.Draw(img)
            draw.rectangle((0, 330, 960, 600), fill=(90, 140, 70))
            draw.polygon([(380, 330), (580, 330), (900, 600), (60, 600)], fill=ground)
            for k in range(6):
                draw.line([(480, 330 + k * 45), (480, 350 + k * 45)], fill=(240, 240, 240), width=6)
            draw.ellipse((760, 60, 860, 160), fill=(250, 230, 150))
            out = io.BytesIO()
            img.save(out, "JPEG", quality=80)
            default_storage.save(name, ContentFile(out.getvalue()))
        names.append(name)
    return names


def demo_build(*, rng: random.Random, villages: list[Village], users: dict) -> dict[str, int]:
    index = tree.account_index()
    desa = [v for v in villages if not v.is_kelurahan]
    years, plans = [], []
    for village in desa:
        scale = rng.uniform(0.85, 1.15)
        for year in YEARS:
            lines = _year_lines(rng, year, scale)
            draft = year == CURRENT and village.slug != "dagan" and rng.random() < 0.15
            revised = year < CURRENT and rng.random() < 0.35
            if revised:
                _revise(rng, lines)
            if not draft:
                _realise(rng, lines, year)
            fy = _fiscal_year(village, year, lines, draft=draft, revised=revised, rng=rng)
            years.append(fy)
            plans.append((fy, lines))
    FiscalYear.objects.bulk_create(years)
    budget_lines, realisations = [], []
    for fy, lines in plans:
        for item in lines:
            budget_lines.append(
                BudgetLine(
                    village_id=fy.village_id,
                    fiscal_year=fy,
                    kind=item["kind"],
                    kegiatan_id=index[("bidang", item["kegiatan__code"])].id
                    if item["kegiatan__code"]
                    else None,
                    account_id=index[("ekonomi", item["account__code"])].id,
                    source=item["source"],
                    original_amount=item["original_amount"],
                    revised_amount=item["revised_amount"],
                )
            )
    BudgetLine.objects.bulk_create(budget_lines, batch_size=2000)
    flat = [(fy, item) for fy, lines in plans for item in lines]
    for line, (fy, item) in zip(budget_lines, flat, strict=True):
        realisations += _realisation_rows(line, fy.year, item["realised"])
    Realisation.objects.bulk_create(realisations, batch_size=2000)
    projects, reports = _projects(rng, plans, budget_lines, flat)
    return {
        "apbdes": len(years),
        "baris anggaran": len(budget_lines),
        "pembangunan": projects,
        "laporan kemajuan": reports,
    }


def _fiscal_year(village, year, lines, *, draft, revised, rng) -> FiscalYear:
    summary = services.summary_build(lines)
    t = summary["totals"]
    dd = next((s for s in summary["income_by_source"] if s["code"] == "DDS"), {"budget": 0})
    return FiscalYear(
        village=village,
        year=year,
        status="draft" if draft else ("revised" if revised else "approved"),
        perdes_number="" if draft else f"{rng.randint(1, 9)} Tahun {year - 1}",
        perdes_date=None if draft else datetime.date(year - 1, 12, rng.randint(15, 30)),
        revision_number=f"{rng.randint(5, 12)} Tahun {year}" if revised else "",
        revision_date=datetime.date(year, 9, rng.randint(1, 28)) if revised else None,
        realised_until=None if draft else datetime.date(year, 9 if year == CURRENT else 12, 30),
        income_budget=t["income"][0],
        income_realised=t["income"][1],
        spending_budget=t["spending"][0],
        spending_realised=t["spending"][1],
        financing_in=t["fin_in"][0],
        financing_out=t["fin_out"][0],
        dana_desa_budget=dd["budget"],
        dana_desa_spent=sum(
            ln["realised"] for ln in lines if ln["kind"] == "spending" and ln["source"] == "DDS"
        ),
        line_count=len(lines),
        summary=summary,
    )


def _realisation_rows(line: BudgetLine, year: int, realised: int) -> list[Realisation]:
    if not realised:
        return []
    first = _round(realised * 0.45)
    second_date = datetime.date(year, 9, 30) if year == CURRENT else datetime.date(year, 12, 30)
    return [
        Realisation(
            village_id=line.village_id,
            line=line,
            date=datetime.date(year, 6, 30),
            amount=first,
            note="Semester I",
        ),
        Realisation(
            village_id=line.village_id,
            line=line,
            date=second_date,
            amount=realised - first,
            note="Semester II",
        ),
    ]


def _projects(rng, plans, budget_lines, flat) -> tuple[int, int]:
    photos = _photos()
    by_key = {
        (fy.pk, item["kegiatan__code"], item["account__code"], item["source"]): line
        for line, (fy, item) in zip(budget_lines, flat, strict=True)
    }
    projects: list[Project] = []
    links: list[BudgetLine | None] = []
    reports: list[ProgressReport] = []
    for fy, _lines in plans:
        if fy.year < CURRENT - 1 or not fy.is_public:
            continue
        for keg, name, unit, (lo, hi), desc in rng.sample(PROJECTS, rng.randint(2, 3)):
            title = name.format(
                d=rng.choice(["I", "II", "III", "IV"]),
                b=rng.choice("ABCD"),
                rt=f"{rng.randint(1, 8):02d}",
                rw=f"{rng.randint(1, 5):02d}",
            )
            line = next(
                (ln for (pk, k, _a, _s), ln in by_key.items() if pk == fy.pk and k == keg), None
            )
            slug = f"{fy.year}-{len(projects)}-{title.lower().replace(' ', '-')}"[:80]
            # Within about a kilometre of the village office (or of mid-Purbalingga).
            lat = float(fy.village.latitude or -7.39) + rng.uniform(-0.008, 0.008)
            lon = float(fy.village.longitude or 109.36) + rng.uniform(-0.008, 0.008)
            project = Project(
                village_id=fy.village_id,
                fiscal_year=fy,
                name=f"{title} ({fy.year})",
                slug=slug,
                description=desc,
                location=f"RT {rng.randint(1, 8):02d} RW {rng.randint(1, 5):02d}",
                latitude=round(lat, 6),
                longitude=round(lon, 6),
                volume=rng.randint(lo, hi),
                unit=unit,
                implementer="Tim Pelaksana Kegiatan (TPK) Desa",
                budget=(line.revised_amount or line.original_amount) if line else 0,
                start_date=datetime.date(fy.year, rng.randint(3, 6), 1),
                end_date=datetime.date(fy.year, rng.randint(8, 11), 28),
                progress=0,
            )
            projects.append(project)
            links.append(line)
    Project.objects.bulk_create(projects)
    through = Project.lines.through
    through.objects.bulk_create(
        [
            through(project_id=p.pk, budgetline_id=ln.pk)
            for p, ln in zip(projects, links, strict=True)
            if ln
        ]
    )
    for project in projects:
        steps = NOTES if project.fiscal_year.year < CURRENT else NOTES[: rng.randint(1, 3)]
        start = project.start_date or datetime.date(project.fiscal_year.year, 3, 1)
        for n, (pct, note) in enumerate(steps):
            reports.append(
                ProgressReport(
                    village_id=project.village_id,
                    project=project,
                    date=start + datetime.timedelta(days=30 * n + 5),
                    percentage=pct,
                    note=note,
                    photo=photos[n % len(photos)],
                    photo_alt=f"Foto kemajuan {project.name}: {note.lower()}",
                )
            )
        project.progress = steps[-1][0]
    ProgressReport.objects.bulk_create(reports)
    Project.objects.bulk_update(projects, ["progress"])
    return len(projects), len(reports)


def demo_clear(*, village_ids: set[int]) -> None:
    ProgressReport.objects.filter(village__in=village_ids).delete()
    Project.objects.filter(village__in=village_ids).delete()
    BudgetVersion.objects.filter(village__in=village_ids).delete()
    from balai.imports.models import ImportJob

    ImportJob.objects.filter(village__in=village_ids, importer__startswith="budget.").delete()
    Realisation.objects.filter(village__in=village_ids).delete()
    BudgetLine.objects.filter(village__in=village_ids).delete()
    FiscalYear.objects.filter(village__in=village_ids).delete()
