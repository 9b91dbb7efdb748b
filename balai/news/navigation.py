"""The news module's links: village menu (only sections with something to show), village
dashboard menu and the district portal header."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.translation import gettext_lazy as _

from balai.news import selectors
from balai.villages.models import Village
from balai.villages.navigation import (
    DashboardSection,
    DistrictSection,
    MenuItem,
    register_dashboard_section,
    register_district_section,
    register_menu_provider,
)


def news_menu(village: Village) -> Iterable[MenuItem]:
    # Memoised on the instance, which lives for one request: the menu may be built twice.
    if "_news_sections" not in village.__dict__:
        village.__dict__["_news_sections"] = selectors.news_sections(village)
    shown = village.__dict__["_news_sections"]
    if shown["news"]:
        yield MenuItem("news", _("Berita"), "news_index", order=20)
    if shown["events"]:
        yield MenuItem("agenda", _("Agenda"), "news_agenda", order=21)
    if shown["gallery"]:
        yield MenuItem("gallery", _("Galeri"), "news_gallery", order=22)


def register() -> None:
    register_menu_provider(news_menu)
    for url_name, label, order in (
        ("news_dashboard:list", _("Berita"), 20),
        ("news_dashboard:submissions", _("Kiriman warga"), 21),
        ("news_dashboard:comments", _("Komentar"), 22),
        ("news_dashboard:events", _("Agenda"), 23),
        ("news_dashboard:albums", _("Galeri"), 24),
    ):
        register_dashboard_section(DashboardSection(url_name, label, "content", order))
    register_district_section(DistrictSection("news_district:index", _("Berita"), True, 10))
