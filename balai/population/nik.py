"""NIK and No. KK checks (Dukcapil layout: PPKKCC DDMMYY NNNN, women's day + 40).

Hard errors refuse a row; warnings are kept on the record, because real registers hold NIKs
issued elsewhere (people who moved in) and birth dates corrected after the NIK was issued.
The import checks 100,000 rows: its messages are translated once per run (`Messages`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import gettext as _

DIGITS16 = re.compile(r"^\d{16}$")
FEMALE = 2
# Dukcapil exports carry invisible characters around numbers; OpenSID drops them too.
_NOISE = re.compile(r"[\s\u200b\u200c\u200d\u2060\ufeff'\"]")
_ROUNDED = re.compile(r"^\d+([.,]\d+)?[eE]\+?\d+$")


@dataclass
class Check:
    value: str = ""
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Messages:
    rounded: str
    kk: str
    nik: str
    nik_zero: str
    date_part: str
    regency: str
    district: str
    birth: str


def messages() -> Messages:
    return Messages(
        rounded=rounded_message(),
        kk=_("Isi No. KK dengan 16 angka."),
        nik=_("Isi NIK dengan 16 angka, atau 0 bila belum punya."),
        nik_zero=_("Belum punya NIK (diisi 0)."),
        date_part=_("Bagian tanggal lahir di NIK (angka ke-7 sampai 12) tidak sah."),
        regency=_("NIK diterbitkan di luar kabupaten ini."),
        district=_("NIK diterbitkan di kecamatan lain."),
        birth=_("Bagian tanggal lahir di NIK tidak sama dengan tanggal lahir."),
    )


def cell_text(value: object) -> tuple[str, bool]:
    """(text, rounded): a 16-digit number in a spreadsheet has already lost its last digit to
    Excel's 15-digit precision (or been written as 3.30309E+15), so it cannot be trusted."""
    if type(value) is str:
        if len(value) == 16 and value.isdigit() and value.isascii():
            return value, False
        text = _NOISE.sub("", value)
        return text, bool(_ROUNDED.match(text))
    if isinstance(value, bool):
        return str(value), False
    if isinstance(value, int | float):
        text = str(int(value)) if float(value).is_integer() else str(value)
        return text, len(text.split(".")[0]) >= 15
    return _NOISE.sub("", str(value or "")), False


def rounded_message() -> str:
    return _(
        "Angka ini disimpan sebagai bilangan, sehingga Excel sudah membulatkannya. "
        "Ubah kolom menjadi Teks lalu ketik ulang nomornya."
    )


def check_kk(value: object, msgs: Messages | None = None) -> Check:
    text, rounded = cell_text(value)
    result = Check(text)
    if rounded:
        result.errors.append((msgs or messages()).rounded)
    elif not (len(text) == 16 and text.isdigit() and text.isascii()):
        result.errors.append((msgs or messages()).kk)
    return result


def check_nik(
    value: object,
    *,
    birth_date: date | str | None,
    sex: int | None,
    region_digits: str,
    msgs: Messages | None = None,
) -> Check:
    """Check a NIK against the person's record and the village's region code (10 digits).
    `birth_date` may be a date or its ISO text (yyyy-mm-dd)."""
    text, rounded = cell_text(value)
    result = Check(text)
    m = msgs or messages()
    if text == "0":
        result.warnings.append(m.nik_zero)
        return result
    if rounded:
        result.errors.append(m.rounded)
        return result
    if not (len(text) == 16 and text.isdigit() and text.isascii()):
        result.errors.append(m.nik)
        return result
    day, month = int(text[6:8]), int(text[8:10])
    if not (1 <= day <= 31 or 41 <= day <= 71) or not 1 <= month <= 12:
        result.errors.append(m.date_part)
        return result
    if text[:4] != region_digits[:4]:
        result.warnings.append(m.regency)
    elif text[:6] != region_digits[:6]:
        result.warnings.append(m.district)
    if birth_date:
        iso = birth_date if isinstance(birth_date, str) else birth_date.isoformat()
        expected_day = int(iso[8:10]) + (40 if sex == FEMALE else 0)
        if text[6:12] != f"{expected_day:02d}{iso[5:7]}{iso[2:4]}":
            result.warnings.append(m.birth)
    return result


def mask(number: str) -> str:
    """3303091234560012 → 3303xxxxxxxx0012, the form lists show."""
    if not number or len(number) < 8:
        return number or ""
    return number[:4] + "x" * (len(number) - 8) + number[-4:]
