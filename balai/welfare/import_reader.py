"""Reading a welfare spreadsheet into rows keyed by column name, with the population module's
file checks (type sniffing, zip bombs, formulas) reused as they are."""

from __future__ import annotations

import csv
import io
import re
from datetime import date, datetime

from django.utils.translation import gettext as _

from balai.population.import_reader import (
    ImportFileError,
    check_zip,
    has_formulas,
)

RECIPIENT_COLUMNS = [
    "nik",
    "no_kk",
    "nama",
    "nomor_kartu",
    "mulai",
    "selesai",
    "nilai",
    "status",
    "alasan",
]
RANKING_COLUMNS = [
    "nik",
    "no_kk",
    "desil",
    "status_dtks",
    "tanggal_data",
    "sumber",
    "miskin_desa",
    "alasan_desa",
]


def read_rows(data: io.BufferedIOBase, kind: str, columns: list[str]) -> list[dict]:
    """Rows as {column: value} dicts; the header must name only known columns (any order)."""
    if kind == "csv":
        text = io.TextIOWrapper(data, encoding="utf-8-sig", newline="")
        sample = text.read(4096)
        text.seek(0)
        delimiter = ";" if sample.count(";") > sample.count(",") else ","
        raw = list(csv.reader(text, delimiter=delimiter))
    else:
        if kind in ("xlsx", "ods"):
            check_zip(data)
        if kind == "xlsx" and has_formulas(data):
            raise ImportFileError(
                _("Lembar pertama berisi rumus (formula). Tempel sebagai nilai lalu unggah lagi.")
            )
        from python_calamine import CalamineError, CalamineWorkbook

        try:
            raw = CalamineWorkbook.from_filelike(data).get_sheet_by_index(0).to_python()
        except (CalamineError, ValueError, OSError) as exc:
            raise ImportFileError(_("Berkas rusak dan tidak dapat dibuka.")) from exc
    if not raw or not any(raw[0]):
        raise ImportFileError(_("Berkas kosong: tidak ada baris judul kolom."))
    header = [str(c or "").strip().lower() for c in raw[0]]
    unknown = [h for h in header if h and h not in columns]
    if unknown or not {"nik", "no_kk"} & set(header):
        raise ImportFileError(
            _("Baris pertama harus berisi nama kolom templat (%(cols)s); tidak dikenal: %(bad)s.")
            % {"cols": ", ".join(columns), "bad": ", ".join(unknown) or "-"}
        )
    rows = []
    for cells in raw[1:]:
        cells = list(cells) + [""] * (len(header) - len(cells))
        row = {h: _text(cells[i]) for i, h in enumerate(header) if h}
        rows.append(row)
    return rows


def _text(value) -> str | date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value if value is not None else "").strip()


def parse_date(value) -> date | None:
    """2026-01-31, 31-01-2026, 31/01/2026 or a spreadsheet date; None when unreadable."""
    if isinstance(value, date):
        return value
    for pattern in ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y"):
        try:
            return datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    return None


def parse_rupiah(value: str) -> int | None:
    """Indonesian formats: "Rp 300.000", "300.000,00", "300000"; None when unreadable."""
    text = re.sub(r"(?i)^rp\.?\s*", "", str(value).strip()).replace(" ", "")
    if re.fullmatch(r"\d{1,3}(\.\d{3})+(,0+)?|\d+(,0+)?", text):
        return int(text.split(",")[0].replace(".", ""))
    return None


def digits(value) -> str:
    """A NIK / No. KK cell: spreadsheets love to turn it into 3.30309E+15; refuse that."""
    return str(value).strip().replace(" ", "")
