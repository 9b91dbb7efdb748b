"""Every import's upload form refuses what is not a spreadsheet by its bytes, whatever its
name: a web page, an SVG, a PHP or HTML file posing as a PDF, a program. The message stands
beside the field, and no job is made."""

from __future__ import annotations

import pytest

from balai.imports.models import ImportJob
from balai.imports.tests.conftest import DOMAINS
from balai.lib.tests import files

CASES = {
    "halaman.xlsx": files.HTML,
    "gambar.csv": files.SVG,
    "surat.xls": files.HTML_AS_PDF,
    "skrip.ods": files.PHP_AS_PDF,
    "program.xlsx": b"MZ\x90\x00\x03" + bytes(range(256)),
}


@pytest.mark.parametrize("domain", DOMAINS)
@pytest.mark.parametrize("name", CASES)
def test_what_is_not_a_spreadsheet_is_refused_beside_the_field(upload, domain, name):
    response, job = upload(domain, CASES[name], name)
    page = response.content.decode()
    assert job is None and not ImportJob.objects.exists()
    assert 'class="error-message"' in page
    assert "bukan .xlsx, .xls, .ods atau .csv" in page or "halaman web (HTML)" in page


@pytest.mark.parametrize("domain", DOMAINS)
def test_the_stored_upload_has_a_random_name_and_the_extension_of_its_bytes(upload, domain):
    content = b"nik,no_kk,nama\n3303090101800001,3303090101010001,BUDI\n"
    _response, job = upload(domain, content, "data.php")
    name = job.file.name
    assert name.startswith("impor/") and name.endswith(".csv") and "data" not in name
    assert (job.kind, job.original_name, job.size) == ("csv", "data.php", len(content))
