"""The menu of a village site: only sections that have something to show.

Each section comes from a provider, a function `(village) -> iterable of MenuItem`. This app
provides profile, government and pages; later modules (news, budget, …) register their own in
their AppConfig.ready():

    from balai.villages.navigation import MenuItem, register_menu_provider
    register_menu_provider(news_menu)  # yields MenuItem("news", _("Berita"), "news", order=20)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from balai.villages import selectors
from balai.villages.models import Village


@dataclass(frozen=True)
class MenuItem:
    key: str
    label: str
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
    items = [item for provider in _providers for item in provider(village)]
    return sorted(items, key=lambda item: item.order)


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
