"""NIK and No. KK checks (Dukcapil layout: PPKKCC DDMMYY NNNN, women's day + 40).

Hard errors refuse a row; warnings are kept on the record, because real registers hold NIKs
issued elsewhere (people who moved in) and birth dates corrected after the NIK was issued.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import gettext as _

DIGITS16 = re.compile(r"^\d{16}$")
FEMALE = 2


@dataclass
class Check:
    value: str = ""
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def cell_text(value: object) -> tuple[str, bool]:
    """(text, rounded): a 16-digit number in a spreadsheet has already lost its last digit to
    Excel's 15-digit precision (or been written as 3.30309E+15), so it cannot be trusted."""
    if isinstance(value, bool):
        return str(value), False
    if isinstance(value, int | float):
        text = str(int(value)) if float(value).is_integer() else str(value)
        return text, len(text.split(".")[0]) >= 15
    text = str(value or "").strip().lstrip("'").replace(" ", "")
    return text, bool(re.match(r"^\d+([.,]\d+)?[eE]\+?\d+$", text))


def rounded_message() -> str:
    return _(
        "Angka ini disimpan sebagai bilangan, sehingga Excel sudah membulatkannya. "
        "Ubah kolom menjadi Teks lalu ketik ulang nomornya."
    )


def check_kk(value: object) -> Check:
    text, rounded = cell_text(value)
    result = Check(text)
    if rounded:
        result.errors.append(rounded_message())
    elif not DIGITS16.match(text):
        result.errors.append(_("Isi No. KK dengan 16 angka."))
    return result


def check_nik(
    value: object, *, birth_date: date | None, sex: int | None, region_digits: str
) -> Check:
    """Check a NIK against the person's record and the village's region code (10 digits)."""
    text, rounded = cell_text(value)
    result = Check(text)
    if text == "0":
        result.warnings.append(_("Belum punya NIK (diisi 0)."))
        return result
    if rounded:
        result.errors.append(rounded_message())
        return result
    if not DIGITS16.match(text):
        result.errors.append(_("Isi NIK dengan 16 angka, atau 0 bila belum punya."))
        return result
    day, month = int(text[6:8]), int(text[8:10])
    if not (1 <= day <= 31 or 41 <= day <= 71) or not 1 <= month <= 12:
        result.errors.append(_("Bagian tanggal lahir di NIK (angka ke-7 sampai 12) tidak sah."))
        return result
    if text[:4] != region_digits[:4]:
        result.warnings.append(_("NIK diterbitkan di luar kabupaten ini."))
    elif text[:6] != region_digits[:6]:
        result.warnings.append(_("NIK diterbitkan di kecamatan lain."))
    if birth_date is not None:
        expected_day = birth_date.day + (40 if sex == FEMALE else 0)
        expected = f"{expected_day:02d}{birth_date.month:02d}{birth_date.year % 100:02d}"
        if text[6:12] != expected:
            result.warnings.append(
                _("Bagian tanggal lahir di NIK tidak sama dengan tanggal lahir.")
            )
    return result


def mask(number: str) -> str:
    """3303091234560012 → 3303xxxxxxxx0012, the form lists show."""
    if not number or len(number) < 8:
        return number or ""
    return number[:4] + "x" * (len(number) - 8) + number[-4:]
