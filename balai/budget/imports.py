"""The APBDes import's rules: a spreadsheet row (or a Siskeudes line) → a budget line, the checks
between rows, and the write that replaces the year's lines, all or nothing, keeping the
replaced lines as the year's previous version (BudgetVersion).

Template columns: kegiatan (bidang-axis code, only for spending), kode (economic account),
uraian, sumber (source of funds, only for spending), anggaran, perubahan, realisasi. A row whose
code is a parent (e.g. kode 4.2, or a kegiatan with no kode) is a subtotal: it is checked against
the sum of the rows under it, not stored. A subtotal with a refused row under it cannot be
checked until that row is fixed, and says so instead of reporting a sum that is wrong only
because the refused row is missing from it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import Sum
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from balai.budget import services, tree
from balai.budget.models import BudgetLine, BudgetVersion, FiscalYear, Realisation, Source
from balai.imports.registry import FILE, Issues, RowRef
from balai.lib.numbers import AmountError, parse_rupiah

COLUMNS = ("kegiatan", "kode", "uraian", "sumber", "anggaran", "perubahan", "realisasi")
ALIASES = {
    "kegiatan": ("kode kegiatan", "kode_kegiatan", "activity"),
    "kode": ("kode rekening", "kode_rekening", "rekening", "code", "account"),
    "uraian": ("nama", "name", "keterangan"),
    "sumber": ("sumber dana", "sumber_dana", "source"),
    "anggaran": ("pagu", "budget"),
    "perubahan": ("anggaran perubahan", "revised"),
    "realisasi": ("realised", "realized"),
}
REQUIRED = frozenset({"kode", "anggaran"})
SOURCE_ALIASES = {
    "DD": "DDS",
    "DANA DESA": "DDS",
    "ALOKASI DANA DESA": "ADD",
    "PADES": "PAD",
    "PENDAPATAN ASLI DESA": "PAD",
    "BHP": "PBH",
    "BHPR": "PBH",
    "BKP": "PBP",
    "BANKEU PROVINSI": "PBP",
    "BKK": "PBK",
    "BANKEU KABUPATEN": "PBK",
    "DLL": "LAIN",
    "LAIN-LAIN": "LAIN",
}
MAX_LINES = 5000
AMOUNTS = ("anggaran", "perubahan", "realisasi")


@dataclass
class Lines:
    """What the rows gave: lines to store, subtotals to check, refused rows' codes."""

    lines: list[dict[str, Any]] = field(default_factory=list)
    subtotals: list[dict[str, Any]] = field(default_factory=list)
    refused: list[dict[str, Any]] = field(default_factory=list)
    last_date: date | None = None


def cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value == int(value):
        value = int(value)
    return str(value).strip()


def _source(raw: str) -> str | None:
    value = raw.strip().upper()
    value = SOURCE_ALIASES.get(value, value)
    return value if value in Source.values else None


def _amounts(cells: dict[str, Any], ref: RowRef, issues: Issues) -> dict[str, Any] | None:
    amounts, ok = {}, True
    for key in AMOUNTS:
        try:
            amounts[key] = parse_rupiah(cells.get(key))
        except AmountError as exc:
            issues.error(ref, key, str(exc))
            ok = False
    if ok and amounts["anggaran"] is None:
        issues.error(ref, "anggaran", _("anggaran kosong"))
        ok = False
    return amounts if ok else None


def parse_row(cells: dict[str, Any], ref: RowRef, issues: Issues, found: Lines) -> None:
    """One spreadsheet row: a line, a subtotal, or errors (its codes kept for the subtotals)."""
    kegiatan, kode = cell_text(cells.get("kegiatan")), cell_text(cells.get("kode"))
    before = issues.error_count
    amounts = _amounts(cells, ref, issues)
    keg_node = tree.node("bidang", kegiatan) if kegiatan else None
    acc_node = tree.node("ekonomi", kode) if kode else None
    if kegiatan and keg_node is None:
        issues.error(
            ref,
            "kegiatan",
            _("kode kegiatan %(c)s tidak ada di Permendagri 20/2018") % {"c": kegiatan},
        )
    if kode and acc_node is None:
        issues.error(
            ref, "kode", _("kode rekening %(c)s tidak ada di Permendagri 20/2018") % {"c": kode}
        )
    if not kode and not kegiatan:
        issues.error(ref, "kode", _("kode rekening kosong"))
    item = {
        "row": ref[2],
        "kegiatan": kegiatan,
        "kode": kode,
        "uraian": cell_text(cells.get("uraian"))[:255],
        **(amounts or {}),
    }
    if issues.error_count > before or amounts is None:
        found.refused.append(item)
        return
    is_leaf = acc_node is not None and acc_node.level == "objek"
    if not is_leaf or (kegiatan and keg_node is not None and keg_node.level != "kegiatan"):
        found.subtotals.append({**item, "sumber": ""})
        return
    line = _leaf(cells, ref, issues, item)
    if line is None:
        found.refused.append(item)
    else:
        found.lines.append(line)


def _leaf(
    cells: dict[str, Any], ref: RowRef, issues: Issues, item: dict[str, Any]
) -> dict[str, Any] | None:
    kind = tree.line_kind(item["kode"])
    raw_source = cell_text(cells.get("sumber"))
    if kind == "spending":
        if not item["kegiatan"]:
            issues.error(ref, "kegiatan", _("belanja harus menyebut kode kegiatan"))
            return None
        source = _source(raw_source)
        if source is None:
            issues.error(
                ref,
                "sumber",
                _(
                    "sumber dana “%(s)s” tidak dikenal "
                    "(pakai DDS, ADD, PAD, PBH, PBP, PBK, LAIN, SILPA)"
                )
                % {"s": raw_source},
            )
            return None
    elif item["kegiatan"]:
        issues.error(ref, "kegiatan", _("kode kegiatan hanya untuk baris belanja"))
        return None
    else:
        source = tree.income_source(item["kode"]) if kind == "income" else ""
    return {**item, "sumber": source, "kind": kind}


def _under(code: str, prefix: str) -> bool:
    return not prefix or code == prefix or code.startswith(prefix + ".")


def _rupiah(amount: int) -> str:
    return f"{amount:,}".replace(",", ".")


def check_lines(found: Lines, issues: Issues) -> None:
    """Duplicate lines, too many lines, and every subtotal against the lines under it."""
    seen: dict[tuple[str, str, str], int] = {}
    kept = []
    for line in found.lines:
        key = (line["kegiatan"], line["kode"], line["sumber"])
        if key in seen:
            issues.error(
                (0, "", line["row"]),
                "kode",
                _(
                    "baris ganda: kegiatan, rekening dan sumber dana yang sama "
                    "sudah ada di baris %(n)s"
                )
                % {"n": seen[key]},
            )
            continue
        seen[key] = line["row"]
        kept.append(line)
    found.lines = kept
    if len(found.lines) > MAX_LINES:
        issues.error(FILE, "", _("terlalu banyak baris (batas %(n)s)") % {"n": MAX_LINES})
    for sub in found.subtotals:
        _check_subtotal(sub, found, issues)


def _check_subtotal(sub: dict[str, Any], found: Lines, issues: Issues) -> None:
    ref: RowRef = (0, "", sub["row"])
    under = [
        r["row"]
        for r in found.refused
        if _under(r["kegiatan"], sub["kegiatan"])
        and _under(r["kode"], sub["kode"])
        and (r["kode"] or r["kegiatan"]) != (sub["kode"] or sub["kegiatan"])
    ]
    if under:
        rows = ", ".join(str(n) for n in under[:5])
        issues.warn(
            ref,
            "anggaran",
            _("jumlah %(code)s belum dapat diperiksa sampai baris %(rows)s diperbaiki")
            % {"code": sub["kode"] or sub["kegiatan"], "rows": rows},
        )
        return
    children = [
        line
        for line in found.lines
        if _under(line["kegiatan"], sub["kegiatan"]) and _under(line["kode"], sub["kode"])
    ]
    for key in AMOUNTS:
        if sub.get(key) is None:
            continue
        total = sum(line[key] or 0 for line in children)
        if total != sub[key]:
            issues.error(
                ref,
                key,
                _("jumlah %(code)s (%(given)s) tidak sama dengan jumlah rinciannya (%(sum)s)")
                % {
                    "code": sub["kode"] or sub["kegiatan"],
                    "given": _rupiah(sub[key]),
                    "sum": _rupiah(total),
                },
            )


def summary_row(line: dict[str, Any]) -> dict[str, Any]:
    return {
        "kind": line["kind"],
        "kegiatan__code": line["kegiatan"] or None,
        "account__code": line["kode"],
        "source": line["sumber"],
        "original_amount": line["anggaran"],
        "revised_amount": line["perubahan"],
        "realised": line["realisasi"] or 0,
    }


def snapshot(fiscal_year: FiscalYear) -> list[dict[str, Any]]:
    rows = (
        BudgetLine.objects.filter(fiscal_year=fiscal_year)
        .annotate(realised=Coalesce(Sum("realisations__amount"), 0))
        .values(
            "kind",
            "kegiatan__code",
            "account__code",
            "source",
            "description",
            "original_amount",
            "revised_amount",
            "realised",
        )
    )
    return [dict(row) for row in rows]


def lines_replace(
    *, fiscal_year: FiscalYear, lines: list[dict[str, Any]], realised_on: date, job: Any
) -> dict[str, int]:
    """Replace the year's lines with `lines`, keeping the replaced ones as a BudgetVersion.
    Projects stay linked to the lines with the same kegiatan × account × source. Run inside
    the pipeline's transaction."""
    village = fiscal_year.village
    index = tree.account_index()
    previous = snapshot(fiscal_year)
    if previous:
        BudgetVersion.objects.create(
            village=village,
            fiscal_year=fiscal_year,
            lines=previous,
            summary=fiscal_year.summary,
            replaced_by=job.original_name[:200],
            job=job,
        )
    old = BudgetLine.objects.filter(fiscal_year=fiscal_year)
    links = {
        # .all() reads the prefetch; .values_list() would query once per line
        (line.kegiatan.code if line.kegiatan else "", line.account.code, line.source): [
            p.pk for p in line.projects.all()
        ]
        for line in old.select_related("kegiatan", "account").prefetch_related("projects")
        if line.projects.all()
    }
    Realisation.objects.filter(line__fiscal_year=fiscal_year).delete()
    old.delete()
    new = [
        BudgetLine(
            village=village,
            fiscal_year=fiscal_year,
            kind=item["kind"],
            kegiatan_id=index[("bidang", item["kegiatan"])].id if item["kegiatan"] else None,
            account_id=index[("ekonomi", item["kode"])].id,
            source=item["sumber"],
            description=item["uraian"],
            original_amount=item["anggaran"],
            revised_amount=item["perubahan"],
        )
        for item in lines
    ]
    BudgetLine.objects.bulk_create(new)
    Realisation.objects.bulk_create(
        Realisation(
            village=village, line=line, date=realised_on, amount=item["realisasi"], note=_("impor")
        )
        for line, item in zip(new, lines, strict=True)
        if item["realisasi"]
    )
    by_key = {
        (i["kegiatan"], i["kode"], i["sumber"]): line for line, i in zip(new, lines, strict=True)
    }
    through = BudgetLine.projects.through
    through.objects.bulk_create(
        [
            through(project_id=pk, budgetline_id=by_key[key].pk)
            for key, project_ids in links.items()
            if key in by_key
            for pk in project_ids
        ],
        ignore_conflicts=True,  # as .add() would: a pair seen twice is kept once
    )
    services.fiscal_year_summarise(fiscal_year=fiscal_year)
    return {"lines": len(new), "replaced": len(previous)}
