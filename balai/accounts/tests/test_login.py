from __future__ import annotations

from django.urls import reverse

from balai.conftest import PASSWORD

LOGIN = "/masuk/"


def test_login_page_asks_for_email_and_password_with_autocomplete(client, db):
    response = client.get(LOGIN)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'autocomplete="username"' in html
    assert 'autocomplete="current-password"' in html
    assert reverse("accounts:password_reset") in html


def test_right_email_and_password_log_in_and_go_to_the_dashboard(client, alice):
    response = client.post(LOGIN, {"email": "Alice@Dagan.desa.id ", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("dashboard:home")
    assert client.session["_auth_user_id"] == str(alice.pk)


def test_login_gives_a_new_session_key(client, alice):
    old_key = client.session.session_key
    assert old_key
    client.post(LOGIN, {"email": alice.email, "password": PASSWORD})
    assert client.session.session_key != old_key


def test_without_remember_the_session_ends_with_the_browser(client, alice):
    client.post(LOGIN, {"email": alice.email, "password": PASSWORD})
    assert client.session.get_expire_at_browser_close()


def test_remember_keeps_the_session_for_the_configured_age(client, alice, settings):
    client.post(LOGIN, {"email": alice.email, "password": PASSWORD, "remember": "on"})
    assert not client.session.get_expire_at_browser_close()
    assert client.session.get_expiry_age() == settings.SESSION_COOKIE_AGE


def test_wrong_password_and_unknown_email_get_the_same_message(client, alice):
    wrong = client.post(LOGIN, {"email": alice.email, "password": "salah-sekali"})
    unknown = client.post(LOGIN, {"email": "siapa@contoh.id", "password": "salah-sekali"})
    for response in (wrong, unknown):
        assert response.status_code == 200
        assert "Email atau kata sandi salah." in response.content.decode()
        assert "_auth_user_id" not in client.session
    assert "siapa@contoh.id" in unknown.content.decode()  # what was typed stays


def test_an_inactive_account_cannot_log_in(client, alice):
    alice.is_active = False
    alice.save()
    response = client.post(LOGIN, {"email": alice.email, "password": PASSWORD})
    assert "Email atau kata sandi salah." in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_empty_form_says_what_is_missing(client, db):
    response = client.post(LOGIN, {"email": "", "password": ""})
    html = response.content.decode()
    assert "Isi alamat email Anda." in html
    assert "Isi kata sandi Anda." in html


def test_a_logged_in_person_opening_the_login_page_goes_to_the_dashboard(login, alice):
    response = login(alice).get(LOGIN)
    assert response.status_code == 302
    assert response["Location"] == reverse("dashboard:home")
