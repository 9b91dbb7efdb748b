"""The APBDes import judges a file by its bytes: a binary, a picture or a document under a
spreadsheet's name is refused at once with a message (it used to be accepted and leave its
batch "being checked"); formula-like text in a description is kept as text."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from balai.budget.models import BudgetLine, FiscalYear
from balai.budget.tests.conftest import csv_upload
from balai.imports.models import ImportJob

pytestmark = pytest.mark.django_db

BINARIES = {
    "program.xlsx": b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 4,
    "foto.xls": b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(200),
    "surat.csv": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n",
    "acak.ods": bytes(range(256)) * 8,
}


@pytest.fixture
def year_2025(dagan):
    return FiscalYear.objects.create(village=dagan, year=2025)


@pytest.mark.parametrize("name", BINARIES)
def test_a_file_that_is_not_a_table_is_refused_by_its_bytes(login, alice, year_2025, name):
    url = reverse("budget_dashboard:import_start", kwargs={"slug": "dagan", "year": 2025})
    response = login(alice).post(url, {"file": SimpleUploadedFile(name, BINARIES[name])})
    assert response.status_code == 200
    assert "bukan .xlsx, .xls, .ods atau .csv" in response.content.decode()
    assert not ImportJob.objects.exists()


def test_a_zip_that_is_not_a_siskeudes_export_fails_with_a_message(login, alice, year_2025):
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("foto.jpg", b"\xff\xd8\xff")
    url = reverse("budget_dashboard:import_start", kwargs={"slug": "dagan", "year": 2025})
    response = login(alice).post(
        url, {"file": SimpleUploadedFile("apbdes.zip", out.getvalue())}, follow=True
    )
    job = ImportJob.objects.get()
    assert job.status == ImportJob.Status.FAILED and "bukan ekspor Siskeudes" in job.failure
    assert job.failure in response.content.decode()


def test_a_description_that_starts_like_a_formula_is_kept_as_text(login, alice, year_2025):
    text = (
        "kegiatan;kode;uraian;sumber;anggaran;perubahan;realisasi\n"
        ';4.2.1.01;=HYPERLINK("http://contoh.invalid");;1.000.000;;\n'
    )
    client = login(alice)
    url = reverse("budget_dashboard:import_start", kwargs={"slug": "dagan", "year": 2025})
    client.post(url, {"file": csv_upload(text)})
    job = ImportJob.objects.get()
    client.post(reverse("budget_dashboard:import_confirm", kwargs={"slug": "dagan", "pk": job.pk}))
    assert BudgetLine.objects.get().description == '=HYPERLINK("http://contoh.invalid")'
