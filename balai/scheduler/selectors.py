"""What the district's jobs page and /healthz read."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from django.conf import settings
from django.db.models import Max
from django.utils import timezone

from balai.scheduler.jobs import JOBS, Job
from balai.scheduler.models import Heartbeat, JobRun

RECENT_FAILURES = 20


@dataclass(frozen=True)
class JobRow:
    job: Job
    last: JobRun | None
    next_due: datetime | None
    not_configured: str | None
    failures_in_row: int


def jobs_overview(now: datetime | None = None) -> list[JobRow]:
    now = now or timezone.now()
    rows = []
    for job in JOBS:
        recent = list(JobRun.objects.filter(job=job.name).order_by("-started_at")[:5])
        failures = 0
        for run in recent:
            if run.outcome != JobRun.Outcome.FAILED:
                break
            failures += 1
        reason = job.not_configured()
        rows.append(
            JobRow(
                job=job,
                last=recent[0] if recent else None,
                next_due=None if reason else job.next_due(now),
                not_configured=reason,
                failures_in_row=failures,
            )
        )
    return rows


def recent_failures(limit: int = RECENT_FAILURES) -> list[JobRun]:
    return list(
        JobRun.objects.filter(outcome=JobRun.Outcome.FAILED).order_by("-started_at")[:limit]
    )


def heartbeats_last_seen() -> dict[str, datetime]:
    """The freshest heartbeat of each kind of process, over every host (one query)."""
    rows = Heartbeat.objects.values("kind").annotate(last=Max("seen_at"))
    return {row["kind"]: row["last"] for row in rows}


def heartbeats() -> list[Heartbeat]:
    return list(Heartbeat.objects.order_by("kind", "host"))


def media_free_bytes() -> tuple[Path, int]:
    """The free space where uploads are written (var/ when they go to S3)."""
    folder = Path(settings.MEDIA_ROOT)
    if getattr(settings, "AWS_STORAGE_BUCKET_NAME", "") or not folder.exists():
        folder = Path(settings.VAR_DIR)
    return folder, shutil.disk_usage(folder).free


def heartbeat_fresh(seen: datetime | None, now: datetime) -> bool:
    return seen is not None and now - seen <= timedelta(seconds=settings.HEARTBEAT_STALE_SECONDS)
