"""Reads for the village site and dashboard. Lists are memoised on the Village instance, which
lives for one request (the middleware and the role check fetch it fresh), so the menu, the home
page and the checklist share one query each."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _

from balai.villages.models import Membership, Official, Page, Village

# The fields the public Profil page shows: any one filled gives the page (and its menu link)
# something to show. Not the kecamatan dashboard's completeness count
# (balai.portal.selectors.PROFILE_FIELDS), which also scores the slogan and the logo.
PROFILE_FIELDS = (
    "history",
    "vision",
    "mission",
    "office_address",
    "latitude",
    "phone",
    "email",
    "office_hours",
)
PRIVACY_SLUGS = ("kebijakan-privasi", "privasi")
HEAD_POSITIONS = ("kepala desa", "lurah", "kades")


def _memo(village: Village, key: str, load: Callable[[], Any]) -> Any:
    memo = village.__dict__.setdefault("_selector_memo", {})
    if key not in memo:
        memo[key] = load()
    return memo[key]


def profile_is_filled(village: Village) -> bool:
    return any(getattr(village, name) not in ("", None) for name in PROFILE_FIELDS)


def officials_for(village: Village) -> list[Official]:
    return _memo(village, "officials", lambda: list(Official.objects.for_village(village)))


def has_officials(village: Village) -> bool:
    return bool(officials_for(village))


def published_pages(village: Village) -> list[Page]:
    return _memo(
        village,
        "pages",
        lambda: list(
            Page.objects.for_village(village)
            .filter(is_published=True)
            .only("title", "slug", "order")
        ),
    )


def published_page(village: Village, slug: str) -> Page | None:
    return Page.objects.for_village(village).filter(is_published=True, slug=slug).first()


def mission_items(village: Village) -> list[str]:
    """One mission per line; numbering or bullets people type are dropped (the list numbers)."""
    items = []
    for line in village.mission.splitlines():
        text = line.strip().lstrip("-•*").strip()
        head, _sep, rest = text.partition(". ")
        if head.isdigit() and rest:
            text = rest.strip()
        if text:
            items.append(text)
    return items


@dataclass(frozen=True)
class MapPoint:
    latitude: str
    longitude: str
    osm_url: str


def map_point(village: Village) -> MapPoint | None:
    if village.latitude is None or village.longitude is None:
        return None
    lat = format(village.latitude.normalize(), "f")
    lon = format(village.longitude.normalize(), "f")
    url = f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=17/{lat}/{lon}"
    return MapPoint(lat, lon, url)


def is_head_of_village(official: Official) -> bool:
    position = official.position.lower()
    return any(word in position for word in HEAD_POSITIONS) and "sekretaris" not in position


def head_of_village(village: Village) -> Official | None:
    officials = officials_for(village)
    return next(
        (o for o in officials if is_head_of_village(o)), officials[0] if officials else None
    )


@dataclass(frozen=True)
class ChecklistItem:
    key: str
    label: str
    done: bool
    fix_url: str
    fix_label: str


ChecklistProvider = Callable[[Village], Iterable[ChecklistItem]]
_checklist_providers: list[ChecklistProvider] = []


def register_checklist_provider(provider: ChecklistProvider) -> ChecklistProvider:
    """Modules add their own items in AppConfig.ready() (e.g. institutions' term-end reminders),
    after the village's own; a provider must cost a bounded number of queries."""
    if provider not in _checklist_providers:
        _checklist_providers.append(provider)
    return provider


def site_checklist(village: Village) -> list[ChecklistItem]:
    """What the site still lacks, each with where to fix it (the dashboard village page)."""
    kw = {"slug": village.slug}
    profile, look = reverse("dashboard:profile", kwargs=kw), reverse("dashboard:look", kwargs=kw)
    officials_url = reverse("dashboard:officials", kwargs=kw)
    officials = officials_for(village)
    privacy = any(p.slug in PRIVACY_SLUGS for p in published_pages(village))
    privacy_url = reverse("dashboard:page_add", kwargs=kw) + "?jenis=privasi"
    rows = [
        ("logo", _("Logo desa"), bool(village.logo), look, _("Unggah logo")),
        ("tagline", _("Slogan"), bool(village.tagline), profile, _("Tulis slogan")),
        ("history", _("Sejarah desa"), bool(village.history), profile, _("Tulis sejarah")),
        (
            "vision",
            _("Visi dan misi"),
            bool(village.vision and village.mission),
            profile,
            _("Tulis visi dan misi"),
        ),
        ("address", _("Alamat kantor"), bool(village.office_address), profile, _("Isi alamat")),
        ("map", _("Titik lokasi kantor"), map_point(village) is not None, profile, _("Isi titik")),
        (
            "contact",
            _("Kontak kantor (telepon atau email)"),
            bool(village.phone or village.email),
            profile,
            _("Isi kontak"),
        ),
        ("hours", _("Jam pelayanan"), bool(village.office_hours), profile, _("Isi jam pelayanan")),
        (
            "head",
            _("Kepala desa di daftar perangkat"),
            any(is_head_of_village(o) for o in officials),
            officials_url,
            _("Tambah kepala desa"),
        ),
        (
            "officials",
            _("Paling sedikit 3 perangkat desa"),
            len(officials) >= 3,
            officials_url,
            _("Tambah perangkat"),
        ),
        ("privacy", _("Halaman kebijakan privasi"), privacy, privacy_url, _("Buat halaman")),
    ]
    items = [ChecklistItem(*row) for row in rows]
    return items + [item for provider in _checklist_providers for item in provider(village)]


def memberships_for(user: Any) -> list[Membership]:
    return list(
        Membership.objects.filter(user=user)
        .select_related("village__region__parent")
        .order_by("village__region__name")
    )


def village_search(query: str, *, limit: int = 20) -> QuerySet[Village]:
    query = query.strip()
    found = Village.objects.select_related("region__parent")
    if query:
        found = found.filter(
            Q(region__name__icontains=query)
            | Q(slug__icontains=query)
            | Q(region__parent__name__icontains=query)
        )
    return found.order_by("region__name")[:limit]
