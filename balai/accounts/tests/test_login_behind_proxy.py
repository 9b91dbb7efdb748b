"""Behind the documented nginx every request comes from 127.0.0.1: logins are counted by the
visitor's own address (X-Forwarded-For, right-most untrusted hop), never by the proxy's."""

from __future__ import annotations

import secrets

import pytest

from balai.conftest import PASSWORD

LOGIN = "/masuk/"
PROXY = "127.0.0.1"


@pytest.fixture(autouse=True)
def _limits(settings):
    settings.LOGIN_MAX_FAILURES = 5
    settings.TRUSTED_PROXIES = ["127.0.0.1", "::1"]


def post_login(client, email: str, password: str, *, remote: str = PROXY, forwarded: str = ""):
    extra = {"REMOTE_ADDR": remote}
    if forwarded:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return client.post(LOGIN, {"email": email, "password": password}, **extra)


def flood(client, *, remote: str = PROXY, forwarded: str = "", count: int = 25) -> list[int]:
    return [
        post_login(
            client,
            f"{secrets.token_hex(4)}@contoh.id",
            "tebakan-salah",
            remote=remote,
            forwarded=forwarded,
        ).status_code
        for _ in range(count)
    ]


def test_a_flood_from_one_visitor_behind_the_proxy_locks_out_only_that_visitor(client, alice, dina):
    codes = flood(client, forwarded="203.0.113.66")
    assert codes[-1] == 429  # the flooding visitor is stopped
    other = post_login(client, alice.email, PASSWORD, forwarded="198.51.100.7")
    assert other.status_code == 302
    client.post("/keluar/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.7")
    district = post_login(client, dina.email, PASSWORD, forwarded="198.51.100.8")
    assert district.status_code == 302


def test_the_flooding_visitor_cannot_log_in_even_with_a_right_password(client, alice):
    flood(client, forwarded="203.0.113.66")
    response = post_login(client, alice.email, PASSWORD, forwarded="203.0.113.66")
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_an_address_the_visitor_puts_left_of_the_proxy_hop_changes_nothing(client, alice):
    # The attacker sends their own X-Forwarded-For; nginx appends the address it saw.
    for n in range(25):
        post_login(
            client,
            f"orang{n}@contoh.id",
            "tebakan-salah",
            forwarded=f"10.{n}.0.1, 203.0.113.66",
        )
    response = post_login(client, alice.email, PASSWORD, forwarded="9.9.9.9, 203.0.113.66")
    assert response.status_code == 429


def test_a_forwarded_header_from_an_untrusted_address_is_ignored(client, alice):
    codes = [
        post_login(
            client,
            f"orang{n}@contoh.id",
            "tebakan-salah",
            remote="203.0.113.66",
            forwarded=f"10.0.{n}.1",
        ).status_code
        for n in range(25)
    ]
    assert codes[-1] == 429
    # A new spoofed address per request still counts as the one real address.
    blocked = post_login(client, alice.email, PASSWORD, remote="203.0.113.66", forwarded="10.9.9.9")
    assert blocked.status_code == 429
    elsewhere = post_login(client, alice.email, PASSWORD, remote="198.51.100.7")
    assert elsewhere.status_code == 302


def test_ipv6_visitors_are_counted_by_their_64_network(client, alice):
    for n in range(25):
        post_login(client, f"orang{n}@contoh.id", "tebakan-salah", forwarded=f"2001:db8:1:2::{n}")
    same_net = post_login(client, alice.email, PASSWORD, forwarded="2001:db8:1:2::ffff")
    assert same_net.status_code == 429
    other_net = post_login(client, alice.email, PASSWORD, forwarded="2001:db8:1:3::1")
    assert other_net.status_code == 302
