"""The import template a secretary downloads: Indonesian headers with hints, dropdowns from the
code lists on a hidden sheet, a frozen header, a one-page guide, and a sheet filled with the
dropdowns' labels imports as it is."""

from __future__ import annotations

import io
import re
import zipfile

from django.urls import reverse
from python_calamine import CalamineWorkbook

from balai.imports.models import ImportJob
from balai.population.import_rows import COLUMNS
from balai.population.models import Resident
from balai.population.tests.conftest import family, upload, xlsx_bytes


def _template(client) -> bytes:
    url = reverse("population_dashboard:template", kwargs={"slug": "dagan"})
    response = client.get(url)
    assert response.status_code == 200
    return response.content


def _part(content: bytes, name: str) -> str:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return archive.read(name).decode()


def test_the_template_has_indonesian_headers_with_hints_and_a_guide(admin_client, dagan):
    content = _template(admin_client)
    book = CalamineWorkbook.from_filelike(io.BytesIO(content))
    assert book.sheet_names == ["penduduk", "Petunjuk", "Kode"]
    header = book.get_sheet_by_name("penduduk").to_python()[0]
    assert len(header) == len(COLUMNS)
    assert "Hubungan dalam keluarga * (pilih)" in header
    assert "Tanggal lahir * (tttt-bb-hh)" in header
    assert "NIK *" in header and "kk_level" not in header
    guide = " ".join(str(c) for row in book.get_sheet_by_name("Petunjuk").to_python() for c in row)
    assert "Petunjuk mengisi data penduduk" in guide and "No. KK yang sama" in guide
    # Every header cell has a comment saying what goes in the column.
    comments = _part(content, "xl/comments1.xml")
    assert comments.count("<comment ") == len(COLUMNS)
    assert "Pilih dari daftar" in comments


def test_the_template_has_dropdowns_a_frozen_header_and_a_hidden_code_sheet(admin_client, dagan):
    content = _template(admin_client)
    data = _part(content, "xl/worksheets/sheet1.xml")
    assert re.search(
        r'<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"', data
    )
    validations = re.findall(
        r'<dataValidation type="list"[^>]*sqref="(?P<c>[A-Z]+)2:(?P=c)100001"', data
    )
    relation = COLUMNS.index("kk_level")
    assert len(validations) == 16
    assert "<formula1>'Kode'!$G$2:$G$12</formula1>" in data  # kk_level: the 7th coded list
    assert chr(ord("A") + relation) in validations
    workbook = _part(content, "xl/workbook.xml")
    assert re.search(r'<sheet name="Kode" sheetId="3" state="hidden"', workbook)
    codes = CalamineWorkbook.from_filelike(io.BytesIO(content)).get_sheet_by_name("Kode")
    column = codes.to_python()
    assert column[0][6] == "Hubungan dalam keluarga"
    assert [row[6] for row in column[1:12]][:3] == ["KEPALA KELUARGA", "SUAMI", "ISTRI"]


def test_a_template_filled_with_the_dropdown_labels_imports(admin_client, dagan):
    content = _template(admin_client)
    book = CalamineWorkbook.from_filelike(io.BytesIO(content))
    headers = book.get_sheet_by_name("penduduk").to_python()[0]
    lists = book.get_sheet_by_name("Kode").to_python()
    labels = {lists[0][c]: [r[c] for r in lists[1:] if r[c]] for c in range(len(lists[0]))}
    rows = family(1)
    # What a secretary picks from the dropdowns instead of codes.
    for row, relation in zip(rows, ("KEPALA KELUARGA", "ISTRI", "ANAK"), strict=True):
        row["kk_level"] = relation
        row["sex"] = "PEREMPUAN" if relation == "ISTRI" else "LAKI-LAKI"
        row["status_dasar"] = labels["Status dasar"][0]
        row["pekerjaan_id"] = labels["Pekerjaan"][8]
        row["golongan_darah_id"] = labels["Golongan darah"][2]
        row["id_asuransi"] = labels["Asuransi kesehatan"][1]
    filled = xlsx_bytes(rows, columns=list(COLUMNS))
    # The same rows under the template's own header cells.
    filled = _with_header(filled, headers)
    url = reverse("population_dashboard:imports", kwargs={"slug": "dagan"})
    admin_client.post(url, {"file": upload(filled)}, follow=True)
    job = ImportJob.objects.get()
    assert job.status == ImportJob.Status.CHECKED, job.report.get("errors") or job.failure
    confirm = reverse("population_dashboard:import_confirm", kwargs={"slug": "dagan", "pk": job.pk})
    admin_client.post(confirm)
    head = Resident.objects.for_village(dagan).get(family_relation=1)
    assert (head.blood_type, head.insurance, head.status, head.occupation) == (3, 2, 1, 9)
    assert Resident.objects.for_village(dagan).get(family_relation=3).sex == 2


def _with_header(content: bytes, headers: list[str]) -> bytes:
    rows = CalamineWorkbook.from_filelike(io.BytesIO(content)).get_sheet_by_index(0).to_python()
    import xlsxwriter

    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    sheet = book.add_worksheet("penduduk")
    sheet.write_row(0, 0, headers)
    for r, row in enumerate(rows[1:], start=1):
        for c, value in enumerate(row):
            sheet.write_string(r, c, str(value))
    book.close()
    return out.getvalue()


def test_opensid_headers_still_import(admin_client, dagan):
    url = reverse("population_dashboard:imports", kwargs={"slug": "dagan"})
    admin_client.post(url, {"file": upload(xlsx_bytes(family(1)))}, follow=True)
    assert ImportJob.objects.get().status == ImportJob.Status.CHECKED
