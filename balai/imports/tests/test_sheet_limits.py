"""A sheet is measured from its structure before any cell is read: a 5 KB .xlsx whose only
cells are A1 and XFD1048576 would make the reader allocate 512 GiB and abort the worker. On
every import it is refused with a message naming the far cell, the worker (here, the test
process running the task) carries on, and the next file imports as usual. The same for a
sparse .ods and an .xls whose DIMENSIONS record or cells span 65,536 × 256."""

from __future__ import annotations

import pytest

from balai.imports.models import ImportJob
from balai.imports.tests import files
from balai.imports.tests.conftest import DOMAINS

HEADER = ["nik", "no_kk", "nama"]


def _sparse(kind: str) -> tuple[bytes, str, str]:
    if kind == "xlsx":
        return files.xlsx([HEADER], far=(1048575, 16383)), "jarang.xlsx", "XFD1048576"
    if kind == "ods":
        return files.ods([HEADER], gap_rows=1048574, gap_cols=16383), "jarang.ods", "XFD1048576"
    if kind == "xls-cells":
        return files.xls([(0, 0, "nik"), (65535, 255, 1.0)]), "lebar.xls", "IV65536"
    return (
        files.xls([(0, 0, "nik"), (1, 0, 1.0)], dimensions=(0, 65536, 0, 256)),
        "dimensi.xls",
        "IV65536",
    )


@pytest.mark.parametrize("domain", DOMAINS)
@pytest.mark.parametrize("kind", ["xlsx", "ods", "xls-cells", "xls-dimensions"])
def test_a_sheet_too_big_to_read_fails_naming_its_far_cell(upload, domain, kind):
    content, name, far = _sparse(kind)
    assert len(content) < 20_000  # a few kilobytes ask for gigabytes
    response, job = upload(domain, content, name)
    assert job.status == ImportJob.Status.FAILED
    assert far in job.failure and "terlalu besar untuk dibaca" in job.failure
    page = response.content.decode()
    assert far in page and "Unggah berkas lain" in page


@pytest.mark.parametrize("domain", DOMAINS)
def test_after_a_refused_sheet_the_next_file_is_read_as_usual(upload, domain):
    upload(domain, files.xlsx([HEADER], far=(1048575, 16383)))
    _response, job = upload(domain, files.xlsx([HEADER, ["x", "y", "z"]]))
    assert job.status != ImportJob.Status.FAILED or "terlalu besar" not in job.failure
    assert job.status in (ImportJob.Status.REFUSED, ImportJob.Status.FAILED)
    assert "XFD" not in job.failure


def test_styled_empty_cells_far_out_do_not_count(upload):
    """Formatting reaches far; values do not: the reader skips empty cells, and so does the
    measure."""
    import io

    import xlsxwriter

    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    sheet = book.add_worksheet()
    sheet.write_row(0, 0, HEADER)
    sheet.write_blank(1048575, 16383, None, book.add_format({"bold": True}))
    book.close()
    _response, job = upload("population", out.getvalue())
    assert "terlalu besar" not in job.failure
