from __future__ import annotations

import pytest

from balai.accounts.limits import CLIENT_LIMIT_FACTOR
from balai.conftest import PASSWORD

LOGIN = "/masuk/"


@pytest.fixture(autouse=True)
def _limits(settings):
    settings.LOGIN_MAX_FAILURES = 3
    settings.LOGIN_LOCKOUT_SECONDS = 15 * 60


def fail(client, email: str, ip: str = "10.0.0.1"):
    return client.post(LOGIN, {"email": email, "password": "tebakan-salah"}, REMOTE_ADDR=ip)


def test_after_the_limit_even_the_right_password_is_refused_with_minutes_to_wait(client, alice):
    for _ in range(3):
        fail(client, alice.email)
    response = client.post(LOGIN, {"email": alice.email, "password": PASSWORD})
    html = response.content.decode()
    assert response.status_code == 429
    assert "Terlalu banyak percobaan masuk yang gagal" in html
    assert "coba lagi dalam 15 menit" in html
    assert "_auth_user_id" not in client.session


def test_the_failure_that_reaches_the_limit_already_says_to_wait(client, alice):
    fail(client, alice.email)
    fail(client, alice.email)
    response = fail(client, alice.email)
    assert "coba lagi dalam 15 menit" in response.content.decode()


def test_below_the_limit_the_right_password_still_works(client, alice):
    fail(client, alice.email)
    fail(client, alice.email)
    response = client.post(LOGIN, {"email": alice.email, "password": PASSWORD})
    assert response.status_code == 302


def test_failures_from_different_addresses_add_up_per_email(client, alice):
    for n in range(3):
        fail(client, alice.email, ip=f"10.0.0.{n + 10}")
    response = client.post(
        LOGIN, {"email": alice.email, "password": PASSWORD}, REMOTE_ADDR="10.9.9.9"
    )
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_email_is_counted_whatever_its_letter_case(client, alice):
    fail(client, "ALICE@dagan.desa.id")
    fail(client, " alice@DAGAN.desa.id")
    fail(client, "alice@dagan.desa.id")
    response = client.post(LOGIN, {"email": alice.email, "password": PASSWORD})
    assert response.status_code == 429


def test_a_locked_email_does_not_lock_another_person_on_the_same_address(client, alice, bob):
    for _ in range(3):
        fail(client, alice.email)
    response = client.post(
        LOGIN, {"email": bob.email, "password": PASSWORD}, REMOTE_ADDR="10.0.0.1"
    )
    assert response.status_code == 302


def test_one_address_guessing_many_emails_is_locked_out(client, alice):
    for n in range(3 * CLIENT_LIMIT_FACTOR):
        fail(client, f"orang{n}@contoh.id", ip="10.6.6.6")
    response = client.post(
        LOGIN, {"email": alice.email, "password": PASSWORD}, REMOTE_ADDR="10.6.6.6"
    )
    assert response.status_code == 429
    elsewhere = client.post(
        LOGIN, {"email": alice.email, "password": PASSWORD}, REMOTE_ADDR="10.7.7.7"
    )
    assert elsewhere.status_code == 302


def test_a_success_clears_the_email_counter(client, alice):
    fail(client, alice.email)
    fail(client, alice.email)
    client.post(LOGIN, {"email": alice.email, "password": PASSWORD})
    client.post("/keluar/")
    fail(client, alice.email)
    fail(client, alice.email)
    response = client.post(LOGIN, {"email": alice.email, "password": PASSWORD})
    assert response.status_code == 302


def test_the_lock_ends_after_the_lockout_time(client, alice, monkeypatch):
    import time

    for _ in range(3):
        fail(client, alice.email)
    later = time.time() + 15 * 60 + 1
    monkeypatch.setattr("balai.lib.ratelimit.time.time", lambda: later)
    response = client.post(LOGIN, {"email": alice.email, "password": PASSWORD})
    assert response.status_code == 302


def test_an_unknown_email_is_locked_the_same_way(client, db):
    for _ in range(3):
        fail(client, "tidak-ada@contoh.id")
    response = fail(client, "tidak-ada@contoh.id")
    assert "coba lagi dalam 15 menit" in response.content.decode()
