"""Reads for the freshness table and the weekly digest."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from balai.accounts.models import User
from balai.support.freshness import freshness_checks
from balai.support.models import FreshnessScore
from balai.support.selectors import mentor_village_ids

SORTS = {
    "skor": ("score", "village__region__name"),
    "-skor": ("-score", "village__region__name"),
    "desa": ("village__region__name",),
    "kecamatan": ("village__region__parent__name", "village__region__name"),
}
SLIP_WINDOW = timedelta(days=7)


def freshness_viewer_scope(user: User) -> dict[str, Any] | None:
    """What this person may see: None (404), or a filter on FreshnessScore rows."""
    if not user.is_authenticated:
        return None
    if user.is_district_admin:
        return {}
    kecamatan_codes = list(user.kecamatan_roles.values_list("kecamatan_id", flat=True))
    if kecamatan_codes:
        return {"village__region__parent_id__in": kecamatan_codes}
    village_ids = mentor_village_ids(user)
    if village_ids:
        return {"village_id__in": village_ids}
    return None


def freshness_table(
    *, scope: dict[str, Any], kecamatan: str = "", sort: str = "skor", slipped: bool = False
) -> QuerySet[FreshnessScore]:
    rows = FreshnessScore.objects.filter(**scope).select_related(
        "village__region", "village__region__parent"
    )
    if kecamatan:
        rows = rows.filter(village__region__parent_id=kecamatan)
    if slipped:
        rows = rows.filter(slipped_at__gte=timezone.now() - SLIP_WINDOW)
    return rows.order_by(*SORTS.get(sort, SORTS["skor"]))


def freshness_columns() -> list[tuple[str, str]]:
    return [(c.key, str(c.label)) for c in freshness_checks()]


def freshness_cells(row: FreshnessScore) -> list[tuple[str, bool | None]]:
    return [(str(c.label), row.parts.get(c.key)) for c in freshness_checks()]


def freshness_slipped(*, now: datetime | None = None) -> list[FreshnessScore]:
    now = now or timezone.now()
    rows = FreshnessScore.objects.filter(slipped_at__gte=now - SLIP_WINDOW)
    return list(rows.select_related("village__region", "village__region__parent"))
