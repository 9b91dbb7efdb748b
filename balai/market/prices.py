"""Prices the way sellers type them: "Rp 150.000", "150rb", "1,5 jt", "150-200rb", "harga nego".

Pure functions, no Django models: parse a seller's text into whole rupiah, and write a price
(or a range) back the way the shop shows it. Amounts themselves are written by
balai.lib.numbers.rupiah.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from balai.lib.numbers import rupiah

MAX_PRICE = 10_000_000_000  # ten billion rupiah: anything above is a typo

_NEGO = re.compile(r"\b(harga\s+)?(nego|negosiasi|bisa\s+nego)\b", re.I)
_MULTIPLIERS = {
    "rb": 1_000,
    "ribu": 1_000,
    "k": 1_000,
    "rbu": 1_000,
    "jt": 1_000_000,
    "juta": 1_000_000,
}
_AMOUNT = re.compile(r"^(?:rp\.?)?\s*([\d.,]+)\s*(rb|rbu|ribu|k|jt|juta)?$", re.I)


class PriceError(ValueError):
    """The text is not a price; the message is for the seller, in Indonesian."""


@dataclass(frozen=True)
class Price:
    low: int | None
    high: int | None
    negotiable: bool


def _number(text: str, has_multiplier: bool) -> Decimal:
    """'150.000' → 150000; '1,5' → 1.5 (a decimal comma only makes sense before rb/jt)."""
    if has_multiplier:
        return Decimal(text.replace(".", "").replace(",", ".") if "," in text else text)
    # Without a multiplier, dots and commas are thousands separators ("150.000", "150,000").
    digits = text.replace(".", "").replace(",", "")
    return Decimal(digits)


def parse_amount(text: str) -> int:
    """One amount in rupiah, or PriceError."""
    cleaned = text.strip().lower().replace(" ", "")
    cleaned = re.sub(r"(,-|,00|\.-)$", "", cleaned)  # "Rp 150.000,-" and "150.000,00"
    if cleaned.startswith("-"):
        raise PriceError(_("Harga tidak boleh negatif."))
    match = _AMOUNT.match(cleaned)
    if not match:
        raise PriceError(
            _("“%(text)s” bukan harga. Tulis misalnya Rp 150.000 atau 150rb.")
            % {"text": text.strip()}
        )
    number, unit = match.groups()
    try:
        value = _number(number, bool(unit)) * _MULTIPLIERS.get((unit or "").lower(), 1)
    except InvalidOperation as exc:
        raise PriceError(_("“%(text)s” bukan harga.") % {"text": text.strip()}) from exc
    if value != value.to_integral_value():
        raise PriceError(_("Harga harus dalam rupiah bulat."))
    if value > MAX_PRICE:
        raise PriceError(_("Harga terlalu besar. Periksa lagi angkanya."))
    return int(value)


def parse_price(text: str) -> Price:
    """A price, a range ("150rb - 200rb", "150-200rb"), "harga nego", or empty (no price)."""
    raw = (text or "").strip()
    negotiable = bool(_NEGO.search(raw))
    rest = _NEGO.sub(" ", raw).strip(" ,/()")
    if not rest:
        return Price(None, None, negotiable)
    if re.match(r"^(rp\.?\s*)?-\s*\d", rest, re.I):
        raise PriceError(_("Harga tidak boleh negatif."))
    parts = [
        p
        for p in re.split(
            r"\s*(?:–|—|s\.?d\.?|sampai|hingga|-(?=\s*(?:rp)?\s*\d))\s*", rest, flags=re.I
        )
        if p
    ]
    if len(parts) > 2:
        raise PriceError(_("Tulis satu harga, atau dua harga sebagai rentang (150rb - 200rb)."))
    if len(parts) == 2:
        # "150-200rb": the unit written once applies to both ends.
        unit = re.search(r"(rb|rbu|ribu|k|jt|juta)\s*$", parts[1], re.I)
        first = (
            parts[0]
            if re.search(r"[a-z]\s*$", parts[0], re.I) or not unit
            else parts[0] + unit.group(1)
        )
        low, high = parse_amount(first), parse_amount(parts[1])
        if low > high:
            low, high = high, low
        return Price(low, high if high != low else None, negotiable)
    return Price(parse_amount(parts[0]), None, negotiable)


def price_label(low: int | None, high: int | None, negotiable: bool) -> str:
    if low is None:
        return _("Harga nego") if negotiable else _("Tanya harga")
    text = rupiah(low) + (f" – {rupiah(high)}" if high else "")
    return text + (" " + _("(nego)") if negotiable else "")


def price_input(low: int | None, high: int | None, negotiable: bool) -> str:
    """What the edit form shows back, in the same words parse_price accepts."""
    text = rupiah(low) + (f" - {rupiah(high)}" if high else "") if low is not None else ""
    return (text + " nego").strip() if negotiable else text
