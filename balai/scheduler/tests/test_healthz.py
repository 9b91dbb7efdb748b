"""/healthz: 200 when the database, the cache, the task worker's and the scheduler's heartbeats
and the media folder's free space are all right; 503 naming the check that is not; no-store."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.db import OperationalError
from django.urls import reverse
from django.utils import timezone

from balai.scheduler import selectors
from balai.scheduler.models import Heartbeat
from balai.scheduler.services import heartbeat_beat, worker_heartbeat_request

pytestmark = pytest.mark.django_db
URL = reverse("healthz")


@pytest.fixture
def alive():
    heartbeat_beat("scheduler")
    worker_heartbeat_request()  # tests run tasks at once: the worker's beat is written now


def health(client) -> tuple[int, dict]:
    response = client.get(URL)
    assert response["Cache-Control"] == "no-store"
    assert response["Content-Type"] == "application/json"
    return response.status_code, json.loads(response.content)


def test_all_well_is_200_in_two_queries(client, alive, django_assert_max_num_queries):
    with django_assert_max_num_queries(2):
        status, body = health(client)
    assert status == 200 and body["ok"] is True
    assert set(body["checks"]) == {"database", "cache", "scheduler", "worker", "disk"}
    assert all(check["ok"] for check in body["checks"].values())


def test_a_stopped_scheduler_fails_within_two_minutes(client, alive):
    Heartbeat.objects.filter(kind="scheduler").update(
        seen_at=timezone.now() - timedelta(seconds=125)
    )
    status, body = health(client)
    assert status == 503 and body["checks"]["scheduler"]["ok"] is False
    assert body["checks"]["scheduler"]["seconds_since_heartbeat"] >= 125
    assert body["checks"]["worker"]["ok"] is True


def test_a_scheduler_that_never_ran_fails(client):
    worker_heartbeat_request()
    status, body = health(client)
    assert status == 503 and body["checks"]["scheduler"] == {
        "ok": False,
        "seconds_since_heartbeat": None,
    }


def test_a_stopped_worker_fails(client, alive):
    Heartbeat.objects.filter(kind="worker").update(seen_at=timezone.now() - timedelta(minutes=3))
    status, body = health(client)
    assert status == 503 and body["checks"]["worker"]["ok"] is False


def test_one_live_scheduler_of_several_hosts_is_enough(client, alive):
    Heartbeat.objects.create(
        kind="scheduler", host="app-2", seen_at=timezone.now() - timedelta(hours=1)
    )
    assert health(client)[0] == 200


def test_a_worker_busy_with_a_long_task_is_not_dead(client, alive, settings):
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    Heartbeat.objects.filter(kind="worker").update(seen_at=timezone.now() - timedelta(minutes=4))
    assert health(client)[0] == 503
    DBTaskResult.objects.create(
        status=TaskResultStatus.RUNNING,
        started_at=timezone.now() - timedelta(minutes=4),
        args_kwargs={"args": [], "kwargs": {}},
        task_path="balai.imports.tasks.import_check",
        backend_name="default",
        run_after=timezone.now(),
    )
    status, body = health(client)
    assert status == 200 and body["checks"]["worker"]["busy"] is True


def test_an_unreachable_cache_fails(client, alive, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
        }
    }
    status, body = health(client)
    assert status == 503 and body["checks"]["cache"]["ok"] is False
    assert body["checks"]["database"]["ok"] is True


def test_an_unreachable_database_fails(client, monkeypatch):
    def down():
        raise OperationalError("could not connect to server")

    monkeypatch.setattr(selectors, "heartbeats_last_seen", down)
    status, body = health(client)
    assert status == 503
    assert body["checks"]["database"] == {"ok": False, "error": "OperationalError"}


def test_a_full_disk_fails(client, alive, settings):
    _folder, free = selectors.media_free_bytes()
    settings.HEALTH_MIN_FREE_MB = free // (1024 * 1024) + 10
    status, body = health(client)
    assert status == 503 and body["checks"]["disk"]["ok"] is False


def test_a_stopped_worker_is_asked_once_not_every_minute(settings):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    worker_heartbeat_request()
    worker_heartbeat_request()
    assert DBTaskResult.objects.count() == 1
    assert not Heartbeat.objects.filter(kind="worker").exists()


# Outside a test transaction: the worker closes its database connection when its batch ends.
@pytest.mark.django_db(transaction=True)
def test_the_task_worker_answers_the_heartbeat(settings):
    """The real worker (django-tasks-db's db_worker) runs the heartbeat task."""
    from django.core.management import call_command

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    worker_heartbeat_request()
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    assert Heartbeat.objects.filter(kind="worker").exists()
