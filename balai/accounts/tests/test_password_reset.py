from __future__ import annotations

import re

from django.core import mail

from balai.conftest import PASSWORD


def reset_link(message) -> str:
    return re.search(r"https?://\S+", message.body).group(0)


def test_reset_email_has_a_link_on_the_district_host(client, alice, settings):
    settings.DISTRICT_DOMAIN = "desa.purbalinggakab.go.id"
    settings.SITE_SCHEME = "https"
    response = client.post(
        "/masuk/lupa-sandi/", {"email": "ALICE@dagan.desa.id"}, HTTP_HOST="evil.example"
    )
    assert response.status_code == 302
    assert response["Location"] == "/masuk/lupa-sandi/terkirim/"
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [alice.email]
    link = reset_link(mail.outbox[0])
    assert link.startswith("https://desa.purbalinggakab.go.id/masuk/sandi-baru/")
    assert "evil" not in mail.outbox[0].body


def test_the_link_lets_the_person_set_a_new_password(client, alice):
    client.post("/masuk/lupa-sandi/", {"email": alice.email})
    path = reset_link(mail.outbox[0]).split("testserver", 1)[1]
    form_page = client.get(path, follow=True)
    assert "Buat kata sandi baru" in form_page.content.decode()
    set_url = form_page.redirect_chain[-1][0]
    response = client.post(
        set_url, {"new_password1": "batik-tulis-2027", "new_password2": "batik-tulis-2027"}
    )
    assert response["Location"] == "/masuk/sandi-baru/selesai/"
    alice.refresh_from_db()
    assert alice.check_password("batik-tulis-2027")
    assert not alice.check_password(PASSWORD)
    login = client.post("/masuk/", {"email": alice.email, "password": "batik-tulis-2027"})
    assert login.status_code == 302


def test_the_link_works_only_once(client, alice):
    client.post("/masuk/lupa-sandi/", {"email": alice.email})
    path = reset_link(mail.outbox[0]).split("testserver", 1)[1]
    set_url = client.get(path, follow=True).redirect_chain[-1][0]
    client.post(set_url, {"new_password1": "batik-tulis-2027", "new_password2": "batik-tulis-2027"})
    again = client.get(path)
    assert "Tautan tidak berlaku" in again.content.decode()


def test_a_weak_new_password_is_refused_in_indonesian(client, alice):
    client.post("/masuk/lupa-sandi/", {"email": alice.email})
    path = reset_link(mail.outbox[0]).split("testserver", 1)[1]
    set_url = client.get(path, follow=True).redirect_chain[-1][0]
    response = client.post(set_url, {"new_password1": "12345678", "new_password2": "12345678"})
    assert response.status_code == 200
    assert "Ada yang perlu diperbaiki" in response.content.decode()
    alice.refresh_from_db()
    assert alice.check_password(PASSWORD)


def test_the_sent_page_does_not_reveal_whether_the_email_has_an_account(client, alice):
    known = client.post("/masuk/lupa-sandi/", {"email": alice.email}, follow=True)
    unknown = client.post("/masuk/lupa-sandi/", {"email": "siapa@contoh.id"}, follow=True)
    assert known.content == unknown.content
    assert len(mail.outbox) == 1


def test_a_reset_lifts_a_login_lockout(client, alice, settings):
    settings.LOGIN_MAX_FAILURES = 2
    for _ in range(2):
        client.post("/masuk/", {"email": alice.email, "password": "salah"})
    client.post("/masuk/lupa-sandi/", {"email": alice.email})
    path = reset_link(mail.outbox[0]).split("testserver", 1)[1]
    set_url = client.get(path, follow=True).redirect_chain[-1][0]
    client.post(set_url, {"new_password1": "batik-tulis-2027", "new_password2": "batik-tulis-2027"})
    response = client.post("/masuk/", {"email": alice.email, "password": "batik-tulis-2027"})
    assert response.status_code == 302
