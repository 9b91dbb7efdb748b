"""Reads of the district's watch: the freshness table (scoped to who is looking), the weekly
digest's rows and recipients, and the integrity alerts."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from balai.accounts.models import KecamatanViewer, User
from balai.mentoring.selectors import mentor_village_ids
from balai.villages.models import Membership
from balai.watch.freshness import freshness_checks
from balai.watch.models import FreshnessScore, IntegrityAlert

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

SORTS = {
    "skor": ("score", "village__region__name"),
    "-skor": ("-score", "village__region__name"),
    "desa": ("village__region__name",),
    "kecamatan": ("village__region__parent__name", "village__region__name"),
}
SORT_LABELS: dict[str, StrOrPromise] = {
    "skor": _("Skor terendah dulu"),
    "-skor": _("Skor tertinggi dulu"),
    "desa": _("Nama desa"),
    "kecamatan": _("Kecamatan"),
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


def freshness_digest_recipients(
    rows: list[FreshnessScore],
) -> list[tuple[str, list[FreshnessScore]]]:
    """Who hears about which slipped villages: district admins all of them, a kecamatan viewer
    their kecamatan's, a mentor their villages'. One entry per address, sorted by address."""
    by_email: dict[str, set[FreshnessScore]] = {}
    for email in User.objects.filter(is_district_admin=True, is_active=True).values_list(
        "email", flat=True
    ):
        by_email[email] = set(rows)
    for viewer in KecamatanViewer.objects.filter(user__is_active=True).select_related("user"):
        mine = {r for r in rows if r.village.region.parent_id == viewer.kecamatan_id}
        by_email.setdefault(viewer.user.email, set()).update(mine)
    mentors = Membership.objects.filter(
        role=Membership.Role.MENTOR,
        village_id__in=[r.village_id for r in rows],
        user__is_active=True,
    )
    for m in mentors.select_related("user"):
        mine = {r for r in rows if r.village_id == m.village_id}
        by_email.setdefault(m.user.email, set()).update(mine)
    return [
        (email, sorted(mine, key=lambda r: r.pk))
        for email, mine in sorted(by_email.items())
        if mine
    ]


def integrity_alerts(*, show_all: bool = False) -> QuerySet[IntegrityAlert]:
    rows = IntegrityAlert.objects.all()
    return rows if show_all else rows.filter(handled_at__isnull=True)
