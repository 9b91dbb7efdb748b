"""A village admin moves the register in from the dashboard: the backup checked by the import
pipeline (the report lists every table), nothing written before the confirmation, everything
after it; a file that is not a backup is refused on the form, with the reason."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from balai.imports.models import ImportJob
from balai.moving.models import Move, MovedItem
from balai.population.models import Resident

BACKUP = Path(__file__).parents[2] / "imports" / "tests" / "data" / "opensid_v2410_senggigi.sql.gz"
SQL = gzip.decompress(BACKUP.read_bytes())

pytestmark = pytest.mark.django_db


def start_url() -> str:
    return reverse("moving_dashboard:start", kwargs={"slug": "dagan"})


def upload(client, data: bytes, name: str, **extra):
    return client.post(start_url(), {"file": SimpleUploadedFile(name, data), **extra})


def test_the_admin_checks_then_moves_the_register(login, alice, dagan):
    client = login(alice)
    page = client.get(start_url())
    assert page.status_code == 200
    assert "Unduh Database" in page.content.decode()
    response = upload(client, SQL, "backup-on-2026-12-06.sql", allow_other_village="on")
    assert response.status_code == 302
    job = ImportJob.objects.get(importer="moving.opensid")
    assert job.kind == "sql" and job.status == ImportJob.Status.CHECKED, job.failure
    report = client.get(response["Location"]).content.decode()
    assert "Senggigi" in report and "24.10" in report
    assert "tweb_aset" in report and "Daftar bawaan OpenSID" in report
    assert "log_login" in report and "Tidak dibaca" in report
    assert not Resident.objects.exists()
    confirm = reverse("moving_dashboard:import_confirm", kwargs={"slug": "dagan", "pk": job.pk})
    assert client.post(confirm).status_code == 302
    job.refresh_from_db()
    assert job.status == ImportJob.Status.DONE, job.failure
    assert Resident.objects.for_village(dagan).count() == 326
    assert MovedItem.objects.for_village(dagan).filter(kind="log_penduduk").count() == 328
    move = Move.objects.get(village=dagan)
    archive = client.get(
        reverse("moving_dashboard:archive", kwargs={"slug": "dagan", "pk": move.pk})
    )
    assert archive.status_code == 200
    assert "no-store" in archive["Cache-Control"]


def test_a_gzipped_backup_is_read_too(login, alice, dagan):
    client = login(alice)
    upload(client, BACKUP.read_bytes(), "backup.sql.gz", allow_other_village="on")
    job = ImportJob.objects.get(importer="moving.opensid")
    assert job.kind == "gz" and job.status == ImportJob.Status.CHECKED, job.failure
    assert job.report["summary"]["counts"]["residents"] == 326


def test_another_villages_backup_is_refused_without_the_tick(login, alice, dagan):
    client = login(alice)
    upload(client, SQL, "backup.sql")
    job = ImportJob.objects.get(importer="moving.opensid")
    assert job.status == ImportJob.Status.FAILED
    assert "Senggigi" in job.failure and "centang" in job.failure.lower()


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"nama;nik\nBUDI;3303\n", "yang diterima: .sql"),
        (b"\x89PNG\r\n\x1a\n" + b"0" * 100, "bukan"),
    ],
)
def test_files_that_are_not_a_backup_are_refused_on_the_form(login, alice, dagan, data, words):
    response = upload(login(alice), data, "cadangan.sql")
    assert response.status_code == 200
    assert words in response.content.decode()
    assert not ImportJob.objects.exists()


def test_a_cut_backup_fails_with_the_reason_and_writes_nothing(login, alice, dagan):
    upload(login(alice), SQL[:1_000_000], "backup.sql", allow_other_village="on")
    job = ImportJob.objects.get(importer="moving.opensid")
    assert job.status == ImportJob.Status.FAILED and "terpotong" in job.failure
    assert not Resident.objects.exists() and not Move.objects.exists()
