"""Letter numbers: `<kode>/<urut>/<bulan romawi>/<tahun>` (Permendagri 83/2022 style) or the
village's own pattern. The running number comes from a counter row locked in the transaction
that writes the letter: PostgreSQL holds the row lock (`select_for_update`), SQLite the database
write lock its IMMEDIATE transactions take, so two issues at once wait for each other, and a
failed issue rolls the counter back with the letter: no number is shared, reused or skipped."""

from __future__ import annotations

import datetime
import re

from django.utils.translation import gettext as _

from balai.letters.context import ROMAN
from balai.letters.models import LetterCounter
from balai.villages.models import Village

TOKENS = ("kode", "urut", "bulan_romawi", "tahun", "kode_desa")
_TOKEN = re.compile(r"\{([^{}]*)\}")


def pattern_problem(pattern: str) -> str | None:
    """Why a pattern cannot be used, or None."""
    for name in _TOKEN.findall(pattern):
        if name not in TOKENS:
            return _("“{%(name)s}” tidak dikenal; gunakan %(tokens)s.") % {
                "name": name,
                "tokens": ", ".join("{" + t + "}" for t in TOKENS),
            }
    if "{urut}" not in pattern:
        return _("Pola nomor harus memuat {urut}.")
    if _TOKEN.sub("", pattern).count("{") or _TOKEN.sub("", pattern).count("}"):
        return _("Kurung kurawal tanpa pasangan.")
    return None


def format_number(
    pattern: str, *, code: str, sequence: int, day: datetime.date, village: Village
) -> str:
    values = {
        "kode": code,
        "urut": f"{sequence:03d}",
        "bulan_romawi": ROMAN[day.month - 1],
        "tahun": str(day.year),
        "kode_desa": village.region_id.replace(".", ""),
    }
    return _TOKEN.sub(lambda m: values[m.group(1)], pattern)


def counter_locked(village: Village, year: int, code: str) -> LetterCounter:
    """The counter row, created if new and locked until the caller's transaction ends."""
    LetterCounter.objects.bulk_create(
        [LetterCounter(village=village, year=year, code=code)], ignore_conflicts=True
    )
    return LetterCounter.objects.select_for_update().get(village=village, year=year, code=code)
