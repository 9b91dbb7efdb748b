"""client_ip / client_network: the visitor's own address behind the trusted proxies."""

from __future__ import annotations

import pytest
from django.test import RequestFactory

from balai.lib.net import client_ip, client_network


@pytest.fixture(autouse=True)
def _proxies(settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1", "::1", "10.20.0.0/16"]


def request(remote: str, forwarded: str | None = None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


def test_a_direct_visitor_is_their_remote_address():
    assert client_ip(request("203.0.113.7")) == "203.0.113.7"


def test_behind_the_proxy_the_visitor_is_the_forwarded_address():
    assert client_ip(request("127.0.0.1", "203.0.113.7")) == "203.0.113.7"


def test_the_right_most_untrusted_hop_wins_over_whatever_the_visitor_wrote_at_the_left():
    assert client_ip(request("127.0.0.1", "1.2.3.4, 5.6.7.8, 203.0.113.7")) == "203.0.113.7"


def test_trusted_hops_at_the_right_are_skipped():
    # CDN or load balancer (10.20/16) in front of the local nginx.
    forwarded = "1.2.3.4, 203.0.113.7, 10.20.1.1, 127.0.0.1"
    assert client_ip(request("127.0.0.1", forwarded)) == "203.0.113.7"


def test_a_forwarded_header_from_an_untrusted_remote_is_ignored():
    assert client_ip(request("198.51.100.9", "203.0.113.7")) == "198.51.100.9"


def test_ipv6_addresses_and_ports_are_read():
    assert client_ip(request("::1", "2001:db8::1")) == "2001:db8::1"
    assert client_ip(request("127.0.0.1", "[2001:db8::2]:443")) == "2001:db8::2"
    assert client_ip(request("127.0.0.1", "203.0.113.7:51234")) == "203.0.113.7"
    assert client_ip(request("::ffff:127.0.0.1", "203.0.113.8")) == "203.0.113.8"


def test_garbage_stops_at_the_last_trusted_hop():
    # Our own proxy only writes addresses; garbage must have come from the visitor's side.
    assert client_ip(request("127.0.0.1", "203.0.113.7, bukan-alamat")) == "127.0.0.1"
    assert client_ip(request("127.0.0.1", "")) == "127.0.0.1"
    assert client_ip(request("127.0.0.1", "bukan, 10.20.3.4")) == "10.20.3.4"


def test_only_trusted_hops_give_the_innermost_proxy():
    assert client_ip(request("127.0.0.1", "10.20.1.1, 127.0.0.1")) == "10.20.1.1"


def test_an_unreadable_remote_address_is_unknown():
    assert client_ip(request("")) == "unknown"
    assert client_ip(request("bukan-alamat", "203.0.113.7")) == "unknown"


def test_ipv4_visitors_are_counted_by_address_and_ipv6_by_their_64():
    assert client_network(request("127.0.0.1", "203.0.113.7")) == "203.0.113.7"
    one = client_network(request("127.0.0.1", "2001:db8:1:2::1"))
    two = client_network(request("127.0.0.1", "2001:db8:1:2:ffff::9"))
    other = client_network(request("127.0.0.1", "2001:db8:1:3::1"))
    assert one == two == "2001:db8:1:2::/64"
    assert other != one
