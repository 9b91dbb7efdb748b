"""{{ nik|masked }}: a NIK or No. KK as register lists show it. Numbers: {% load formats %}."""

from __future__ import annotations

from django import template

from balai.population.nik import mask

register = template.Library()


@register.filter
def masked(number: str) -> str:
    """NIK / No. KK as lists show them: 3303xxxxxxxx0012."""
    return mask(number)
