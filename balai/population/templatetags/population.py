from __future__ import annotations

from django import template

from balai.population.nik import mask

register = template.Library()


@register.filter
def masked(number: str) -> str:
    """NIK / No. KK as lists show them: 3303xxxxxxxx0012."""
    return mask(number)


@register.filter
def angka(value: int) -> str:
    """12345 → 12.345, the Indonesian way."""
    try:
        return f"{int(value):,}".replace(",", ".")
    except (TypeError, ValueError):
        return ""
