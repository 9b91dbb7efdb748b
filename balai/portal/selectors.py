"""Reads for the district portal and the district/kecamatan dashboards.

The status of every village of the district is computed from three queries (regions, sites,
open applications) joined in Python by region code: never one query per village.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.db.models import Count, Max, Prefetch, QuerySet
from django.utils.translation import gettext_lazy as _

from balai.accounts.models import KecamatanViewer, User
from balai.audit.models import AuditEntry
from balai.regions.models import Region
from balai.regions.selectors import kecamatan_list, village_regions
from balai.registrations.models import Application
from balai.villages.models import Membership, Village

# What the public sees. A draft site is on its way (its application was approved), so it reads
# as "applied"; a suspended site is not offered to visitors, so it reads as "none".
LIVE, APPLIED, NONE = "live", "applied", "none"
PUBLIC_STATUS_LABELS = {
    LIVE: _("Sudah tayang"),
    APPLIED: _("Sedang mendaftar"),
    NONE: _("Belum terdaftar"),
}
PUBLIC_STATUSES = tuple(PUBLIC_STATUS_LABELS)

# The profile fields counted for a site's completeness on the kecamatan dashboard.
PROFILE_FIELDS = (
    "tagline",
    "logo",
    "history",
    "vision",
    "mission",
    "office_address",
    "latitude",
    "phone",
    "email",
    "office_hours",
)


@dataclass
class VillageRow:
    """One desa or kelurahan of the district with its public status."""

    region: Region
    status: str
    slug: str = ""

    @property
    def name(self) -> str:
        return self.region.name

    @property
    def kecamatan(self) -> Region:
        parent = self.region.parent
        assert parent is not None  # every desa and kelurahan lies in a kecamatan
        return parent

    @property
    def status_label(self) -> str:
        return str(PUBLIC_STATUS_LABELS[self.status])

    @property
    def is_live(self) -> bool:
        return self.status == LIVE


@dataclass
class KecamatanGroup:
    kecamatan: Region
    rows: list[VillageRow] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for row in self.rows if row.status == status)

    @property
    def live(self) -> int:
        return self.count(LIVE)

    @property
    def applied(self) -> int:
        return self.count(APPLIED)


def village_rows() -> list[VillageRow]:
    """Every village of the district, ordered by kecamatan then name (three queries)."""
    regions = list(village_regions())
    sites = {
        code: (status, slug)
        for code, status, slug in Village.objects.filter(
            region__parent__parent_id=settings.DISTRICT_REGION_CODE
        ).values_list("region_id", "status", "slug")
    }
    applied = set(
        Application.objects.filter(status__in=Application.OPEN_STATUSES).values_list(
            "region_id", flat=True
        )
    )
    rows = []
    for region in regions:
        site_status, slug = sites.get(region.code, (None, ""))
        if site_status == Village.Status.LIVE:
            rows.append(VillageRow(region, LIVE, slug))
        elif region.code in applied or site_status == Village.Status.DRAFT:
            rows.append(VillageRow(region, APPLIED))
        else:
            rows.append(VillageRow(region, NONE))
    return rows


def group_by_kecamatan(rows: Iterable[VillageRow]) -> list[KecamatanGroup]:
    groups: dict[str, KecamatanGroup] = {}
    for row in rows:
        group = groups.setdefault(row.kecamatan.code, KecamatanGroup(row.kecamatan))
        group.rows.append(row)
    return list(groups.values())


def portal_counts(rows: list[VillageRow]) -> dict[str, int]:
    return {
        "total": len(rows),
        "live": sum(1 for r in rows if r.status == LIVE),
        "applied": sum(1 for r in rows if r.status == APPLIED),
        "kecamatan": len({r.kecamatan.code for r in rows}),
        "desa": sum(1 for r in rows if not r.region.is_kelurahan),
        "kelurahan": sum(1 for r in rows if r.region.is_kelurahan),
    }


def village_rows_filter(
    rows: list[VillageRow], *, kecamatan: str = "", status: str = "", query: str = ""
) -> list[VillageRow]:
    """Filter in memory: the district has a few hundred villages, already loaded."""
    needle = query.strip().casefold()
    return [
        row
        for row in rows
        if (not kecamatan or row.kecamatan.code == kecamatan)
        and (not status or row.status == status)
        and (not needle or needle in row.name.casefold() or needle in row.kecamatan.name.casefold())
    ]


# District dashboard ------------------------------------------------------------------------


def district_summary() -> dict[str, int]:
    by_status = dict(
        Village.objects.values_list("status").annotate(n=Count("id")).values_list("status", "n")
    )
    return {
        "live": by_status.get(Village.Status.LIVE, 0),
        "draft": by_status.get(Village.Status.DRAFT, 0),
        "suspended": by_status.get(Village.Status.SUSPENDED, 0),
        "open_applications": Application.objects.filter(
            status__in=Application.OPEN_STATUSES
        ).count(),
        "users": User.objects.filter(is_active=True).count(),
        "total": village_regions().count(),
    }


def open_applications() -> QuerySet[Application]:
    return (
        Application.objects.filter(status__in=Application.OPEN_STATUSES)
        .select_related("region", "region__parent")
        .order_by("created_at")
    )


def district_villages(*, status: str = "", kecamatan: str = "") -> QuerySet[Village]:
    villages = (
        Village.objects.select_related("region", "region__parent")
        .annotate(members=Count("memberships"))
        .order_by("region__parent__name", "region__name")
    )
    if status:
        villages = villages.filter(status=status)
    if kecamatan:
        villages = villages.filter(region__parent_id=kecamatan)
    return villages


def people() -> QuerySet[User]:
    return User.objects.prefetch_related(
        Prefetch("memberships", Membership.objects.select_related("village__region")),
        Prefetch("kecamatan_roles", KecamatanViewer.objects.select_related("kecamatan")),
    ).order_by("name", "email")


# Kecamatan dashboard -----------------------------------------------------------------------


def kecamatan_choices_for(user: User) -> list[Region]:
    """The kecamatan a person may watch: all of them for district admins."""
    if user.is_district_admin:
        return list(kecamatan_list())
    ids = KecamatanViewer.objects.filter(user=user).values_list("kecamatan_id", flat=True)
    return list(Region.objects.filter(code__in=ids).order_by("name"))


@dataclass
class KecamatanRow:
    region: Region
    status: str
    village: Village | None = None
    filled: int = 0
    officials: int = 0
    updated: datetime | None = None

    @property
    def status_label(self) -> str:
        if self.village is not None:
            return self.village.get_status_display()
        return str(PUBLIC_STATUS_LABELS[self.status])


def kecamatan_overview(kecamatan: Region) -> list[KecamatanRow]:
    """Each village of one kecamatan with its site's completeness and last change (4 queries)."""
    regions = list(Region.objects.filter(parent=kecamatan, level=Region.Level.DESA))
    villages = {
        v.region_id: v
        for v in Village.objects.filter(region__parent=kecamatan)
        .select_related("region")
        .annotate(
            official_count=Count("officials", distinct=True), page_at=Max("pages__updated_at")
        )
    }
    applied = set(
        Application.objects.filter(
            region__parent=kecamatan, status__in=Application.OPEN_STATUSES
        ).values_list("region_id", flat=True)
    )
    audited = dict(
        AuditEntry.objects.filter(village__in=[v.pk for v in villages.values()])
        .values_list("village")
        .annotate(at=Max("created_at"))
        .values_list("village", "at")
    )
    rows = []
    for region in sorted(regions, key=lambda r: r.name):
        village = villages.get(region.code)
        if village is None:
            rows.append(KecamatanRow(region, APPLIED if region.code in applied else NONE))
            continue
        times = [t for t in (village.page_at, audited.get(village.pk), village.created_at) if t]
        rows.append(
            KecamatanRow(
                region,
                village.status,
                village,
                filled=sum(1 for name in PROFILE_FIELDS if getattr(village, name)),
                officials=village.official_count,
                updated=max(times) if times else None,
            )
        )
    return rows
