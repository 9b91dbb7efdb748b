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
    assert keys == ["profile", "news"]
    html = client.get("/desa/dagan/").content.decode()
    assert ">Berita</a>" in html


def test_registering_twice_adds_one_section(filled_dagan, news_provider):
    register_menu_provider(news_provider)
    assert [item.key for item in site_menu(filled_dagan)].count("news") == 1
