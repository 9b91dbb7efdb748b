"""The schedule shown to district admins is worded from each job's period and offset."""

from __future__ import annotations

from datetime import timedelta

from django.utils import translation

from balai.scheduler.jobs import DAY, JOBS, MINUTE, WEEK, Job, job_by_name


def _job(every: timedelta, offset: timedelta = timedelta(0)) -> Job:
    return Job("x", "x", every, lambda: None, offset=offset)


def test_the_schedule_is_worded_from_the_period_and_offset():
    assert _job(MINUTE).period_label == "tiap menit"
    assert _job(15 * MINUTE).period_label == "tiap 15 menit"
    assert _job(60 * MINUTE).period_label == "tiap jam"
    assert _job(DAY, timedelta(hours=3, minutes=30)).period_label == "tiap hari 03.30"
    assert _job(WEEK, timedelta(days=2, hours=7)).period_label == "tiap Rabu 07.00"
    assert job_by_name("support_freshness_digest").period_label == "tiap Senin 07.00"
    with translation.override("en"):
        assert job_by_name("district_backup").period_label == "daily at 02.00"


def test_every_job_has_a_schedule_in_words():
    assert all(job.period_label for job in JOBS)
