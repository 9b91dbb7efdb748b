from __future__ import annotations

from django.test import Client
from django.urls import reverse


def test_logout_by_get_is_not_allowed_and_keeps_the_session(login, alice):
    client = login(alice)
    response = client.get("/keluar/")
    assert response.status_code == 405
    assert client.session["_auth_user_id"] == str(alice.pk)


def test_logout_by_post_ends_the_session(login, alice):
    client = login(alice)
    response = client.post("/keluar/")
    assert response.status_code == 302
    assert response["Location"] == reverse("portal:home")
    assert "_auth_user_id" not in client.session
    assert client.get("/akun/").status_code == 302


def test_logout_without_the_csrf_token_is_refused(alice):
    client = Client(enforce_csrf_checks=True)
    client.force_login(alice)
    response = client.post("/keluar/")
    assert response.status_code == 403
    assert client.session["_auth_user_id"] == str(alice.pk)


def test_the_account_page_has_a_logout_form_with_csrf(login, alice):
    html = login(alice).get("/akun/").content.decode()
    assert 'action="/keluar/"' in html
    assert "csrfmiddlewaretoken" in html
