"""The catalogue: the district's default services and each village's own copy."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from balai.services.defaults import DEFAULT_SERVICES
from balai.services.models import DefaultService, Service
from balai.villages.models import Village

STANDARD_FIELDS = (
    "name",
    "slug",
    "summary",
    "letter_key",
    "online",
    "requirements",
    "procedure",
    "duration_days",
    "cost",
    "product",
    "officer",
    "complaints",
    "legal_basis",
    "link",
    "order",
)


def default_services_seed() -> int:
    """Load the district's first list (defaults.py) where it is missing; the count added."""
    have = set(DefaultService.objects.values_list("slug", flat=True))
    rows = [DefaultService(**data) for data in DEFAULT_SERVICES if data["slug"] not in have]
    DefaultService.objects.bulk_create(rows)
    return len(rows)


def catalogue_seed(*, village: Village) -> int:
    """Copy every active district default the village does not have yet (by its slug or by
    the default it came from) into its catalogue; the count added. Re-running adds nothing."""
    if not DefaultService.objects.exists():
        default_services_seed()
    own = Service.objects.for_village(village)
    taken = set(own.values_list("slug", flat=True)) | set(
        own.exclude(default_slug="").values_list("default_slug", flat=True)
    )
    added = 0
    with transaction.atomic():
        for default in DefaultService.objects.filter(is_active=True):
            if default.slug in taken:
                continue
            data = {name: getattr(default, name) for name in STANDARD_FIELDS}
            Service.objects.create(village=village, default_slug=default.slug, **data)
            added += 1
    return added


def service_save(*, service: Service, data: dict[str, Any]) -> Service:
    for name, value in data.items():
        setattr(service, name, value)
    service.save()
    return service
