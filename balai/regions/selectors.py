from __future__ import annotations

from django.conf import settings
from django.db.models import QuerySet

from balai.regions.models import Region


def kecamatan_list(*, district_code: str | None = None) -> QuerySet[Region]:
    code = district_code or settings.DISTRICT_REGION_CODE
    return Region.objects.filter(level=Region.Level.KECAMATAN, parent_id=code).order_by("name")


def village_regions(*, district_code: str | None = None) -> QuerySet[Region]:
    """Every desa and kelurahan of the district, with its kecamatan joined."""
    code = district_code or settings.DISTRICT_REGION_CODE
    return (
        Region.objects.filter(level=Region.Level.DESA, parent__parent_id=code)
        .select_related("parent")
        .order_by("parent__name", "name")
    )
