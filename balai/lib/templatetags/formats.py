"""Numbers, money and percentages the Indonesian way in every template:
{{ n|angka }} → 12.345, {{ x|rupiah }} → Rp 1.250.000, {{ x|short_rupiah }} → Rp 1,25 M,
{{ part|pct:whole }} → 12,5%; {{ text|one_line }}, a queue's one-line excerpt."""

from __future__ import annotations

from django import template

from balai.lib import numbers
from balai.lib.text import excerpt

register = template.Library()


@register.filter
def angka(value: int | None) -> str:
    return numbers.angka(value)


@register.filter
def rupiah(value: int | None) -> str:
    return numbers.rupiah(value)


@register.filter
def short_rupiah(value: int | None) -> str:
    return numbers.short_rupiah(value or 0)


@register.filter
def pct(part: int | None, whole: int | None) -> str:
    return numbers.percent(part or 0, whole or 0)


@register.filter
def one_line(value: str | None, limit: int = 90) -> str:
    """A queue's one-line excerpt: line breaks and runs of spaces folded, cut at a word."""
    return excerpt(value or "", limit)
