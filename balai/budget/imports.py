"""The APBDes spreadsheet import: read (XLSX/ODS/CSV), check every row, then apply all or
nothing. Applying replaces the year's lines and keeps the replaced ones on the batch.

Template columns: kegiatan (bidang-axis code, only for spending), kode (economic account),
uraian, sumber (source of funds, only for spending), anggaran, perubahan, realisasi. A row whose
code is a parent (e.g. kode 4.2, or a kegiatan with no kode) is a subtotal: it is checked against
the sum of the rows under it, not stored.
"""

from __future__ import annotations

import csv
import hashlib
import io
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from balai.audit.services import audit_record
from balai.budget import services, siskeudes, tree
from balai.budget.models import BudgetLine, ImportBatch, Realisation, Source
from balai.lib.numbers import AmountError, parse_rupiah

COLUMNS = {
    "kegiatan": ("kegiatan", "kode kegiatan", "kode_kegiatan", "activity"),
    "kode": ("kode", "kode rekening", "kode_rekening", "rekening", "code", "account"),
    "uraian": ("uraian", "nama", "name", "keterangan"),
    "sumber": ("sumber", "sumber dana", "sumber_dana", "source"),
    "anggaran": ("anggaran", "pagu", "budget"),
    "perubahan": ("perubahan", "anggaran perubahan", "revised"),
    "realisasi": ("realisasi", "realised", "realized"),
}
REQUIRED = ("kode", "anggaran")
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
MAX_ROWS = 5000


class ImportFileError(ValueError):
    """The file cannot be read at all (not a table, no header, wrong columns)."""


@dataclass
class Parsed:
    lines: list[dict] = field(default_factory=list)
    errors: list[dict] = field(default_factory=list)
    subtotals: list[dict] = field(default_factory=list)


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value == int(value):
        value = int(value)
    return str(value).strip()


def read_table(name: str, content: bytes) -> list[list[object]]:
    """Rows of the first sheet (or the CSV), cells as the spreadsheet typed them."""
    if content[:4] == b"PK\x03\x04" or content[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        from python_calamine import CalamineError, load_workbook

        try:
            book = load_workbook(io.BytesIO(content))
            return book.get_sheet_by_index(0).to_python(skip_empty_area=False)
        except (CalamineError, ValueError, IndexError) as exc:
            raise ImportFileError(_("Lembar kerja tidak dapat dibaca.")) from exc
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = content.decode("cp1252", errors="replace")
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return [list(r) for r in csv.reader(io.StringIO(text), dialect)]


def _header(rows: list[list[object]]) -> tuple[int, dict[str, int]]:
    """Find the header row (within the first 10) and map our column names to positions."""
    for index, row in enumerate(rows[:10]):
        cells = [_cell_text(c).lower() for c in row]
        found = {
            key: cells.index(alias)
            for key, aliases in COLUMNS.items()
            for alias in aliases
            if alias in cells
        }
        if all(k in found for k in REQUIRED):
            return index, found
    raise ImportFileError(
        _("Baris judul kolom tidak ditemukan. Kolom wajib: kode dan anggaran (lihat templat).")
    )


def _err(errors: list[dict], row: int, column: str, reason: str) -> None:
    errors.append({"row": row, "column": column, "reason": reason})


def _source(raw: str) -> str | None:
    value = raw.strip().upper()
    value = SOURCE_ALIASES.get(value, value)
    return value if value in Source.values else None


def parse_rows(rows: list[list[object]]) -> Parsed:
    """Check every row; collect lines (dicts) and every problem with row/column/reason."""
    parsed = Parsed()
    head, cols = _header(rows)
    seen: dict[tuple, int] = {}
    for index, raw in enumerate(rows[head + 1 :], start=head + 2):

        def cell(key: str, raw=raw) -> object:
            pos = cols.get(key)
            return raw[pos] if pos is not None and pos < len(raw) else None

        if not any(_cell_text(c) for c in raw):
            continue
        item = _row(parsed.errors, index, cell)
        if item is None:
            continue
        if item.pop("subtotal"):
            parsed.subtotals.append(item)
            continue
        key = (item["kegiatan"], item["kode"], item["sumber"])
        if key in seen:
            _err(
                parsed.errors,
                index,
                "kode",
                _(
                    "baris ganda: kegiatan, rekening dan sumber dana yang sama "
                    "sudah ada di baris %(n)s"
                )
                % {"n": seen[key]},
            )
            continue
        seen[key] = index
        parsed.lines.append(item)
    if len(parsed.lines) > MAX_ROWS:
        _err(parsed.errors, 0, "", _("terlalu banyak baris (batas %(n)s)") % {"n": MAX_ROWS})
    _check_subtotals(parsed)
    return parsed


def _amounts(errors: list[dict], index: int, cell) -> dict | None:
    amounts, ok = {}, True
    for key in ("anggaran", "perubahan", "realisasi"):
        try:
            amounts[key] = parse_rupiah(cell(key))
        except AmountError as exc:
            _err(errors, index, key, str(exc))
            ok = False
    if ok and amounts["anggaran"] is None:
        _err(errors, index, "anggaran", _("anggaran kosong"))
        ok = False
    return amounts if ok else None


def _row(errors: list[dict], index: int, cell) -> dict | None:
    kegiatan, kode = _cell_text(cell("kegiatan")), _cell_text(cell("kode"))
    amounts = _amounts(errors, index, cell)
    keg_node = tree.node("bidang", kegiatan) if kegiatan else None
    acc_node = tree.node("ekonomi", kode) if kode else None
    bad = False
    if kegiatan and keg_node is None:
        _err(
            errors,
            index,
            "kegiatan",
            _("kode kegiatan %(c)s tidak ada di Permendagri 20/2018") % {"c": kegiatan},
        )
        bad = True
    if kode and acc_node is None:
        _err(
            errors,
            index,
            "kode",
            _("kode rekening %(c)s tidak ada di Permendagri 20/2018") % {"c": kode},
        )
        bad = True
    if not kode and not kegiatan:
        _err(errors, index, "kode", _("kode rekening kosong"))
        bad = True
    if bad or amounts is None:
        return None
    item = {
        "row": index,
        "kegiatan": kegiatan,
        "kode": kode,
        "uraian": _cell_text(cell("uraian"))[:255],
        **amounts,
    }
    is_leaf = acc_node is not None and acc_node.level == "objek"
    if not is_leaf or (kegiatan and keg_node.level != "kegiatan"):
        item.update(subtotal=True, sumber="")
        return item
    return _leaf(errors, index, item, cell)


def _leaf(errors: list[dict], index: int, item: dict, cell) -> dict | None:
    kind = tree.line_kind(item["kode"])
    raw_source = _cell_text(cell("sumber"))
    if kind == "spending":
        if not item["kegiatan"]:
            _err(errors, index, "kegiatan", _("belanja harus menyebut kode kegiatan"))
            return None
        source = _source(raw_source)
        if source is None:
            _err(
                errors,
                index,
                "sumber",
                _(
                    "sumber dana “%(s)s” tidak dikenal "
                    "(pakai DDS, ADD, PAD, PBH, PBP, PBK, LAIN, SILPA)"
                )
                % {"s": raw_source},
            )
            return None
    elif item["kegiatan"]:
        _err(errors, index, "kegiatan", _("kode kegiatan hanya untuk baris belanja"))
        return None
    else:
        source = tree.income_source(item["kode"]) if kind == "income" else ""
    item.update(subtotal=False, sumber=source, kind=kind)
    return item


def _under(code: str, prefix: str) -> bool:
    return not prefix or code == prefix or code.startswith(prefix + ".")


def _check_subtotals(parsed: Parsed) -> None:
    for sub in parsed.subtotals:
        children = [
            line
            for line in parsed.lines
            if _under(line["kegiatan"], sub["kegiatan"]) and _under(line["kode"], sub["kode"])
        ]
        for key in ("anggaran", "perubahan", "realisasi"):
            if sub[key] is None:
                continue
            total = sum(line[key] or 0 for line in children)
            if total != sub[key]:
                _err(
                    parsed.errors,
                    sub["row"],
                    key,
                    _("jumlah %(code)s (%(given)s) tidak sama dengan jumlah rinciannya (%(sum)s)")
                    % {
                        "code": sub["kode"] or sub["kegiatan"],
                        "given": f"{sub[key]:,}".replace(",", "."),
                        "sum": f"{total:,}".replace(",", "."),
                    },
                )


def import_batch_check(*, batch: ImportBatch) -> ImportBatch:
    """The dry run: read and check the file, store the report. Writes no budget line."""
    with batch.file.open("rb") as fh:
        content = fh.read()
    batch.sha256 = hashlib.sha256(content).hexdigest()
    if siskeudes.is_siskeudes_zip(content):
        lines, errors, last = siskeudes.parse_siskeudes(content, year=batch.fiscal_year.year)
        parsed = Parsed(lines=lines, errors=errors)
        batch.realised_on = batch.realised_on or last
    else:
        try:
            parsed = parse_rows(read_table(batch.file_name, content))
        except ImportFileError as exc:
            parsed = Parsed(errors=[{"row": 0, "column": "", "reason": str(exc)}])
    batch.row_count = len(parsed.lines)
    batch.errors = sorted(parsed.errors, key=lambda e: (e["row"], e["column"]))
    rows = [_as_summary_row(line) for line in parsed.lines]
    batch.report = {
        "lines": parsed.lines,
        "totals": services.summary_build(rows)["totals"],
        "current_lines": BudgetLine.objects.filter(fiscal_year=batch.fiscal_year).count(),
        "same_file": ImportBatch.objects.filter(
            fiscal_year=batch.fiscal_year, status=ImportBatch.Status.APPLIED, sha256=batch.sha256
        ).exists(),
    }
    batch.status = ImportBatch.Status.REFUSED if parsed.errors else ImportBatch.Status.CHECKED
    batch.progress = 100
    batch.save()
    return batch


def _as_summary_row(line: dict) -> dict:
    return {
        "kind": line["kind"],
        "kegiatan__code": line["kegiatan"] or None,
        "account__code": line["kode"],
        "source": line["sumber"],
        "original_amount": line["anggaran"],
        "revised_amount": line["perubahan"],
        "realised": line["realisasi"] or 0,
    }


def _snapshot(fiscal_year) -> list[dict]:
    return list(
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


def import_batch_apply(*, batch: ImportBatch, actor) -> ImportBatch:
    """Replace the year's lines with the checked ones, all or nothing. Projects stay linked to
    the lines with the same kegiatan × account × source."""
    if batch.status != ImportBatch.Status.CHECKED:
        raise ValueError("only a checked batch can be applied")
    fiscal_year, village = batch.fiscal_year, batch.village
    index = tree.account_index()
    date = batch.realised_on or timezone.localdate()
    with transaction.atomic():
        batch.previous_lines = _snapshot(fiscal_year)
        batch.previous_summary = fiscal_year.summary
        old = BudgetLine.objects.filter(fiscal_year=fiscal_year)
        links = {
            # .all() reads the prefetch; .values_list() would query once per line
            (line.kegiatan_id and line.kegiatan.code or "", line.account.code, line.source): [
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
            for item in batch.report["lines"]
        ]
        BudgetLine.objects.bulk_create(new)
        Realisation.objects.bulk_create(
            Realisation(
                village=village, line=line, date=date, amount=item["realisasi"], note=_("impor")
            )
            for line, item in zip(new, batch.report["lines"], strict=True)
            if item["realisasi"]
        )
        by_key = {
            (i["kegiatan"], i["kode"], i["sumber"]): line
            for line, i in zip(new, batch.report["lines"], strict=True)
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
        ImportBatch.objects.filter(
            fiscal_year=fiscal_year, status=ImportBatch.Status.CHECKED
        ).exclude(pk=batch.pk).update(status=ImportBatch.Status.SUPERSEDED)
        batch.status, batch.applied_at = ImportBatch.Status.APPLIED, timezone.now()
        batch.save()
        audit_record(
            actor=actor,
            action="budget.import_apply",
            target=str(fiscal_year.year),
            village=village,
            lines=len(new),
            replaced=len(batch.previous_lines),
        )
        services.fiscal_year_summarise(fiscal_year=fiscal_year)
    return batch
