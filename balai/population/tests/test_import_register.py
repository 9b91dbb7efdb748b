"""An admin imports the register: dry run first, then an all-or-nothing write; bad rows are
reported by row, column and reason; re-importing the same file changes nothing."""

from __future__ import annotations

import io
import zipfile

import xlsxwriter
from django.urls import reverse
from python_calamine import CalamineWorkbook

from balai.audit.models import AuditEntry
from balai.imports.models import ImportJob
from balai.population.models import Area, Family, PopulationFigure, Resident
from balai.population.tests.conftest import HEAD, family, upload, xlsx_bytes


def _upload(client, content: bytes, name: str = "penduduk.xlsx"):
    url = reverse("population_dashboard:imports", kwargs={"slug": "dagan"})
    return client.post(url, {"file": upload(content, name)}, follow=True)


def _confirm(client, imp: ImportJob):
    url = reverse("population_dashboard:import_confirm", kwargs={"slug": "dagan", "pk": imp.pk})
    return client.post(url, follow=True)


def test_a_clean_file_is_checked_first_and_written_only_after_confirming(admin_client, dagan):
    rows = family(1) + family(2, "Dusun II")
    response = _upload(admin_client, xlsx_bytes(rows))
    assert "Semua baris benar" in response.content.decode()
    assert not Resident.objects.exists()
    imp = ImportJob.objects.get()
    assert imp.report["changes"]["added"] == 6
    response = _confirm(admin_client, imp)
    assert "sudah diimpor" in response.content.decode()
    assert Resident.objects.for_village(dagan).count() == 6
    assert Family.objects.for_village(dagan).count() == 2
    assert Area.objects.for_village(dagan).count() == 2
    assert PopulationFigure.objects.for_village(dagan).filter(category="umur").exists()
    assert AuditEntry.objects.filter(action="population.import").exists()
    child = Resident.objects.get(name="BAYU PRATAMA 1")
    assert (child.sex, child.family_relation, child.marital_status) == (1, 4, 1)


def test_reimporting_the_same_file_changes_nothing(admin_client, dagan):
    content = xlsx_bytes(family(1))
    _upload(admin_client, content)
    _confirm(admin_client, ImportJob.objects.get())
    before = list(Resident.objects.values_list("pk", "updated_at"))
    _upload(admin_client, content)
    second = ImportJob.objects.first()
    changes = second.report["changes"]
    assert (changes["added"], changes["updated"], changes["unchanged"]) == (0, 0, 3)
    _confirm(admin_client, second)
    assert list(Resident.objects.values_list("pk", "updated_at")) == before


def test_a_file_with_bad_rows_imports_nothing_and_names_each_row_and_column(admin_client, dagan):
    rows = family(1) + family(2)
    rows[1] = {**rows[1], "nik": "33030955"}  # too short
    rows[3] = {**rows[3], "sex": "X"}
    rows[4] = {**rows[4], "tanggallahir": "2090-01-01"}
    rows[5] = {**rows[5], "kk_level": "1"}  # a second head in family 2
    response = _upload(admin_client, xlsx_bytes(rows))
    page = response.content.decode()
    assert "Tidak ada yang diimpor" in page
    errors = {(n, c) for n, c, _r in ImportJob.objects.get().report["errors"]}
    assert {(3, "nik"), (5, "sex"), (6, "tanggallahir"), (7, "kk_level")} <= errors
    assert "Isi NIK dengan 16 angka" in page
    assert not Resident.objects.exists()
    assert "Impor sekarang" not in page


def test_the_report_downloads_as_a_spreadsheet(admin_client, dagan):
    rows = family(1)
    rows[0] = {**rows[0], "nama": ""}
    _upload(admin_client, xlsx_bytes(rows))
    imp = ImportJob.objects.get()
    url = reverse("population_dashboard:import_report", kwargs={"slug": "dagan", "pk": imp.pk})
    book = CalamineWorkbook.from_filelike(io.BytesIO(admin_client.get(url).content))
    rows = book.get_sheet_by_index(0).to_python()
    assert rows[1][:2] == [2.0, "nama"] and "Nama wajib diisi" in rows[1][2]


def test_a_nik_rounded_by_excel_is_reported_not_imported(admin_client, dagan):
    content = xlsx_bytes(family(1), numbers={(1, "nik"): 3303091203750001.0})
    _upload(admin_client, content)
    report = ImportJob.objects.get().report
    assert any(c == "nik" and "membulatkannya" in r for _n, c, r in report["errors"])


def test_a_family_without_a_head_and_a_child_older_than_its_parent_are_refused(admin_client, dagan):
    rows = family(1)[1:] + family(2)
    rows[4] = {**rows[4], "tanggallahir": "1950-01-01"}  # child of family 2, older than its father
    _upload(admin_client, xlsx_bytes(rows))
    reasons = " ".join(r for _n, _c, r in ImportJob.objects.get().report["errors"])
    assert "tidak punya kepala keluarga" in reasons
    assert "lebih tua dari kepala keluarga" in reasons


def test_nik_zero_is_accepted_with_a_warning(admin_client, dagan):
    rows = family(1)
    rows[2] = {**rows[2], "nik": "0"}
    _upload(admin_client, xlsx_bytes(rows))
    imp = ImportJob.objects.get()
    assert imp.status == "checked"
    assert any("Belum punya NIK" in r for _n, _c, r in imp.report["warnings"])


def test_missing_and_unknown_columns_are_named(admin_client, dagan):
    columns = [c for c in xlsx_columns() if c != "nik"] + ["hobi"]
    _upload(admin_client, xlsx_bytes(family(1), columns=columns))
    error = ImportJob.objects.get().failure
    assert "nik" in error and "hobi" in error


def xlsx_columns():
    from balai.population.import_rows import COLUMNS

    return list(COLUMNS)


def test_a_csv_with_labels_and_abbreviations_imports(admin_client, dagan):
    columns = xlsx_columns()
    lines = [",".join(columns)] + [",".join(str(r.get(c, "")) for c in columns) for r in family(1)]
    _upload(admin_client, "\n".join(lines).encode(), "penduduk.csv")
    assert ImportJob.objects.get().report["changes"]["added"] == 3


def test_a_file_that_is_not_a_spreadsheet_is_refused(admin_client, dagan):
    response = _upload(admin_client, b"%PDF-1.4 bukan spreadsheet", "data.xlsx")
    assert "bukan .xlsx" in response.content.decode()
    assert not ImportJob.objects.exists()


def test_a_zip_bomb_is_refused_without_unpacking(admin_client, dagan):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"0" * (450 * 1024 * 1024))
    response = _upload(admin_client, out.getvalue())
    assert "terlalu besar" in response.content.decode()
    assert not ImportJob.objects.exists()


def test_an_empty_file_is_refused(admin_client, dagan):
    response = _upload(admin_client, b"", "kosong.csv")
    assert response.status_code == 200
    assert not ImportJob.objects.exists()


def test_the_template_headers_name_every_column_in_order(admin_client, dagan):
    from balai.population.importers import ResidentsImporter

    url = reverse("population_dashboard:template", kwargs={"slug": "dagan"})
    book = CalamineWorkbook.from_filelike(io.BytesIO(admin_client.get(url).content))
    header = book.get_sheet_by_index(0).to_python()[0]
    index, missing, unknown = ResidentsImporter.columns.locate(header)
    assert index == list(range(len(xlsx_columns()))) and not missing and not unknown
    assert HEAD["kk_level"] == "1"


def test_the_export_reimports_unchanged_and_is_logged(admin_client, dagan):
    _upload(admin_client, xlsx_bytes(family(1)))
    _confirm(admin_client, ImportJob.objects.get())
    response = admin_client.post(reverse("population_dashboard:export", kwargs={"slug": "dagan"}))
    content = b"".join(response.streaming_content)
    assert AuditEntry.objects.filter(action="population.export").exists()
    _upload(admin_client, content)
    assert ImportJob.objects.first().report["changes"]["unchanged"] == 3


def test_a_sheet_with_formulas_is_refused_with_a_clear_message(admin_client, dagan):
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    sheet = book.add_worksheet()
    sheet.write_row(0, 0, xlsx_columns())
    sheet.write_formula(1, 4, '=UPPER("sugeng")')
    book.close()
    _upload(admin_client, out.getvalue())
    assert "rumus" in ImportJob.objects.get().failure


def test_merged_cells_are_refused(admin_client, dagan):
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    sheet = book.add_worksheet()
    sheet.write_row(0, 0, xlsx_columns())
    for c, column in enumerate(xlsx_columns()):
        sheet.write_string(1, c, str(family(1)[0].get(column, "")))
    sheet.merge_range(2, 0, 3, 0, "Jl. Melati 3")
    book.close()
    _upload(admin_client, out.getvalue())
    assert "digabung" in ImportJob.objects.get().failure
