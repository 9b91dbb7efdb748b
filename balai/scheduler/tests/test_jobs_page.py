"""The district's jobs page: every job with its period, last run, duration, outcome and next
run; the backup "not configured" without a folder; recent failures; the heartbeats."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from balai.scheduler.jobs import JOBS
from balai.scheduler.models import Heartbeat, JobRun

pytestmark = pytest.mark.django_db
URL = reverse("scheduler_district_dashboard:jobs")


def test_the_district_admin_sees_every_job_and_the_failures(
    login, dina, settings, django_assert_max_num_queries
):
    settings.BACKUP_DIR = ""
    now = timezone.now()
    JobRun.objects.create(
        job="support_watch",
        period_key="k1",
        started_at=now - timedelta(minutes=16),
        finished_at=now - timedelta(minutes=16),
        duration_ms=1234,
        outcome=JobRun.Outcome.FAILED,
        error="OperationalError: database is locked",
    )
    JobRun.objects.create(
        job="publish_scheduled",
        period_key="k2",
        started_at=now,
        finished_at=now,
        duration_ms=8,
        outcome=JobRun.Outcome.OK,
    )
    Heartbeat.objects.create(kind="scheduler", host="app-1", seen_at=now)
    Heartbeat.objects.create(kind="worker", host="app-1", seen_at=now - timedelta(minutes=10))
    client = login(dina)
    with django_assert_max_num_queries(25):
        page = client.get(URL).content.decode()
    for job in JOBS:
        assert f'id="job-{job.name}"' in page
    assert "OperationalError: database is locked" in page
    assert "1234 md" in page
    assert "Belum diatur" in page and "BALAI_BACKUP_DIR" in page
    assert "Tidak menjawab" in page and "Hidup" in page


def test_village_admins_do_not_see_it(login, alice):
    assert login(alice).get(URL).status_code == 404
