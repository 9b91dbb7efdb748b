"""The dashboard frame: whose dashboard it is, in which role, and which tab is open."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse


@pytest.mark.parametrize(
    ("who", "label"),
    [
        ("alice", "Admin desa"),
        ("bob", "Editor"),
        ("maya", "Pendamping (RTIK)"),
        ("dina", "Admin kabupaten"),
    ],
)
def test_the_dashboard_says_in_which_role_the_person_works(request, login, dagan, who, label):
    html = login(request.getfixturevalue(who)).get("/dasbor/dagan/").content.decode()
    assert re.search(rf'<span class="muted">{re.escape(label)}</span>', html)


def current_tab(html: str) -> list[str]:
    tabs = html.split('class="district-tabs"', 1)[1].split("</nav>", 1)[0]
    return re.findall(r'aria-current="page">([^<]+)<', tabs)


@pytest.mark.parametrize(
    ("url", "tab"),
    [
        (reverse("district:home"), "Ringkasan"),
        (reverse("district:villages"), "Situs desa"),
        (reverse("district:village", args=["dagan"]), "Situs desa"),
        (reverse("district:people"), "Pengguna"),
        (reverse("district:audit"), "Jejak perubahan"),
    ],
)
def test_the_open_district_tab_is_marked(login, dina, dagan, url, tab):
    assert current_tab(login(dina).get(url).content.decode()) == [tab]


def test_the_language_switch_offers_the_other_language(client, db):
    html = client.get("/").content.decode()
    assert 'hreflang="en">English</a>' in html and 'hreflang="id"' not in html
    client.get("/bahasa/en/")
    html = client.get("/").content.decode()
    assert 'hreflang="id">Bahasa Indonesia</a>' in html and 'hreflang="en"' not in html
