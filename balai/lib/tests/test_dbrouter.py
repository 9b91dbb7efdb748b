"""The replica router (lib/dbrouter.py): anonymous public GETs read a replica that is current,
everything else reads and writes the primary, and a replica that is behind, down or failing
never shows as an error.

The `replica` alias of the test settings is a test mirror of "default" (the same database over a
second connection), so which connection ran a query tells where the router sent it.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.cache.backends.db import BaseDatabaseCache
from django.db import OperationalError, connections
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from balai.lib import dbrouter
from balai.villages import replicas
from balai.villages.models import Village
from balai.villages.replicas import replica_is_current

# Transactional: the replica connection reads the rows the test made, so they are committed.
pytestmark = pytest.mark.django_db(transaction=True, databases=["default", "replica"])
# Tests that run no query on either connection need no flush afterwards.
no_queries = pytest.mark.django_db

ROUTED = override_settings(
    DATABASE_REPLICAS=["replica"],
    DATABASE_ROUTERS=["balai.lib.dbrouter.ReplicaRouter"],
    DATABASE_REPLICA_RETRY_SECONDS=30,
)


@pytest.fixture(autouse=True)
def _routed() -> Iterator[None]:
    dbrouter._down_until.clear()
    with ROUTED:
        yield
    dbrouter._down_until.clear()


@pytest.fixture
def queries() -> Iterator[dict[str, CaptureQueriesContext]]:
    with (
        CaptureQueriesContext(connections["default"]) as primary,
        CaptureQueriesContext(connections["replica"]) as replica,
    ):
        yield {"primary": primary, "replica": replica}


def _sql(context: CaptureQueriesContext) -> list[str]:
    return [q["sql"] for q in context.captured_queries]


def test_anonymous_village_page_reads_the_replica(client, dagan, queries):
    response = client.get("/desa/dagan/")

    assert response.status_code == 200
    assert "Desa batik tulis" in response.content.decode()
    replica = _sql(queries["replica"])
    # The version check, then the page's own reads.
    assert any('"content_version"' in q for q in replica)
    assert len(replica) > 2
    # The primary only found the village (and nothing of the page).
    primary = _sql(queries["primary"])
    assert primary and all('"villages_village"' in q for q in primary), primary


def test_district_page_reads_the_replica_when_it_has_every_version(
    client, dagan, bojongsari, queries
):
    Village.objects.filter(pk=bojongsari.pk).update(content_version=5)
    assert replicas._district_mark("replica") == (2, 6)
    assert client.get("/").status_code == 200
    assert len(_sql(queries["replica"])) > 2


def test_everything_else_uses_the_primary(client, alice, queries):
    client.post("/desa/dagan/")
    client.get("/dasbor/")
    # A tracking page is opened right after the visitor's own write.
    client.get("/daftar/status/AbCdEf123456/")
    client.get("/desa/dagan/ppid/permohonan/lacak/AbCdEf123456/")
    client.cookies.load({"sessionid": "anything"})
    client.get("/desa/dagan/")
    client.force_login(alice)
    assert client.get("/desa/dagan/").status_code == 200
    # The worker, the scheduler and management commands run outside any request.
    assert Village.objects.get(slug="dagan").pk == alice.memberships.get().village_id

    assert _sql(queries["replica"]) == []
    assert len(_sql(queries["primary"])) > 10
    assert dbrouter.ReplicaRouter().db_for_read(Village) == "default"
    assert dbrouter.ReplicaRouter().db_for_write(Village) == "default"


@no_queries
def test_without_replicas_the_router_has_no_opinion():
    with override_settings(DATABASE_REPLICAS=[]):
        assert dbrouter.ReplicaRouter().db_for_read(Village) is None
        assert dbrouter.ReplicaRouter().allow_migrate("replica", "villages") is None
    assert dbrouter.ReplicaRouter().allow_migrate("replica", "villages") is False


@no_queries
@override_settings(DATABASE_REPLICA_FRESHNESS="")
def test_a_write_during_a_public_read_pins_the_rest_to_the_primary(rf):
    state = dbrouter.PublicRead(rf.get("/desa/dagan/"), armed=True)
    token = dbrouter._current.set(state)
    try:
        assert dbrouter.ReplicaRouter().db_for_read(Village) == "replica"
        # The database cache is read where it is written.
        cache_entry = BaseDatabaseCache("balai_cache", {}).cache_model_class
        assert dbrouter.ReplicaRouter().db_for_read(cache_entry) == "default"
        assert dbrouter.ReplicaRouter().db_for_write(cache_entry) == "default"
        assert dbrouter.ReplicaRouter().db_for_read(Village) == "replica"
        assert dbrouter.ReplicaRouter().db_for_write(Village) == "default"
        assert dbrouter.ReplicaRouter().db_for_read(Village) == "default"
    finally:
        dbrouter._current.reset(token)


def test_a_replica_behind_the_village_version_is_not_used(client, dagan, rf):
    request = rf.get("/desa/dagan/")
    request.village = Village.objects.get(pk=dagan.pk)
    with CaptureQueriesContext(connections["replica"]) as replica:
        assert replica_is_current("replica", request)
    assert len(replica) == 1 and "regions_region" not in replica[0]["sql"]
    # The primary has published once more than the replica has replayed.
    request.village.content_version += 1
    assert not replica_is_current("replica", request)

    # A page while the replica is behind: read from the primary.
    with (
        override_settings(DATABASE_REPLICA_FRESHNESS="balai.lib.tests.test_dbrouter.never"),
        CaptureQueriesContext(connections["replica"]) as replica,
    ):
        response = client.get("/desa/dagan/")
    assert response.status_code == 200
    assert "Desa batik tulis" in response.content.decode()
    assert _sql(replica) == []


@no_queries
@pytest.mark.parametrize(
    ("replica_mark", "current"),
    [((2, 9), True), ((2, 10), True), ((2, 8), False), ((1, 9), False)],
    ids=["same", "ahead", "a-publish-behind", "a-village-missing"],
)
def test_a_district_page_waits_for_every_village_on_the_replica(
    rf, monkeypatch, replica_mark, current
):
    marks = {"default": (2, 9), "replica": replica_mark}
    monkeypatch.setattr(replicas, "_district_mark", marks.__getitem__)
    request = rf.get("/")
    request.village = None
    assert replica_is_current("replica", request) is current


def never(alias: str, request: Any) -> bool:
    return False


def unreachable(alias: str, request: Any) -> bool:
    raise OperationalError('connection to server at "127.0.0.1", port 5433 failed')


def test_an_unreachable_replica_is_skipped_and_remembered(client, dagan, queries):
    with override_settings(DATABASE_REPLICA_FRESHNESS="balai.lib.tests.test_dbrouter.unreachable"):
        response = client.get("/desa/dagan/")
        assert response.status_code == 200
        assert "Desa batik tulis" in response.content.decode()
        assert dbrouter.replica_is_down("replica")
    # Marked down: the next page does not even ask it.
    assert client.get("/desa/dagan/berita/").status_code == 200
    assert _sql(queries["replica"]) == []


def test_a_replica_failing_during_the_page_is_replaced_by_the_primary(client, dagan, queries):
    calls = {"n": 0}

    def drop_after_check(execute, sql, params, many, context):
        calls["n"] += 1
        if calls["n"] > 1:  # the version check passes, then the server goes away
            raise OperationalError("server closed the connection unexpectedly")
        return execute(sql, params, many, context)

    with connections["replica"].execute_wrapper(drop_after_check):
        response = client.get("/desa/dagan/")

    assert response.status_code == 200
    assert "Desa batik tulis" in response.content.decode()
    assert calls["n"] == 2
    assert dbrouter.replica_is_down("replica")


def test_a_replica_is_tried_again_after_the_retry_time(client, dagan, queries):
    dbrouter.replica_mark_down("replica", "test")
    until = dbrouter._down_until["replica"]
    assert 29 < until - time.monotonic() <= 30
    assert client.get("/desa/dagan/").status_code == 200
    assert _sql(queries["replica"]) == []

    dbrouter._down_until["replica"] = time.monotonic() - 0.1  # the retry time has passed
    assert client.get("/desa/dagan/berita/").status_code == 200
    assert _sql(queries["replica"])
