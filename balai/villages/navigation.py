"""The menu of a village site: only sections that have something to show.

Each section comes from a provider, a function `(village) -> iterable of MenuItem`. This app
provides profile, government and pages; later modules (news, budget, …) register their own in
their AppConfig.ready():

    from balai.villages.navigation import MenuItem, register_menu_provider
    register_menu_provider(news_menu)  # yields MenuItem("news", _("Berita"), "news", order=20)

The dashboard menu works the same way: modules register a DashboardSection (village) or a
DistrictSection (district-wide) and the menu groups them under MENU_GROUPS (Konten, Data,
Keuangan, …), shown behind one Menu control on a phone and as a sidebar on a wide screen
(templates/layouts/dashboard.html, the dashboard_menu tag).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.core.cache import cache
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from balai.villages import selectors
from balai.villages.models import Village

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


@dataclass(frozen=True)
class MenuItem:
    key: str
    label: StrOrPromise
    url_name: str  # a name in the `site` namespace, reversed with site_reverse
    url_kwargs: dict = field(default_factory=dict, hash=False)
    order: int = 50


MenuProvider = Callable[[Village], Iterable[MenuItem]]
_providers: list[MenuProvider] = []


def register_menu_provider(provider: MenuProvider) -> MenuProvider:
    if provider not in _providers:
        _providers.append(provider)
    return provider


def site_menu(village: Village) -> list[MenuItem]:
    """The menu, computed once per content version: each module's provider may query, and a
    publish bumps the version, so a cached menu is never stale."""
    key = f"balai:menu:{village.pk}:{village.content_version}:{get_language()}"
    items = cache.get(key)
    if items is None:
        items = [
            MenuItem(i.key, str(i.label), i.url_name, i.url_kwargs, i.order)
            for provider in _providers
            for i in provider(village)
        ]
        items.sort(key=lambda item: item.order)
        cache.set(key, items, 60 * 60 * 24)
    return items


@register_menu_provider
def _profile(village: Village) -> Iterable[MenuItem]:
    if selectors.profile_is_filled(village):
        yield MenuItem("profile", _("Profil"), "profile", order=10)


@register_menu_provider
def _government(village: Village) -> Iterable[MenuItem]:
    if selectors.has_officials(village):
        yield MenuItem("government", _("Pemerintahan"), "government", order=11)


@register_menu_provider
def _pages(village: Village) -> Iterable[MenuItem]:
    for page in selectors.published_pages(village):
        yield MenuItem(
            f"page:{page.slug}", page.title, "page", {"page_slug": page.slug}, order=90 + page.order
        )


# The dashboard menu is grouped, so a phone shows the page first and the menu behind one control
# (issue 17): a group's key, then its label, in the order they appear.
MENU_GROUPS: dict[str, StrOrPromise] = {
    "content": _("Konten"),
    "data": _("Data"),
    "finance": _("Keuangan"),
    "services": _("Layanan"),
    "villages": _("Data desa"),
    "support": _("Pendampingan"),
    "settings": _("Pengaturan"),
    "watch": _("Pemantauan"),
}
# Where a village section goes when it names no group: by the area that opens it.
AREA_GROUPS = {
    "view": "support",
    "profile": "settings",
    "members": "settings",
    "content": "content",
    "personal": "data",
    "budget": "finance",
    "disclosure": "services",
    "market": "services",
    "service": "services",
}


@dataclass(frozen=True)
class DashboardSection:
    """A link in the village dashboard menu, shown to people whose role covers `area`
    (balai.villages.permissions.AREA_ROLES), under `group` (a MENU_GROUPS key; by default the
    area's, AREA_GROUPS)."""

    url_name: str  # reversed with kwargs={"slug": village.slug}
    label: StrOrPromise
    area: str
    order: int = 50
    group: str = ""

    @property
    def menu_group(self) -> str:
        return self.group or AREA_GROUPS[self.area]


@dataclass(frozen=True)
class DistrictSection:
    """A district-wide link: `public` ones go in the portal header, the others in the district
    admin's dashboard menu, under `group` (a MENU_GROUPS key)."""

    url_name: str  # reversed without arguments
    label: StrOrPromise
    public: bool = True
    order: int = 50
    group: str = "villages"


_dashboard_sections: list[DashboardSection] = []
_district_sections: list[DistrictSection] = []


def register_dashboard_section(section: DashboardSection) -> None:
    """Called from a module's AppConfig.ready(), e.g.
    register_dashboard_section(DashboardSection("news_dashboard:list", _("Berita"), "content", 20))
    """
    _check_group(section.url_name, section.menu_group)
    if section not in _dashboard_sections:
        _dashboard_sections.append(section)


def register_district_section(section: DistrictSection) -> None:
    _check_group(section.url_name, section.group)
    if section not in _district_sections:
        _district_sections.append(section)


def _check_group(url_name: str, group: str) -> None:
    # At start-up, not as a KeyError on every dashboard page.
    if group not in MENU_GROUPS:
        raise ValueError(f"{url_name}: menu group {group!r} is not one of {list(MENU_GROUPS)}")


def dashboard_sections() -> list[DashboardSection]:
    return sorted(_dashboard_sections, key=lambda s: s.order)


def district_sections(*, public: bool) -> list[DistrictSection]:
    return sorted((s for s in _district_sections if s.public == public), key=lambda s: s.order)
