"""Register helpers for templates: {{ nik|masked }}, {% if request|manages_register %}.
Numbers come from {% load formats %}."""

from __future__ import annotations

from django import template

from balai.population.nik import mask
from balai.villages.permissions import can
from balai.villages.requests import VillageRequest

register = template.Library()


@register.filter
def masked(number: str) -> str:
    """NIK / No. KK as lists show them: 3303xxxxxxxx0012."""
    return mask(number)


@register.filter
def manages_register(request: VillageRequest) -> bool:
    """Whether this person runs the register (imports, settings, the access log): the village's
    admins and district admins, not a mentor who may only look."""
    return can(request.user, request.village, "personal")
