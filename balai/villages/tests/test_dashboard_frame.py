"""The dashboard frame: whose dashboard it is, in which role, and which menu entry is open."""

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


def current_entry(html: str) -> list[str]:
    menu = html.split('class="dash-menu-panel"', 1)[1].split("</nav>", 1)[0]
    return re.findall(r'aria-current="page">([^<]+)<', menu)


@pytest.mark.parametrize(
    ("url", "entry"),
    [
        (reverse("district:home"), "Ringkasan"),
        (reverse("district:villages"), "Situs desa"),
        (reverse("district:village", args=["dagan"]), "Situs desa"),
        (reverse("district:people"), "Pengguna"),
        (reverse("district:audit"), "Jejak perubahan"),
        (reverse("review:queue"), "Pendaftaran desa"),
        ("/dasbor/dagan/", "Ringkasan"),
        ("/dasbor/dagan/halaman/tambah/", "Halaman"),
        ("/dasbor/dagan/berita/tulis/", "Berita"),
        ("/dasbor/dagan/anggota/", "Anggota"),
    ],
)
def test_the_open_page_is_marked_in_the_menu(login, dina, dagan, url, entry):
    assert current_entry(login(dina).get(url).content.decode()) == [entry]


def test_the_language_switch_offers_the_other_language(client, db):
    html = client.get("/").content.decode()
    assert 'hreflang="en">English</a>' in html and 'hreflang="id"' not in html
    client.get("/bahasa/en/")
    html = client.get("/").content.decode()
    assert 'hreflang="id">Bahasa Indonesia</a>' in html and 'hreflang="en"' not in html
