"""Money and percentages the Indonesian way in templates: {{ x|rupiah }}, {{ x|pct:y }}."""

from __future__ import annotations

from django import template

from balai.lib import numbers

register = template.Library()


@register.filter
def rupiah(value: int | None) -> str:
    return numbers.rupiah(value)


@register.filter
def short_rupiah(value: int | None) -> str:
    return numbers.short_rupiah(value or 0)


@register.filter
def pct(part: int | None, whole: int | None) -> str:
    return numbers.percent(part or 0, whole or 0)
