"""balai.lib.ratelimit: one fixed-window counter per scope and value, in the shared cache."""

from __future__ import annotations

import time

from django.core.cache import cache

from balai.lib.ratelimit import (
    Limit,
    rate_limit_clear,
    rate_limit_count,
    rate_limit_exceeded,
    rate_limit_hit,
    rate_limit_wait,
    too_many_message,
)

THREE = Limit(3, 600)


def test_the_attempt_past_the_count_is_refused():
    hits = [rate_limit_hit(scope="t", value="a", limit=THREE) for _ in range(5)]
    assert hits == [False, False, False, True, True]


def test_scopes_and_values_are_counted_apart():
    for _ in range(3):
        rate_limit_hit(scope="t", value="a", limit=THREE)
    assert not rate_limit_hit(scope="t", value="b", limit=THREE)
    assert not rate_limit_hit(scope="other", value="a", limit=THREE)


def test_checking_does_not_count():
    for _ in range(2):
        rate_limit_hit(scope="t", value="a", limit=THREE)
    assert not rate_limit_exceeded(scope="t", value="a", limit=THREE)
    assert not rate_limit_exceeded(scope="t", value="a", limit=THREE)
    assert rate_limit_count(scope="t", value="a") == 2
    rate_limit_hit(scope="t", value="a", limit=THREE)
    assert rate_limit_exceeded(scope="t", value="a", limit=THREE)


def test_the_window_ends_after_its_seconds(monkeypatch):
    for _ in range(4):
        rate_limit_hit(scope="t", value="a", limit=THREE)
    assert 595 <= rate_limit_wait(scope="t", value="a") <= 600
    later = time.time() + 601
    monkeypatch.setattr(time, "time", lambda: later)
    assert rate_limit_wait(scope="t", value="a") == 0
    assert not rate_limit_hit(scope="t", value="a", limit=THREE)


def test_clearing_starts_again():
    for _ in range(4):
        rate_limit_hit(scope="t", value="a", limit=THREE)
    rate_limit_clear(scope="t", value="a")
    assert rate_limit_count(scope="t", value="a") == 0
    assert not rate_limit_hit(scope="t", value="a", limit=THREE)


def test_nothing_counted_is_readable_in_the_cache():
    rate_limit_hit(scope="login-email", value="alice@dagan.desa.id", limit=THREE)
    keys = list(cache._cache.keys())  # LocMemCache in the test settings
    assert keys and not any("alice" in key or "dagan" in key for key in keys)


def test_the_message_says_how_many_minutes():
    assert "10 menit" in too_many_message(THREE)
    assert "1 menit" in too_many_message(Limit(1, 5))
