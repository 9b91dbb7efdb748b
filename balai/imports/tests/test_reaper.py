"""A worker that dies mid-task leaves its job failed with a message, not "being checked"
forever: the reaper fails a running job whose process is gone from this machine, or whose
heartbeat went stale when it runs elsewhere; it runs when the job page is polled, when a worker
takes a task and from `manage.py imports_reap`."""

from __future__ import annotations

import io
import socket
import subprocess
from datetime import timedelta

from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from balai.imports.models import ImportJob
from balai.imports.services import _start_time, jobs_reap, worker_id
from balai.imports.tests.jobs import make_job


def _dead_worker() -> str:
    process = subprocess.Popen(["true"])
    process.wait()
    return f"{socket.gethostname()}:{process.pid}:{_start_time(1)}9"


def test_polling_the_page_of_a_job_whose_worker_died_fails_it_with_a_message(client, alice, dagan):
    job = make_job(
        dagan, status=ImportJob.Status.CHECKING, worker=_dead_worker(), heartbeat_at=timezone.now()
    )
    client.force_login(alice)
    url = reverse("population_dashboard:import", kwargs={"slug": "dagan", "pk": job.pk})
    page = client.get(url).content.decode()
    job.refresh_from_db()
    assert job.status == ImportJob.Status.FAILED
    assert "berhenti di tengah jalan" in job.failure and job.failure in page
    assert "Unggah berkas lain" in page


def test_a_job_dying_while_written_says_nothing_was_saved(dagan):
    job = make_job(dagan, status=ImportJob.Status.IMPORTING, worker=_dead_worker())
    assert jobs_reap() == 1
    job.refresh_from_db()
    assert "Tidak ada yang tersimpan" in job.failure


def test_a_stale_heartbeat_from_another_machine_is_reaped_by_the_command(dagan, settings):
    settings.IMPORT_STALE_SECONDS = 300
    old = timezone.now() - timedelta(seconds=301)
    stale = make_job(dagan, status=ImportJob.Status.CHECKING, worker="lain:1:1", heartbeat_at=old)
    fresh = make_job(
        dagan, status=ImportJob.Status.CHECKING, worker="lain:2:1", heartbeat_at=timezone.now()
    )
    out = io.StringIO()
    call_command("imports_reap", stdout=out)
    assert "1 impor digagalkan" in out.getvalue()
    assert ImportJob.objects.get(pk=stale.pk).status == ImportJob.Status.FAILED
    assert ImportJob.objects.get(pk=fresh.pk).status == ImportJob.Status.CHECKING


def test_a_live_worker_and_a_queued_job_are_left_alone(dagan):
    old = timezone.now() - timedelta(days=1)
    working = make_job(
        dagan, status=ImportJob.Status.IMPORTING, worker=worker_id(), heartbeat_at=old
    )
    queued = make_job(dagan, status=ImportJob.Status.QUEUED, heartbeat_at=old)
    confirmed = make_job(dagan, status=ImportJob.Status.IMPORTING, worker="", heartbeat_at=old)
    assert jobs_reap() == 0
    for job in (working, queued, confirmed):
        assert ImportJob.objects.get(pk=job.pk).status == job.status


def test_a_write_whose_job_was_failed_meanwhile_is_rolled_back(client, alice, dagan, monkeypatch):
    from balai.population import import_write
    from balai.population.models import Resident
    from balai.population.tests.conftest import family, upload, xlsx_bytes

    client.force_login(alice)
    client.post(
        reverse("population_dashboard:imports", kwargs={"slug": "dagan"}),
        {"file": upload(xlsx_bytes(family(1)))},
    )
    job = ImportJob.objects.get()
    real_write = import_write.write

    def write_then_reaped(village, rows, changes):
        written = real_write(village, rows, changes)
        assert Resident.objects.count() == 3
        ImportJob.objects.filter(pk=job.pk).update(worker="reaped")  # as another process would
        return written

    monkeypatch.setattr(import_write, "write", write_then_reaped)
    client.post(
        reverse("population_dashboard:import_confirm", kwargs={"slug": "dagan", "pk": job.pk})
    )
    assert not Resident.objects.exists()


def test_uploads_older_than_the_keep_days_are_deleted_and_the_report_stays(dagan, settings):
    from balai.imports.pipeline import _save_json

    settings.IMPORT_KEEP_DAYS = 30
    old = make_job(dagan, status=ImportJob.Status.REFUSED, report={"errors": [[2, "nik", "x"]]})
    old.file.save("impor.xlsx", io.BytesIO(b"PK"), save=True)
    _save_json(old, "laporan", {"errors": [], "warnings": []})
    name, storage = old.file.name, old.file.storage
    ImportJob.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=31))
    recent = make_job(dagan, status=ImportJob.Status.REFUSED)
    recent.file.save("impor.xlsx", io.BytesIO(b"PK"), save=True)
    call_command("imports_reap", stdout=io.StringIO())
    old.refresh_from_db()
    assert (
        not old.file and not storage.exists(name) and not storage.exists(name + ".laporan.json.gz")
    )
    assert old.report["errors"] == [[2, "nik", "x"]]
    assert storage.exists(recent.file.name)
