"""Every signed-in page offers Keluar in its header (a POST with the CSRF token, on a shared PC at
the balai desa or a warnet); an anonymous public page carries no token, so the edges may keep it."""

from __future__ import annotations

import re

import pytest

LOGOUT_FORM = re.compile(
    r'<form method="post" action="/keluar/">'
    r'<input type="hidden" name="csrfmiddlewaretoken" value="[^"]+">'
    r'<button class="account-logout" type="submit">Keluar</button></form>'
)


def header(html: str) -> str:
    return html.split("<header", 1)[1].split("</header>", 1)[0]


@pytest.mark.parametrize(
    "url",
    [
        "/dasbor/dagan/",
        "/dasbor/dagan/berita/",
        "/dasbor/dagan/anggota/",
        "/akun/",
        "/",
        "/desa/dagan/",
        "/desa/",
    ],
)
def test_the_header_of_a_signed_in_page_has_the_keluar_form(login, alice, url):
    response = login(alice).get(url)
    assert response.status_code == 200
    top = header(response.content.decode())
    assert LOGOUT_FORM.search(top)
    assert re.search(r'<a class="account-link" href="/akun/">.*Alice Rahayu', top)
    assert "private" in response["Cache-Control"]


def test_the_district_admin_and_the_kecamatan_viewer_have_it_too(login, dina, kiki, client):
    for url in ("/dasbor/", "/dasbor/kabupaten/desa/"):
        assert LOGOUT_FORM.search(header(login(dina).get(url).content.decode()))
    client.logout()
    assert LOGOUT_FORM.search(header(login(kiki).get("/dasbor/kecamatan/").content.decode()))


def test_the_village_site_offers_a_member_the_way_back_to_the_dashboard(login, alice):
    top = header(login(alice).get("/desa/dagan/").content.decode())
    assert '<a class="account-dashboard" href="/dasbor/">Dasbor</a>' in top


@pytest.mark.parametrize("url", ["/", "/desa/", "/desa/dagan/", "/desa/dagan/berita/", "/berita/"])
def test_an_anonymous_public_page_has_no_csrf_token_and_stays_shareable(client, dagan, url):
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "csrfmiddlewaretoken" not in html
    assert "/keluar/" not in html and "account-nav" not in html
    assert "csrftoken" not in response.cookies
    assert response["Cache-Control"].startswith("public")


def test_after_keluar_the_public_page_is_anonymous_again(login, alice, client):
    response = login(alice).post("/keluar/", follow=True)
    html = response.content.decode()
    assert "Anda sudah keluar." in html
    assert "csrfmiddlewaretoken" not in html and "account-nav" not in html
    # Keluar expired the session cookie: a browser drops it (the test client would send it
    # again, empty), and the visitor is given the page every visitor shares.
    assert client.cookies["sessionid"]["max-age"] == 0
    client.cookies.clear()
    assert client.get("/")["Cache-Control"].startswith("public")
