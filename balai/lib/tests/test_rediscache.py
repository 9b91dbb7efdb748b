"""lib/rediscache.py: Django's Redis cache keeping one client per connection pool."""

from __future__ import annotations

import uuid

import pytest

from balai.lib.rediscache import RedisCache

LOCATION = "redis://127.0.0.1:6379/3"


@pytest.fixture
def redis_cache():
    try:
        import redis

        redis.Redis.from_url(LOCATION, socket_timeout=1).ping()
    except Exception:  # noqa: BLE001 - any failure to reach it means: no Redis here
        pytest.skip("Redis is not reachable at 127.0.0.1:6379")
    backend = RedisCache(LOCATION, {"KEY_PREFIX": f"t-{uuid.uuid4().hex[:8]}"})
    yield backend
    backend.clear()


def test_one_client_serves_every_operation(redis_cache):
    client = redis_cache._cache.get_client()
    assert redis_cache._cache.get_client(write=True) is client
    assert redis_cache._cache.get_client("some-key") is client


def test_it_is_still_a_cache(redis_cache):
    redis_cache.set("a", ("token", 1), None)
    assert redis_cache.add("b", {"x": 1}) is True
    assert redis_cache.add("b", {"x": 2}) is False
    assert redis_cache.get_many(["a", "b", "missing"]) == {"a": ("token", 1), "b": {"x": 1}}
    redis_cache.delete("a")
    assert redis_cache.get("a") is None
    # Any key: Redis has none of memcached's limits, and none are checked.
    redis_cache.set("kunci dengan spasi " + "x" * 300, 5)
    assert redis_cache.get("kunci dengan spasi " + "x" * 300) == 5
