"""Numbers and rupiah the Indonesian way: "Rp 1.250.000,00" is 1250000, 12,5% is 12.5 percent.

Spreadsheets from villages mix styles: dots for thousands and a comma for decimals, plain
numbers, numbers a spreadsheet stored as floats, sometimes "1,250,000" from an English locale.
"""

from __future__ import annotations

import re

_CLEAN = re.compile(r"^(rp\.?|idr)\s*", re.IGNORECASE)


class AmountError(ValueError):
    """The text is not an amount of money; the message says why, in Indonesian."""


def parse_rupiah(value: object) -> int | None:
    """Whole rupiah from a cell; None for an empty cell. Raises AmountError on anything else.

    Sen (",00") are accepted only when they are zero: an APBDes is kept in whole rupiah.
    """
    from django.utils.translation import gettext as _

    if value is None:
        return None
    if isinstance(value, bool):
        raise AmountError(_("bukan angka"))
    if isinstance(value, int):
        number = value
    elif isinstance(value, float):
        if value != value or value != int(value):  # NaN or a fraction of a rupiah
            raise AmountError(_("jumlah harus rupiah utuh, tanpa sen"))
        number = int(value)
    else:
        parsed = _parse_text(str(value))
        if parsed is None:
            return None
        number = parsed
    if number < 0:
        raise AmountError(_("jumlah tidak boleh negatif"))
    return number


def _parse_text(text: str) -> int | None:
    from django.utils.translation import gettext as _

    raw = text.strip().replace("\u00a0", " ")
    if raw in ("", "-"):
        return None
    negative = raw.startswith("-") or (raw.startswith("(") and raw.endswith(")"))
    body = _CLEAN.sub("", raw.strip("()-").strip()).replace(" ", "")
    if not body or not re.fullmatch(r"[0-9.,]+", body):
        raise AmountError(_("“%(text)s” bukan jumlah uang") % {"text": text.strip()[:40]})
    whole, fraction = _split_decimals(body)
    if fraction and set(fraction) != {"0"}:
        raise AmountError(_("jumlah harus rupiah utuh, tanpa sen"))
    digits = whole.replace(".", "").replace(",", "")
    if not digits:
        raise AmountError(_("“%(text)s” bukan jumlah uang") % {"text": text.strip()[:40]})
    number = int(digits)
    return -number if negative else number


def _split_decimals(body: str) -> tuple[str, str]:
    """Split off a decimal part: ",00" (Indonesian) or ".00" when commas group thousands."""
    if "," in body and "." in body:
        decimal_mark = "," if body.rfind(",") > body.rfind(".") else "."
    elif "," in body:
        # "1,5" or "1.250,00" style: a comma followed by 1–2 digits at the end is decimals;
        # "1,250,000" is English grouping.
        decimal_mark = "," if re.search(r",\d{1,2}$", body) else ""
    elif "." in body:
        decimal_mark = "." if re.search(r"\.\d{1,2}$", body) else ""
    else:
        decimal_mark = ""
    if not decimal_mark:
        return body, ""
    whole, _sep, fraction = body.rpartition(decimal_mark)
    return whole, fraction


def rupiah(amount: int | None) -> str:
    """1250000 → "Rp 1.250.000"."""
    if amount is None:
        return "–"
    sign = "-" if amount < 0 else ""
    return f"{sign}Rp {abs(amount):,}".replace(",", ".")


def short_rupiah(amount: int) -> str:
    """Compact amounts for charts and posters: 1.250.000.000 → "Rp 1,25 M", 850 jt."""
    value = abs(amount)
    if value >= 1_000_000_000:
        text = f"{value / 1_000_000_000:.2f}".rstrip("0").rstrip(".") + " M"
    elif value >= 1_000_000:
        text = f"{value / 1_000_000:.1f}".rstrip("0").rstrip(".") + " jt"
    elif value >= 1_000:
        text = f"{value / 1_000:.0f} rb"
    else:
        text = str(value)
    return "Rp " + text.replace(".", ",")


def percent(part: int, whole: int) -> str:
    """12.5 → "12,5%"; an empty whole gives "–"."""
    if not whole:
        return "–"
    return f"{part * 100 / whole:.1f}".replace(".", ",") + "%"


def angka(value: int | float | None) -> str:
    """12345 → "12.345", the Indonesian way; None → ""."""
    if value is None:
        return ""
    try:
        return f"{int(value):,}".replace(",", ".")
    except (TypeError, ValueError):
        return ""
