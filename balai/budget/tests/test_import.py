"""Importing an APBDes spreadsheet: dry run first, every refused row reported, all or
nothing, and a re-import replaces the year while keeping the previous version."""

from __future__ import annotations

import io

import pytest
import xlsxwriter
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from balai.budget.models import BudgetLine, BudgetVersion, FiscalYear, Project
from balai.budget.tests.conftest import TEMPLATE_CSV, csv_upload, make_year
from balai.imports.models import ImportJob

pytestmark = pytest.mark.django_db


def start(client, year: int = 2025):
    return reverse("budget_dashboard:import_start", kwargs={"slug": "dagan", "year": year})


def upload(client, file, year: int = 2025):
    response = client.post(start(client, year), {"file": file, "realised_on": "2025-06-30"})
    assert response.status_code == 302, response.content.decode()[:2000]
    return ImportJob.objects.latest("pk"), client.get(response["Location"]).content.decode()


def confirm(client, job):
    url = reverse("budget_dashboard:import_confirm", kwargs={"slug": "dagan", "pk": job.pk})
    response = client.post(url)
    job.refresh_from_db()
    return response


def reasons(job) -> dict:
    return {(row, column): reason for row, column, reason in job.report["errors"]}


@pytest.fixture
def year_2025(dagan):
    return FiscalYear.objects.create(village=dagan, year=2025)


def test_a_good_file_is_checked_then_applied_on_confirmation(login, alice, year_2025):
    client = login(alice)
    job, page = upload(client, csv_upload())
    assert "7 baris siap diimpor" in page
    assert BudgetLine.objects.count() == 0  # the dry run wrote nothing
    assert confirm(client, job).status_code == 302
    assert job.status == ImportJob.Status.DONE
    year_2025.refresh_from_db()
    assert year_2025.line_count == 7
    assert year_2025.income_budget == 1_600_000_000
    assert year_2025.spending_realised == 578_000_000
    assert str(year_2025.realised_until) == "2025-06-30"


def test_every_bad_row_is_reported_with_row_column_and_reason_and_nothing_is_written(
    login, alice, year_2025
):
    bad = (
        "kegiatan;kode;uraian;sumber;anggaran;perubahan;realisasi\n"
        ";4;PENDAPATAN;;2.000.000;;\n"
        ";4.2.1.01;Dana Desa;;1.000.000;;\n"
        ";4.9.9.99;Tidak ada;;5.000;;\n"
        "2.3.10;5.3.5.03;Bahan;DDS;-500;;\n"
        "2.3.10;5.3.5.02;Upah;DDS;satu juta;;\n"
        "2.3.10;5.3.5.02;Upah;DDS;100;;\n"
        "2.3.10;5.3.5.02;Upah lagi;DDS;100;;\n"
        "2.3.10;5.3.5.01;Honor;XYZ;100;;\n"
        ";5.3;BELANJA BIDANG 3;;300;;\n"
    )
    client = login(alice)
    job, page = upload(client, csv_upload(bad))
    assert job.status == ImportJob.Status.REFUSED
    found = reasons(job)
    assert "4.9.9.99 tidak ada di Permendagri" in found[(4, "kode")]
    assert found[(5, "anggaran")] == "jumlah tidak boleh negatif"
    assert "bukan jumlah uang" in found[(6, "anggaran")]
    assert "baris ganda" in found[(8, "kode")]
    assert "sumber dana “XYZ” tidak dikenal" in found[(9, "sumber")]
    # 5.3 has refused rows under it: it is not summed, it waits for them to be fixed.
    assert (10, "anggaran") not in found
    assert "Tidak ada yang diimpor" in page and "jumlah tidak boleh negatif" in page
    assert BudgetLine.objects.count() == 0
    confirm(client, job)
    assert BudgetLine.objects.count() == 0


def test_a_subtotal_is_compared_with_the_sum_of_its_rows(login, alice, year_2025):
    bad = (
        "kegiatan;kode;uraian;sumber;anggaran;perubahan;realisasi\n"
        ";4;PENDAPATAN;;2.000.000;;\n"
        ";4.2.1.01;Dana Desa;;1.000.000;;\n"
        ";4.2.3.01;ADD;;500.000;;\n"
    )
    job, _page = upload(login(alice), csv_upload(bad))
    assert "tidak sama dengan jumlah rinciannya (1.500.000)" in reasons(job)[(2, "anggaran")]


def test_a_correct_total_is_not_called_wrong_because_a_row_under_it_was_refused(
    login, alice, year_2025
):
    """The total is right (1.005.000): the row of 5.000 under it is refused for its unknown
    code, so the total cannot be checked yet; it is not reported as a wrong sum."""
    bad = (
        "kegiatan;kode;uraian;sumber;anggaran;perubahan;realisasi\n"
        ";4;PENDAPATAN;;1.005.000;;\n"
        ";4.2.1.01;Dana Desa;;1.000.000;;\n"
        ";4.9.9.99;Tidak ada;;5.000;;\n"
    )
    job, page = upload(login(alice), csv_upload(bad))
    assert job.status == ImportJob.Status.REFUSED
    assert list(reasons(job)) == [(4, "kode")]
    assert "tidak sama dengan jumlah rinciannya" not in page
    notes = {(row, column): reason for row, column, reason in job.report["warnings"]}
    assert "belum dapat diperiksa sampai baris 4 diperbaiki" in notes[(2, "anggaran")]


def test_a_file_without_the_template_columns_is_refused_plainly(login, alice, year_2025):
    job, page = upload(login(alice), csv_upload("nama,jumlah\nDana Desa,1000\n"))
    assert job.status == ImportJob.Status.FAILED
    assert "kolom yang tidak ada: kode, anggaran" in page


def test_an_xlsx_file_is_read_too(login, alice, year_2025):
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out)
    sheet = book.add_worksheet()
    for r, line in enumerate(TEMPLATE_CSV.strip().splitlines()):
        for c, cell in enumerate(line.split(";")):
            if cell.isdigit():
                sheet.write_number(r, c, int(cell))
            else:
                sheet.write(r, c, cell)
    sheet.write_number(2, 4, 1_000_000_000)  # a real number cell, not text
    book.close()
    job, _page = upload(login(alice), SimpleUploadedFile("apbdes.xlsx", out.getvalue()))
    assert job.status == ImportJob.Status.CHECKED, job.report
    assert job.report["summary"]["lines"] == 7


def test_reimport_replaces_the_year_keeps_the_previous_version_and_project_links(
    login, alice, dagan
):
    fy = make_year(dagan, 2025)
    line = BudgetLine.objects.get(fiscal_year=fy, account__code="5.3.5.03")
    project = Project.objects.create(village=dagan, fiscal_year=fy, name="Jalan", slug="jalan")
    project.lines.add(line)
    client = login(alice)
    job, _page = upload(client, csv_upload())
    confirm(client, job)
    version = BudgetVersion.objects.get(fiscal_year=fy)
    assert len(version.lines) == 6
    assert version.summary["totals"]["spending"][0] == 1_300_000_000
    fy.refresh_from_db()
    assert fy.spending_budget == 1_106_000_000
    assert project.lines.get().account.code == "5.3.5.03"
    page = client.get(reverse("budget_dashboard:year", kwargs={"slug": "dagan", "year": 2025}))
    assert "menggantikan 6 baris; versi sebelumnya tersimpan" in page.content.decode()
    # The same file again: reported as unchanged, and applying it changes nothing.
    again, page = upload(client, csv_upload())
    assert "sama persis" in page
    assert again.report["changes"] == {"added": 0, "updated": 0, "unchanged": 7, "removed": 0}
    confirm(client, again)
    fy.refresh_from_db()
    assert fy.spending_budget == 1_106_000_000 and fy.line_count == 7


def test_the_template_can_be_downloaded(login, alice):
    response = login(alice).get(
        reverse("budget_dashboard:import_template", kwargs={"slug": "dagan"})
    )
    assert "kegiatan;kode;uraian;sumber;anggaran;perubahan;realisasi" in response.content.decode(
        "utf-8-sig"
    )


def _apply_queries(client, dagan, year: int, linked: int) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    fy = make_year(dagan, year)
    spending = BudgetLine.objects.filter(fiscal_year=fy, kind="spending").order_by("pk")
    for n, line in enumerate(spending[:linked]):
        project = Project.objects.create(
            village=dagan, fiscal_year=fy, name=f"P{n}", slug=f"p{year}-{n}"
        )
        project.lines.add(line)
    job, _page = upload(client, csv_upload(), year=year)
    with CaptureQueriesContext(connection) as ctx:
        confirm(client, job)
    assert job.status == ImportJob.Status.DONE
    assert Project.objects.filter(fiscal_year=fy, lines__isnull=False).distinct().count() == linked
    return len(ctx)


def test_applying_an_import_costs_no_query_per_line_linked_to_a_project(login, alice, dagan):
    client = login(alice)
    assert _apply_queries(client, dagan, 2025, linked=1) == _apply_queries(
        client, dagan, 2026, linked=3
    )
