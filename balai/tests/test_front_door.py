"""The front door of the page cache (villages/cache.py, PageCacheMiddleware): a public page kept
as sent answers the next anonymous GET before any other middleware runs, with the very headers
the whole stack gave it, and only while its routes and content versions are current."""

from __future__ import annotations

import logging
from typing import Any
from unittest import mock

import pytest
from django.shortcuts import render
from django.test import Client, override_settings

from balai.news.tests.conftest import publish
from balai.villages.models import Village

HOME = "/desa/dagan/"


@pytest.fixture
def stack_spy():
    """Counts requests that reach the routing middleware (i.e. did not stop at the front door)."""
    from balai.villages import middleware

    with mock.patch.object(middleware, "_host_route", wraps=middleware._host_route) as spy:
        yield spy


def _headers(response: Any) -> dict[str, str]:
    return {k.lower(): v for k, v in response.items()}


def test_the_second_anonymous_get_stops_at_the_front_door_with_the_same_bytes(
    client, dagan, stack_spy, django_assert_num_queries
):
    first = client.get(HOME)
    assert stack_spy.call_count == 1
    with django_assert_num_queries(0):
        second = client.get(HOME)
    assert stack_spy.call_count == 1  # nothing below the front door ran
    assert second.status_code == 200 and second.content == first.content
    theirs, ours = _headers(first), _headers(second)
    ours.pop("x-request-id"), theirs.pop("x-request-id")
    assert ours == theirs  # CSP, frame, referrer, language, Vary, validators: all as sent
    for header in ("content-security-policy", "x-frame-options", "content-language", "etag"):
        assert header in ours


def test_a_matching_etag_gets_a_304_at_the_front_door(client, dagan, stack_spy):
    first = client.get(HOME)
    again = client.get(HOME, headers={"If-None-Match": first["ETag"]})
    assert stack_spy.call_count == 1
    assert again.status_code == 304 and again.content == b""
    assert again["ETag"] == first["ETag"] and again["Cache-Control"] == first["Cache-Control"]
    assert again["Last-Modified"] == first["Last-Modified"]
    assert "Content-Type" not in again and "Content-Security-Policy" in again


def test_a_publish_or_a_route_change_is_seen_at_once(client, dagan, dina, stack_spy):
    client.get(HOME)
    publish(dagan, title="Jembatan baru diresmikan")
    assert "Jembatan baru diresmikan" in client.get(HOME).content.decode()
    assert stack_spy.call_count == 2
    client.get(HOME)
    assert stack_spy.call_count == 2

    from balai.portal.services import village_status_set

    village_status_set(
        village=Village.objects.get(pk=dagan.pk),
        status=Village.Status.SUSPENDED,
        actor=dina,
        reason="Tes",
    )
    assert client.get(HOME).status_code == 503


@pytest.mark.parametrize(
    "cookies",
    [{"sessionid": "whatever"}, {"messages": "x"}],
    ids=["session", "messages"],
)
def test_a_session_or_a_pending_message_takes_the_whole_stack(dagan, stack_spy, cookies):
    Client().get(HOME)
    visitor = Client()
    for name, value in cookies.items():
        visitor.cookies[name] = value
    assert visitor.get(HOME).status_code == 200
    assert stack_spy.call_count == 2


def test_language_htmx_and_scheme_are_kept_apart(dagan, stack_spy):
    indonesian = Client().get(HOME)
    english_client = Client()
    english_client.cookies["django_language"] = "en"
    english = english_client.get(HOME)
    htmx = Client().get(HOME, headers={"HX-Request": "true"})
    secure = Client().get(HOME, secure=True)
    assert stack_spy.call_count == 4
    assert english["Content-Language"] == "en" and indonesian["Content-Language"] == "id"
    # An unknown language cookie is Indonesian, as the locale middleware decides.
    odd = Client()
    odd.cookies["django_language"] = "xx"
    assert odd.get(HOME).content == indonesian.content
    assert stack_spy.call_count == 4
    assert len({r["ETag"] for r in (indonesian, english, htmx, secure)}) == 3  # scheme: same page


def test_the_request_log_names_the_village_of_a_front_door_hit(client, dagan, caplog):
    client.get(HOME)
    with caplog.at_level(logging.INFO, logger="balai.requests"):
        client.get(HOME)
    assert "village=dagan" in caplog.records[-1].getMessage()


def test_what_is_not_public_is_never_kept(client, dagan, stack_spy):
    for url in ("/desa/dagan/tidak-ada/", "/masuk/", "/desa/dagan/berita/cari/?q=batik"):
        client.get(url)
        client.get(url)
    assert stack_spy.call_count == 6


def test_no_page_cache_means_no_front_door_and_no_kept_page_read(client, dagan, stack_spy):
    client.get(HOME)  # kept, by a process whose page cache is on
    with (
        override_settings(PUBLIC_PAGE_CACHE_SECONDS=0),
        mock.patch("balai.villages.views.site.render", wraps=render) as rendered,
    ):
        first = client.get(HOME)
        client.get(HOME)
    assert stack_spy.call_count == 3
    assert rendered.call_count == 2  # rendered every time: nothing kept is read
    assert first["Cache-Control"].startswith("public")  # still shareable, with validators


def test_a_signed_in_member_never_gets_the_kept_copy(login, alice, dagan):
    Client().get(HOME)
    response = login(alice).get(HOME)
    assert "no-store" in response["Cache-Control"] and "ETag" not in response


def test_a_kept_page_lives_one_page_cache_lifetime_and_its_etag_with_it(
    client, dagan, stack_spy, monkeypatch
):
    """What changes with the clock alone (an event no longer upcoming) sends no signal: the
    copy in memory, the shared copy and the 304s all end with the lifetime they were made in."""
    import time as clock

    now = clock.time()
    monkeypatch.setattr("balai.villages.cache.time.time", lambda: now)
    first = client.get(HOME)
    client.get(HOME)
    assert stack_spy.call_count == 1
    monkeypatch.setattr("balai.villages.cache.time.time", lambda: now + 601)
    later = client.get(HOME, headers={"If-None-Match": first["ETag"]})
    assert later.status_code == 200 and later["ETag"] != first["ETag"]
    assert stack_spy.call_count == 2
