from __future__ import annotations

import pytest
from django.urls import reverse

from balai.conftest import PASSWORD


def test_next_on_this_site_is_followed_after_login(client, alice):
    response = client.post(
        "/masuk/?next=/dasbor/dagan/anggota/", {"email": alice.email, "password": PASSWORD}
    )
    assert response["Location"] == "/dasbor/dagan/anggota/"


def test_next_travels_through_the_form_as_a_hidden_field(client, db):
    response = client.get("/masuk/?next=/akun/")
    assert '<input type="hidden" name="next" value="/akun/">' in response.content.decode()


@pytest.mark.parametrize(
    "target",
    [
        "https://evil.example/",
        "//evil.example/path",
        "http://testserver.evil.example/",
        "javascript:alert(1)",
        "\\\\evil.example",
    ],
)
def test_next_to_another_site_is_refused(client, alice, target):
    page = client.get("/masuk/", {"next": target})
    assert 'name="next"' not in page.content.decode().split('class="lang-switch"')[0]
    response = client.post("/masuk/", {"email": alice.email, "password": PASSWORD, "next": target})
    assert response.status_code == 302
    assert response["Location"] == reverse("dashboard:home")


def test_a_protected_page_sends_an_anonymous_visitor_to_login_with_next(client, db):
    response = client.get("/akun/")
    assert response.status_code == 302
    assert response["Location"] == "/masuk/?next=/akun/"
