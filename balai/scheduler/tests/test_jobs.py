"""The scheduler's jobs: periods and their keys, one run per period whoever asks, a failure
recorded and retried next period, the history kept short, the backup only when configured."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from balai.scheduler import jobs as jobs_module
from balai.scheduler.jobs import DAY, JOBS, MINUTE, WEEK, Job, job_by_name
from balai.scheduler.models import JobLease, JobRun
from balai.scheduler.services import (
    error_text,
    job_claim,
    scheduler_history_trim,
    scheduler_next_due,
    scheduler_run_due,
)

pytestmark = pytest.mark.django_db


def local(*args: int) -> datetime:
    return timezone.make_aware(datetime(*args))


class Counter:
    def __init__(self, fail: bool = False) -> None:
        self.calls = 0
        self.fail = fail

    def __call__(self) -> None:
        self.calls += 1
        if self.fail:
            raise RuntimeError("gagal menulis 3303010101010001 untuk ani@contoh.id")


def test_periods_and_their_keys():
    every_5 = Job("a", "a", 5 * MINUTE, Counter())
    assert every_5.period_key(local(2026, 12, 6, 13, 7, 59)) == "2026-12-06T13:05"
    assert every_5.next_due(local(2026, 12, 6, 13, 7, 59)) == local(2026, 12, 6, 13, 10)
    nightly = Job("b", "b", DAY, Counter(), offset=timedelta(hours=2))
    # Before 02.00 the night's period is still yesterday's.
    assert nightly.period_key(local(2026, 12, 6, 1, 59)) == "2026-12-05T02:00"
    assert nightly.period_key(local(2026, 12, 6, 2, 0)) == "2026-12-06T02:00"
    assert nightly.next_due(local(2026, 12, 6, 1, 59)) == local(2026, 12, 6, 2, 0)
    weekly = Job("c", "c", WEEK, Counter(), offset=timedelta(hours=7))
    # 6 December 2026 is a Sunday: the week began on Monday 30 November at 07.00.
    assert weekly.period_key(local(2026, 12, 6, 12, 0)) == "2026-11-30T07:00"
    assert weekly.next_due(local(2026, 12, 6, 12, 0)) == local(2026, 12, 7, 7, 0)


def test_a_job_runs_once_a_period_whichever_scheduler_asks():
    counter = Counter()
    job = Job("t_once", "t", MINUTE, counter)
    now = local(2026, 12, 6, 13, 0, 10)
    first = scheduler_run_due(now=now, jobs=[job], owner="host-a:1")
    second = scheduler_run_due(now=now + timedelta(seconds=30), jobs=[job], owner="host-b:2")
    assert counter.calls == 1 and len(first) == 1 and second == []
    assert JobLease.objects.get(name="t_once").claimed_by == "host-a:1"
    # The next minute is a new period: whoever comes first runs it.
    third = scheduler_run_due(now=now + timedelta(minutes=1), jobs=[job], owner="host-b:2")
    assert counter.calls == 2 and third[0].host == "host-b:2"


def test_a_scheduler_with_a_slow_clock_does_not_run_an_older_period_again():
    job = Job("t_clock", "t", MINUTE, Counter())
    assert job_claim(job, local(2026, 12, 6, 13, 5), "a") == "2026-12-06T13:05"
    assert job_claim(job, local(2026, 12, 6, 13, 4), "b") is None


def test_a_failed_job_is_recorded_without_personal_data_and_retried_next_period():
    failing, after = Counter(fail=True), Counter()
    jobs = [Job("t_fail", "t", MINUTE, failing), Job("t_after", "t", MINUTE, after)]
    now = local(2026, 12, 6, 13, 0)
    runs = scheduler_run_due(now=now, jobs=jobs)
    # The failure did not stop the job after it.
    assert [r.outcome for r in runs] == [JobRun.Outcome.FAILED, JobRun.Outcome.OK]
    failed = runs[0]
    assert failed.error.startswith("RuntimeError: gagal menulis")
    assert "3303010101010001" not in failed.error and "ani@contoh.id" not in failed.error
    assert failed.duration_ms is not None and failed.finished_at is not None
    # Not again in the same period, but in the next one.
    assert scheduler_run_due(now=now + timedelta(seconds=20), jobs=jobs) == []
    failing.fail = False
    retried = scheduler_run_due(now=now + timedelta(minutes=1), jobs=jobs)
    assert failing.calls == 2 and retried[0].outcome == JobRun.Outcome.OK


def test_error_text_hides_quoted_values_and_is_short():
    exc = ValueError('duplicate key value violates "nik" Key (nik)=(Sri Wahyuni 1234) exists\n..')
    text = error_text(exc)
    assert "Sri Wahyuni" not in text and text.startswith("ValueError: duplicate key")
    assert "\n" not in text
    assert len(error_text(ValueError("x" * 1000))) <= 300


def test_the_registry_runs_the_former_timers_for_real():
    """Every job of the registry runs in-process against the test database (the backup is off:
    no folder is set)."""
    runs = scheduler_run_due(now=timezone.now())
    by_job = {r.job: r for r in runs}
    assert set(by_job) == {j.name for j in JOBS} - {"district_backup"}
    failed = {name: r.error for name, r in by_job.items() if r.outcome != JobRun.Outcome.OK}
    assert not failed


def test_scheduled_news_is_announced_through_the_scheduler(dagan):
    from balai.news.models import Article
    from balai.villages.models import Village

    article = Article.objects.create(
        village=dagan,
        title="Kerja bakti",
        slug="kerja-bakti",
        body="Isi",
        author_name="Alice",
        status=Article.Status.PUBLISHED,
        publish_at=timezone.now() + timedelta(minutes=5),
    )
    version = Village.objects.get(pk=dagan.pk).content_version
    Article.objects.filter(pk=article.pk).update(publish_at=timezone.now() - timedelta(seconds=1))
    scheduler_run_due(now=timezone.now(), jobs=[job_by_name("publish_scheduled")])
    article.refresh_from_db()
    assert article.is_announced
    assert Village.objects.get(pk=dagan.pk).content_version != version


def test_the_backup_is_not_configured_without_a_folder(settings):
    settings.BACKUP_DIR = ""
    job = job_by_name("district_backup")
    assert "BALAI_BACKUP_DIR" in (job.not_configured() or "")
    assert scheduler_run_due(now=timezone.now(), jobs=[job]) == []
    assert not JobRun.objects.filter(job="district_backup").exists()


# Outside a test transaction: SQLite's online backup waits for an open write transaction.
@pytest.mark.django_db(transaction=True)
def test_the_nightly_backup_writes_into_the_configured_folder(settings, tmp_path):
    settings.BACKUP_DIR = str(tmp_path / "cadangan")
    job = job_by_name("district_backup")
    assert job.not_configured() is None
    (run,) = scheduler_run_due(now=timezone.now(), jobs=[job])
    assert run.outcome == JobRun.Outcome.OK, run.error
    (folder,) = (tmp_path / "cadangan").iterdir()
    assert (folder / "db.sqlite3").exists() or (folder / "db.dump").exists()


def test_the_next_due_job_sets_the_wake_up():
    jobs = [
        Job("x", "x", DAY, Counter(), offset=timedelta(hours=2)),
        Job("y", "y", 5 * MINUTE, Counter()),
    ]
    assert scheduler_next_due(local(2026, 12, 6, 13, 7), jobs) == local(2026, 12, 6, 13, 10)


def test_old_history_is_trimmed_and_failures_kept_longer():
    now = timezone.now()

    def run(days: float, outcome: str) -> JobRun:
        return JobRun.objects.create(
            job="t", period_key="k", started_at=now - timedelta(days=days), outcome=outcome
        )

    old_ok, new_ok = run(3, JobRun.Outcome.OK), run(1, JobRun.Outcome.OK)
    week_failed, ancient_failed = run(7, JobRun.Outcome.FAILED), run(40, JobRun.Outcome.FAILED)
    stuck = run(2, JobRun.Outcome.RUNNING)
    scheduler_history_trim(now)
    left = set(JobRun.objects.values_list("pk", flat=True))
    assert left == {new_ok.pk, week_failed.pk, stuck.pk}
    stuck.refresh_from_db()
    assert stuck.outcome == JobRun.Outcome.FAILED
    del old_ok, ancient_failed


def test_the_scheduler_command_once_runs_what_is_due_and_beats(settings):
    from balai.scheduler.models import Heartbeat

    call_command("scheduler", "--once", "--skip-startup-checks")
    assert Heartbeat.objects.filter(kind="scheduler").exists()
    assert JobRun.objects.filter(job="publish_scheduled", outcome=JobRun.Outcome.OK).exists()
    assert jobs_module.JOBS is JOBS


def test_a_loop_with_nothing_due_reads_once_and_writes_nothing(django_assert_num_queries):
    job = Job("t_quiet", "t", MINUTE, Counter())
    now = local(2026, 12, 6, 13, 0, 5)
    scheduler_run_due(now=now, jobs=[job])
    with django_assert_num_queries(1):
        assert scheduler_run_due(now=now + timedelta(seconds=40), jobs=[job]) == []
