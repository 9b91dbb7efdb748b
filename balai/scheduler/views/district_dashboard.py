"""The district's scheduled jobs: each job's period, last run, duration, outcome and next run,
the processes' heartbeats, and the recent failures (district admins only)."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from balai.scheduler import selectors
from balai.villages.permissions import district_admin_required
from balai.villages.requests import SignedInRequest


@district_admin_required
def jobs(request: SignedInRequest) -> HttpResponse:
    now = timezone.now()
    beats = selectors.heartbeats()
    ctx = {
        "rows": selectors.jobs_overview(now),
        "failures": selectors.recent_failures(),
        "heartbeats": [(b, selectors.heartbeat_fresh(b.seen_at, now)) for b in beats],
    }
    return render(request, "scheduler/district_dashboard/jobs.html", ctx)
