"""Reading a Siskeudes export: the zip of CSV tables villages make from their Siskeudes
database. The budget comes from Ta_RABRinci (with Ta_Kegiatan for the kegiatan codes),
realisation of spending from Ta_SPJ + Ta_SPJRinci and of income from Ta_TBP + Ta_TBPRinci.
Ref_Rek1–4 are not needed: the Permendagri 20/2018 tree the project carries is the reference.

Column names follow the Siskeudes tables (Tahun, Kd_Desa, Kd_Keg, Kd_Rincian, SumberDana,
Anggaran, AnggaranStlhPAK, Nilai, …). Codes are normalised: "5.2.1.01." → "5.2.1.01",
kegiatan "01.03.05" → "1.3.05". The result is the same list of lines the spreadsheet import
checks, so both share the pipeline's check, report and all-or-nothing write. The zip itself
is read by the pipeline's reader (balai.imports): every CSV table, by its name.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from django.utils.translation import gettext as _

from balai.budget import tree
from balai.imports.errors import ImportFileError
from balai.imports.registry import Issues
from balai.lib.numbers import AmountError, parse_rupiah

REQUIRED = ("Ta_RABRinci", "Ta_Kegiatan")
OPTIONAL = ("Ta_SPJ", "Ta_SPJRinci", "Ta_TBP", "Ta_TBPRinci")
SOURCES = {
    "DDS": "DDS",
    "DD": "DDS",
    "ADD": "ADD",
    "PAD": "PAD",
    "PBH": "PBH",
    "PBK": "PBK",
    "PBP": "PBP",
    "DLL": "LAIN",
    "LAIN": "LAIN",
    "SILPA": "SILPA",
}


def tables_from(source: Iterable[tuple[str, list[list[Any]]]]) -> dict[str, list[dict[str, str]]]:
    """{lowercase table name: rows as {column: text}} from each table's header and rows."""
    tables: dict[str, list[dict[str, str]]] = {}
    for name, rows in source:
        if not rows:
            tables[name.lower()] = []
            continue
        header = [str(c).strip() for c in rows[0]]
        tables[name.lower()] = [
            {h: str(v) for h, v in zip(header, row, strict=False)}
            for row in rows[1:]
            if any(str(v).strip() for v in row)
        ]
    return tables


def _code(raw: str) -> str:
    return ".".join(p for p in (raw or "").strip().split(".") if p != "")


def kegiatan_code(raw: str) -> str:
    """'01.03.05' or '1.3.5.' → '1.3.05' (bidang and sub-bidang as numbers, kegiatan 2 digits)."""
    parts = _code(raw).split(".")[-3:]
    if len(parts) != 3 or not all(p.isdigit() for p in parts):
        return _code(raw)
    return f"{int(parts[0])}.{int(parts[1])}.{int(parts[2]):02d}"


def account_code(raw: str) -> str:
    parts = _code(raw).split(".")
    if len(parts) == 4 and parts[3].isdigit():
        parts[3] = f"{int(parts[3]):02d}"
    return ".".join(parts)


def _date(raw: str) -> datetime.date | None:
    text = (raw or "").strip()[:10]
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%m/%d/%Y", "%d-%m-%Y"):
        try:
            return datetime.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def parse_siskeudes(
    tables: dict[str, list[dict[str, str]]], *, year: int, issues: Issues
) -> tuple[list[dict], datetime.date | None]:
    """Lines (the spreadsheet import's shape) and the last realisation date; problems by table
    row in `issues`. Raises ImportFileError when a table the budget needs is missing."""
    missing = [t for t in REQUIRED if t.lower() not in tables]
    if missing:
        raise ImportFileError(
            _("Berkas zip bukan ekspor Siskeudes: tabel %(t)s tidak ada di berkas zip.")
            % {"t": ", ".join(missing)}
        )
    before = issues.error_count

    def err(table: str, row: int, column: str, reason: str) -> None:
        issues.error((0, "", row), f"{table}.{column}", reason)

    for name in (*REQUIRED, *OPTIONAL):
        for n, row in enumerate(tables.get(name.lower(), []), start=2):
            if str(row.get("Tahun", "")).strip() not in ("", str(year)):
                err(
                    name,
                    n,
                    "Tahun",
                    _("data tahun %(y)s, bukan %(want)s") % {"y": row.get("Tahun"), "want": year},
                )
                break
    if issues.error_count > before:
        return [], None
    activities = {
        _code(r.get("Kd_Keg", "")): kegiatan_code(r.get("ID_Keg") or r.get("Kd_Keg", ""))
        for r in tables["ta_kegiatan"]
    }
    lines: dict[tuple, dict] = {}
    for n, row in enumerate(tables["ta_rabrinci"], start=2):
        _budget_row(row, n, activities, lines, err)
    for line in lines.values():
        after, revised = line.pop("_after", 0), line.pop("_revised", False)
        line["perubahan"] = after if revised else None
    last = _realisation(tables, activities, lines, err)
    return list(lines.values()), last


def _budget_row(row: dict, n: int, activities: dict, lines: dict, err) -> None:
    table = "Ta_RABRinci"
    account = account_code(row.get("Kd_Rincian", ""))
    if tree.node("ekonomi", account) is None:
        err(
            table,
            n,
            "Kd_Rincian",
            _("kode rekening %(c)s tidak ada di Permendagri 20/2018") % {"c": account},
        )
        return
    kind = tree.line_kind(account)
    kegiatan = ""
    if kind == "spending":
        kegiatan = activities.get(_code(row.get("Kd_Keg", "")), "")
        if tree.node("bidang", kegiatan) is None:
            err(table, n, "Kd_Keg", _("kegiatan %(c)s tidak dikenal") % {"c": row.get("Kd_Keg")})
            return
    raw_source = (row.get("SumberDana") or "").strip().upper()
    source = (
        SOURCES.get(raw_source)
        if kind == "spending"
        else (tree.income_source(account) if kind == "income" else "")
    )
    if source is None:
        err(table, n, "SumberDana", _("sumber dana “%(s)s” tidak dikenal") % {"s": raw_source})
        return
    try:
        original = parse_rupiah(row.get("Anggaran")) or 0
        after = parse_rupiah(row.get("AnggaranStlhPAK"))
    except AmountError as exc:
        err(table, n, "Anggaran", str(exc))
        return
    key = (kegiatan, account, source)
    line = lines.setdefault(
        key,
        {
            "row": n,
            "kegiatan": kegiatan,
            "kode": account,
            "uraian": "",
            "sumber": source,
            "kind": kind,
            "anggaran": 0,
            "perubahan": None,
            "realisasi": None,
        },
    )
    line["anggaran"] += original
    # Siskeudes keeps the amount after an APBDes Perubahan beside the original.
    line["_after"] = line.get("_after", 0) + (original if after is None else after)
    line["_revised"] = line.get("_revised", False) or (after is not None and after != original)


def _realisation(tables: dict, activities: dict, lines: dict, err) -> datetime.date | None:
    """Add SPJ (spending) and TBP (income) amounts to their lines; the last date seen."""
    last = None
    for head, rinci, number, date_col, source_col in (
        ("ta_spj", "ta_spjrinci", "No_SPJ", "Tgl_SPJ", "Sumberdana"),
        ("ta_tbp", "ta_tbprinci", "No_Bukti", "Tgl_Bukti", "SumberDana"),
    ):
        dates = {r.get(number): _date(r.get(date_col, "")) for r in tables.get(head, [])}
        for n, row in enumerate(tables.get(rinci, []), start=2):
            account = account_code(row.get("Kd_Rincian", ""))
            kind = tree.line_kind(account)
            kegiatan = (
                activities.get(_code(row.get("Kd_Keg", "")), "") if kind == "spending" else ""
            )
            source = (
                SOURCES.get((row.get(source_col) or "").strip().upper(), "")
                if kind == "spending"
                else tree.income_source(account)
            )
            line = lines.get((kegiatan, account, source))
            name = "Ta_SPJRinci" if rinci == "ta_spjrinci" else "Ta_TBPRinci"
            if line is None:
                err(name, n, "Kd_Rincian", _("realisasi untuk baris yang tidak ada di anggaran"))
                continue
            try:
                line["realisasi"] = (line["realisasi"] or 0) + (parse_rupiah(row.get("Nilai")) or 0)
            except AmountError as exc:
                err(name, n, "Nilai", str(exc))
            when = dates.get(row.get(number))
            last = max(filter(None, (last, when)), default=None)
    return last
