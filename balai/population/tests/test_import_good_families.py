"""A refused register file stays all or nothing unless the admin chooses, with a second
button and a confirmation, to import the families without a refused row: every family with
one is held back, listed by row, and downloadable as a sheet of the same columns that imports
once fixed."""

from __future__ import annotations

import io

import xlsxwriter
from django.urls import reverse
from python_calamine import CalamineWorkbook

from balai.imports.models import ImportJob
from balai.population.import_rows import COLUMNS
from balai.population.models import Family, Resident
from balai.population.tests.conftest import family, upload, xlsx_bytes
from balai.population.tests.test_import_marked_report import comments, fills


def _upload(client, content: bytes) -> ImportJob:
    url = reverse("population_dashboard:imports", kwargs={"slug": "dagan"})
    client.post(url, {"file": upload(content)}, follow=True)
    return ImportJob.objects.first()


def _url(name: str, job: ImportJob) -> str:
    return reverse(f"population_dashboard:{name}", kwargs={"slug": "dagan", "pk": job.pk})


def _rows() -> list[dict]:
    rows = family(1) + family(2) + family(3) + family(4)
    rows[4] = {**rows[4], "nik": "33030955"}  # family 2, row 6
    rows[6] = {**rows[6], "sex": "X"}  # family 3, row 8
    return rows


def test_the_report_offers_the_good_families_with_counts(admin_client, dagan):
    job = _upload(admin_client, xlsx_bytes(_rows()))
    assert job.status == ImportJob.Status.REFUSED
    partial = job.report["partial"]
    assert (partial["rows"], partial["groups"]) == (6, 2)
    assert (partial["held_rows"], partial["held_groups"]) == (6, 2)
    assert partial["held"] == ["5", "6", "7", "8", "9", "10"]
    assert partial["changes"]["added"] == 6
    page = admin_client.get(_url("import", job)).content.decode()
    assert "Impor keluarga yang benar saja" in page and "Impor sekarang" not in page
    confirm = admin_client.get(_url("import_partial", job)).content.decode()
    assert "Ya, impor 2 keluarga" in confirm and "5, 6, 7, 8, 9, 10" in confirm
    assert not Resident.objects.exists()  # looking is not importing


def test_all_or_nothing_stays_the_default(admin_client, dagan):
    job = _upload(admin_client, xlsx_bytes(_rows()))
    admin_client.post(_url("import_confirm", job))
    job.refresh_from_db()
    assert job.status == ImportJob.Status.REFUSED
    assert not Resident.objects.exists()


def test_importing_the_good_families_holds_back_the_others(admin_client, dagan):
    job = _upload(admin_client, xlsx_bytes(_rows()))
    page = admin_client.post(_url("import_partial", job), follow=True).content.decode()
    job.refresh_from_db()
    assert job.status == ImportJob.Status.DONE
    assert job.report["written"]["added"] == 6
    names = set(Resident.objects.for_village(dagan).values_list("name", flat=True))
    assert names == {
        f"{n} {i}" for i in (1, 4) for n in ("SUGENG RIYADI", "SITI AMINAH", "BAYU PRATAMA")
    }
    assert "Baris yang ditahan" in page and "5, 6, 7, 8, 9, 10" in page


def test_the_held_back_sheet_fixed_completes_the_register(admin_client, dagan):
    job = _upload(admin_client, xlsx_bytes(_rows()))
    admin_client.post(_url("import_partial", job))
    response = admin_client.get(_url("import_held", job))
    assert "no-store" in response["Cache-Control"]
    content = b"".join(response.streaming_content)
    book = CalamineWorkbook.from_filelike(io.BytesIO(content))
    rows = book.get_sheet_by_index(0).to_python()
    assert rows[0] == list(COLUMNS) and len(rows) == 7  # the header and the 6 held rows
    assert fills(content)[f"{chr(65 + COLUMNS.index('nik'))}3"]  # row 6 of the upload
    assert any("ditahan bersama keluarganya" in text for text in comments(content).values())
    # The secretary fixes the two red cells and uploads the sheet again.
    fixed = [dict(zip(COLUMNS, map(str, row), strict=True)) for row in rows[1:]]
    fixed[1]["nik"] = family(2)[1]["nik"]
    fixed[3]["sex"] = "P"
    again = _upload(admin_client, _xlsx(fixed))
    assert again.status == ImportJob.Status.CHECKED, again.report.get("errors")
    assert again.report["changes"] == {"added": 6, "updated": 0, "unchanged": 0, "removed": 0}
    admin_client.post(_url("import_confirm", again))
    assert Resident.objects.for_village(dagan).count() == 12
    assert Family.objects.for_village(dagan).count() == 4


def _xlsx(rows: list[dict]) -> bytes:
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    sheet = book.add_worksheet()
    sheet.write_row(0, 0, COLUMNS)
    for r, row in enumerate(rows, start=1):
        sheet.write_row(r, 0, [row[c] for c in COLUMNS])
    book.close()
    return out.getvalue()


def test_a_nik_on_two_families_holds_both_back(admin_client, dagan):
    rows = family(1) + family(2) + family(3)
    rows[5] = {**rows[5], "nik": rows[2]["nik"]}  # family 2's child has family 1's child's NIK
    job = _upload(admin_client, xlsx_bytes(rows))
    assert {n for n, _c, _r in job.report["errors"]} == {7}
    partial = job.report["partial"]
    assert partial["held"] == ["2", "3", "4", "5", "6", "7"] and partial["groups"] == 1
    admin_client.post(_url("import_partial", job))
    assert Resident.objects.for_village(dagan).count() == 3


def test_a_row_without_a_valid_kk_is_held_alone(admin_client, dagan):
    rows = family(1) + family(2)
    rows[5] = {**rows[5], "no_kk": "123"}  # family 2's child: the KK is wrong, the rest right
    job = _upload(admin_client, xlsx_bytes(rows))
    assert job.report["partial"]["held"] == ["7"]
    admin_client.post(_url("import_partial", job))
    assert Resident.objects.for_village(dagan).count() == 5


def test_a_file_where_every_family_is_refused_offers_no_choice(admin_client, dagan):
    rows = family(1)
    rows[0] = {**rows[0], "sex": "X"}
    job = _upload(admin_client, xlsx_bytes(rows))
    assert "partial" not in job.report
    assert (
        "Impor keluarga yang benar saja"
        not in admin_client.get(_url("import", job)).content.decode()
    )
    admin_client.post(_url("import_partial", job))
    assert ImportJob.objects.get(pk=job.pk).status == ImportJob.Status.REFUSED
