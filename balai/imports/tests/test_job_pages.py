"""The job page of every import: progress polled every second by htmx (and refreshed by the
browser itself with JavaScript off), then the report; a confirmation that writes once; the
report download with every refused row and the warnings on their own sheet."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from python_calamine import CalamineWorkbook

from balai.imports.models import ImportJob
from balai.imports.tests.conftest import DOMAINS
from balai.imports.tests.jobs import make_job

IMPORTERS = {
    "population": "population.residents",
    "welfare": "welfare.ranking",
    "budget": "budget.apbdes",
}


def _url(domain: str, name: str, job: ImportJob) -> str:
    return reverse(f"{domain}_dashboard:{name}", kwargs={"slug": "dagan", "pk": job.pk})


def _job(domain: str, dagan, fiscal_year, **fields) -> ImportJob:
    params = {"fiscal_year": fiscal_year.pk} if domain == "budget" else {}
    return make_job(dagan, IMPORTERS[domain], params=params, **fields)


@pytest.mark.parametrize("domain", DOMAINS)
def test_a_running_job_shows_progress_polls_and_refreshes_without_javascript(
    client, alice, dagan, fiscal_year, domain
):
    job = _job(domain, dagan, fiscal_year, status=ImportJob.Status.CHECKING, progress=40)
    client.force_login(alice)
    page = client.get(_url(domain, "import", job)).content.decode()
    assert 'value="40"' in page and 'hx-trigger="every 1s"' in page and "Muat ulang" in page
    assert '<noscript><meta http-equiv="refresh" content="3"></noscript>' in page
    fragment = client.get(_url(domain, "import", job), headers={"HX-Request": "true"})
    assert "<html" not in fragment.content.decode() and "40%" in fragment.content.decode()
    ImportJob.objects.filter(pk=job.pk).update(status=ImportJob.Status.CHECKED)
    done = client.get(_url(domain, "import", job), headers={"HX-Request": "true"})
    assert done.status_code == 204 and done["HX-Refresh"] == "true"
    assert "refresh" not in client.get(_url(domain, "import", job)).content.decode()


def test_a_refused_job_shows_its_rows_and_no_counts_of_a_write_that_will_not_happen(
    client, alice, dagan, fiscal_year
):
    report = {
        "rows": 10,
        "good": 9,
        "refused": 1,
        "error_count": 1,
        "errors": [[4, "nik", "NIK tidak ada di data penduduk desa."]],
        "warning_count": 0,
        "warnings": [],
    }
    job = _job("welfare", dagan, fiscal_year, status=ImportJob.Status.REFUSED, report=report)
    client.force_login(alice)
    page = client.get(_url("welfare", "import", job)).content.decode()
    assert "1 dari 10 baris salah. Tidak ada yang diimpor" in page
    assert "9</strong> <span>baris benar" in page
    assert "ditambah" not in page and "Impor sekarang" not in page


def test_confirming_writes_once(client, alice, dagan, fiscal_year, monkeypatch):
    ran = []
    monkeypatch.setattr("balai.imports.pipeline.job_apply", lambda **kw: ran.append(kw))
    job = _job("population", dagan, fiscal_year)
    client.force_login(alice)
    for _ in range(2):
        response = client.post(_url("population", "import_confirm", job))
        assert response.status_code == 302
    assert ran == [{"job_id": job.pk}]
    assert ImportJob.objects.get().status == ImportJob.Status.IMPORTING


def test_a_refused_job_cannot_be_confirmed(client, alice, dagan, fiscal_year):
    job = _job("budget", dagan, fiscal_year, status=ImportJob.Status.REFUSED)
    client.force_login(alice)
    client.post(_url("budget", "import_confirm", job))
    assert ImportJob.objects.get().status == ImportJob.Status.REFUSED


def test_the_report_download_lists_every_refused_row_and_the_warnings_apart(
    client, alice, dagan, fiscal_year
):
    errors = [[n, "nik", f"alasan {n}"] for n in range(2, 15_002)]  # more than the page keeps
    job = _job(
        "population",
        dagan,
        fiscal_year,
        status=ImportJob.Status.REFUSED,
        report={"errors": errors[:10_000], "error_count": 15_000, "warnings": []},
    )
    from balai.imports.pipeline import _save_json

    job.file.save("impor.xlsx", io.BytesIO(b"PK"), save=True)
    _save_json(job, "laporan", {"errors": errors, "warnings": [[3, "nik", "=HYPERLINK(1)"]]})
    client.force_login(alice)
    response = client.get(_url("population", "import_report", job))
    assert "no-store" in response["Cache-Control"]
    book = CalamineWorkbook.from_filelike(io.BytesIO(response.content))
    refused = book.get_sheet_by_index(0).to_python()
    assert refused[0] == ["baris", "kolom", "alasan"] and len(refused) == 15_001
    assert refused[-1] == [15001.0, "nik", "alasan 15001"]
    notes = book.get_sheet_by_name("peringatan").to_python()
    assert notes[1] == [3.0, "nik", "=HYPERLINK(1)"]  # text, never a formula
