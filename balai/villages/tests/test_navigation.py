"""Later modules add their own section to the village menu through a provider."""

from __future__ import annotations

import pytest

from balai.villages import navigation
from balai.villages.navigation import MenuItem, register_menu_provider, site_menu


@pytest.fixture
def news_provider():
    def news(village):
        yield MenuItem("news", "Berita", "home", order=20)

    register_menu_provider(news)
    yield news
    navigation._providers.remove(news)


def test_a_registered_provider_adds_its_section_in_order(client, filled_dagan, news_provider):
    keys = [item.key for item in site_menu(filled_dagan)]
    assert keys == ["profile", "news", "complaints"]  # complaints: a service every village offers
    html = client.get("/desa/dagan/").content.decode()
    assert ">Berita</a>" in html


def test_registering_twice_adds_one_section(filled_dagan, news_provider):
    register_menu_provider(news_provider)
    assert [item.key for item in site_menu(filled_dagan)].count("news") == 1


def test_a_section_in_an_unknown_menu_group_is_refused_at_registration():
    import pytest

    from balai.villages.navigation import (
        DashboardSection,
        DistrictSection,
        register_dashboard_section,
        register_district_section,
    )

    with pytest.raises(ValueError, match="menu group"):
        register_dashboard_section(DashboardSection("x:y", "X", "content", 1, group="kontent"))
    with pytest.raises(ValueError, match="menu group"):
        register_district_section(DistrictSection("x:y", "X", group="desa"))
    with pytest.raises(KeyError):
        register_dashboard_section(DashboardSection("x:y", "X", "no-such-area", 1))
