"""The worker's heartbeat: the scheduler enqueues this every minute and the task worker running
it is what says "the worker is alive and takes tasks" (/healthz, the jobs page)."""

from __future__ import annotations

from django_tasks import task

# Ahead of every queued import or notification, so a long queue does not read as a dead worker.
HEARTBEAT_PRIORITY = 100


@task(priority=HEARTBEAT_PRIORITY)
def worker_heartbeat() -> None:
    from balai.scheduler.services import heartbeat_beat

    heartbeat_beat("worker")
