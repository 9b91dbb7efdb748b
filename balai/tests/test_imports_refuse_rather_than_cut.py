"""A cell longer than the register keeps is refused by row and column, never cut short
silently: an import loses nothing it was given."""

from __future__ import annotations

import pytest
from django.urls import reverse

from balai.budget.tests.conftest import TEMPLATE_CSV, csv_upload, make_year
from balai.imports.models import ImportJob
from balai.population.tests.conftest import family
from balai.population.tests.conftest import upload as population_upload
from balai.population.tests.conftest import xlsx_bytes as population_xlsx
from balai.welfare.tests.conftest import nik, ranking_bytes, register  # noqa: F401 - fixture
from balai.welfare.tests.conftest import upload as welfare_upload

pytestmark = pytest.mark.django_db


def _refused(job: ImportJob) -> list[tuple[int, str]]:
    assert job.status == ImportJob.Status.REFUSED, job.report
    return [(row, column) for row, column, _reason in job.report["errors"]]


def test_population_address_cells(admin_client, dagan):
    rows = family(1, dusun="D" * 61)
    rows[1] = {**rows[1], "alamat": "J" * 201, "rt": "1" * 11}
    url = reverse("population_dashboard:imports", kwargs={"slug": "dagan"})
    admin_client.post(url, {"file": population_upload(population_xlsx(rows))})
    refused = _refused(ImportJob.objects.get())
    assert {(2, "dusun"), (3, "dusun"), (4, "dusun"), (3, "alamat"), (3, "rt")} <= set(refused)


def test_welfare_ranking_cells(client, alice, register):  # noqa: F811
    client.force_login(alice)
    rows = [{"nik": nik(1, 1), "desil": "1", "tanggal_data": "31-03-2026", "sumber": "S" * 41}]
    url = reverse("welfare_dashboard:imports", kwargs={"slug": "dagan"})
    client.post(url, {"programme": "", "file": welfare_upload(ranking_bytes(rows), "d.xlsx")})
    assert _refused(ImportJob.objects.latest("pk")) == [(2, "sumber")]


def test_budget_description(client, alice, dagan):
    client.force_login(alice)
    make_year(dagan, 2025)
    text = TEMPLATE_CSV.replace("Siltap kepala desa", "S" * 256)
    url = reverse("budget_dashboard:import_start", kwargs={"slug": "dagan", "year": 2025})
    client.post(url, {"file": csv_upload(text), "realised_on": "2025-06-30"})
    assert (5, "uraian") in _refused(ImportJob.objects.latest("pk"))
