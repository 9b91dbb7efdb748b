"""Running the periodic jobs once per period across any number of schedulers, their history,
and the heartbeats of the scheduler and the task worker."""

from __future__ import annotations

import logging
import os
import re
import socket
import time
from collections.abc import Iterable
from datetime import datetime, timedelta

from django.conf import settings
from django.db import connection
from django.utils import timezone

from balai.lib.logs import redact
from balai.scheduler.jobs import JOBS, Job
from balai.scheduler.models import Heartbeat, JobLease, JobRun

logger = logging.getLogger(__name__)

OK_RUNS_KEEP = timedelta(days=2)
RUNS_KEEP = timedelta(days=30)
HEARTBEAT_RESULTS_KEEP = timedelta(hours=6)
ERROR_LENGTH = 300
# Values a database error quotes ("Key (nik)=(3303…)") and long numbers (NIK, KK, phone numbers).
_QUOTED_VALUES = re.compile(r"=\([^)]*\)")
_LONG_NUMBER = re.compile(r"\d{6,}")


def process_owner() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"[:128]


def error_text(exc: BaseException) -> str:
    """A short line for district admins: the exception's type and its first line, with quoted
    row values, long numbers, e-mail addresses and tokens taken out."""
    lines = str(exc).strip().splitlines()
    message = lines[0] if lines else ""
    message = _LONG_NUMBER.sub("[angka]", _QUOTED_VALUES.sub("=(…)", redact(message)))
    return f"{type(exc).__name__}: {message}".strip().rstrip(":")[:ERROR_LENGTH]


def job_claim(job: Job, now: datetime, owner: str) -> str | None:
    """Claim the period `now` falls in for this process; the period's key, or None when another
    scheduler claimed it already. One conditional UPDATE, so two schedulers never both win."""
    key = job.period_key(now)
    JobLease.objects.get_or_create(name=job.name)
    won = JobLease.objects.filter(name=job.name, period_key__lt=key).update(
        period_key=key, claimed_at=timezone.now(), claimed_by=owner
    )
    return key if won == 1 else None


def job_run(job: Job, now: datetime | None = None, owner: str | None = None) -> JobRun | None:
    """Run `job` if its current period is still unclaimed; its run row (None when not run).
    An exception is the run's failure, never the caller's: the next period runs it again."""
    now = now or timezone.now()
    owner = owner or process_owner()
    key = job_claim(job, now, owner)
    if key is None:
        return None
    run = JobRun.objects.create(job=job.name, period_key=key, host=owner, started_at=timezone.now())
    started = time.monotonic()
    try:
        job.run()
    except Exception as exc:  # noqa: BLE001 - a job's failure is recorded, never stops the loop
        logger.warning("Tugas terjadwal %s gagal: %s", job.name, error_text(exc))
        # A failed statement may leave the connection unusable: start again with a fresh one.
        if not connection.in_atomic_block:
            connection.close()
        run.outcome = JobRun.Outcome.FAILED
        run.error = error_text(exc)
    else:
        run.outcome = JobRun.Outcome.OK
    run.finished_at = timezone.now()
    run.duration_ms = int((time.monotonic() - started) * 1000)
    run.save(update_fields=["outcome", "error", "finished_at", "duration_ms"])
    return run


def scheduler_run_due(
    now: datetime | None = None, jobs: Iterable[Job] = JOBS, owner: str | None = None
) -> list[JobRun]:
    """Run every configured job whose period this scheduler wins."""
    at = now or timezone.now()
    # One read of every lease first: most loops find nothing due and write nothing.
    claimed = dict(JobLease.objects.values_list("name", "period_key"))
    runs = []
    for job in jobs:
        if job.not_configured() is not None or claimed.get(job.name, "") >= job.period_key(at):
            continue
        run = job_run(job, now=at, owner=owner)
        if run is not None:
            runs.append(run)
    return runs


def scheduler_next_due(now: datetime, jobs: Iterable[Job] = JOBS) -> datetime:
    return min(job.next_due(now) for job in jobs if job.not_configured() is None)


def heartbeat_beat(kind: str) -> None:
    host = socket.gethostname()[:128]
    Heartbeat.objects.update_or_create(
        kind=kind, host=host, defaults={"pid": os.getpid(), "seen_at": timezone.now()}
    )


def worker_heartbeat_request() -> None:
    """Ask the task worker for a sign of life, unless an earlier request still waits (a stopped
    worker must not find thousands of them when it comes back)."""
    from balai.scheduler.tasks import worker_heartbeat

    waiting = _waiting_heartbeats()
    if waiting:
        return
    worker_heartbeat.enqueue()


def tasks_in_database() -> bool:
    backend = settings.TASKS.get("default", {}).get("BACKEND", "")
    return str(backend).startswith("django_tasks_db.")


def _heartbeat_path() -> str:
    from balai.scheduler.tasks import worker_heartbeat

    return worker_heartbeat.module_path


def _waiting_heartbeats() -> bool:
    if not tasks_in_database():
        return False
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(
        task_path=_heartbeat_path(), status=TaskResultStatus.READY
    ).exists()


def worker_busy_since(since: datetime) -> bool:
    """Whether the task worker is running a task it started after `since` (a long import keeps
    it from its heartbeat for a while; it is busy, not dead)."""
    if not tasks_in_database():
        return False
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(
        status=TaskResultStatus.RUNNING, started_at__gte=since
    ).exists()


def scheduler_history_trim(now: datetime | None = None) -> None:
    """Successful runs are kept two days, failures a month; heartbeat task results six hours.
    A run left "running" by a scheduler that was killed reads as failed after a day."""
    now = now or timezone.now()
    JobRun.objects.filter(outcome=JobRun.Outcome.OK, started_at__lt=now - OK_RUNS_KEEP).delete()
    JobRun.objects.filter(started_at__lt=now - RUNS_KEEP).delete()
    JobRun.objects.filter(
        outcome=JobRun.Outcome.RUNNING, started_at__lt=now - timedelta(days=1)
    ).update(outcome=JobRun.Outcome.FAILED, error="Proses berhenti sebelum tugas selesai")
    if tasks_in_database():
        from django_tasks.base import TaskResultStatus
        from django_tasks_db.models import DBTaskResult

        DBTaskResult.objects.filter(
            task_path=_heartbeat_path(),
            status__in=[TaskResultStatus.SUCCESSFUL, TaskResultStatus.FAILED],
            enqueued_at__lt=now - HEARTBEAT_RESULTS_KEEP,
        ).delete()
