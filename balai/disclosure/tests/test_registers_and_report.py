"""The request and objection registers export as xlsx and PDF for staff (with identities, and
audit-logged); the annual report on the public site is built from them without identities."""

from __future__ import annotations

import io
from datetime import date

import pytest
from python_calamine import CalamineWorkbook

from balai.audit.models import AuditEntry
from balai.disclosure import services
from balai.disclosure.tests.conftest import make_request

pytestmark = pytest.mark.django_db


@pytest.fixture
def history(dagan, alice):
    a = make_request(dagan, received_on=date(2026, 3, 16))
    services.request_decide(
        info=a,
        decision="partly",
        answer="Sebagian.",
        actor=alice,
        redaction_reason="NIK dihitamkan",
        decided_on=date(2026, 3, 26),
    )
    b = make_request(
        dagan, received_on=date(2026, 4, 1), name="Slamet Riyadi", id_number="3303091212800003"
    )
    services.request_decide(
        info=b,
        decision="refused",
        answer="Tidak.",
        actor=alice,
        exemption_ground="Pasal 17 huruf h",
        decided_on=date(2026, 4, 20),
    )
    services.objection_file(
        info=b, grounds=["a"], statement="Keberatan.", filed_on=date(2026, 4, 22)
    )
    make_request(dagan, received_on=date(2026, 5, 4))
    return a, b


def test_the_request_register_downloads_as_excel_with_the_standard_columns(client, alice, history):
    client.force_login(alice)
    response = client.get("/dasbor/dagan/ppid/register/permohonan.xlsx")
    assert response["Content-Disposition"].endswith('.xlsx"')
    sheet = CalamineWorkbook.from_filelike(io.BytesIO(response.content)).get_sheet_by_index(0)
    rows = sheet.to_python()
    assert rows[0][:5] == ["No.", "Nomor registrasi", "Tanggal diterima", "Cara", "Nama"]
    assert len(rows) == 4
    assert rows[1][13] == "Diberikan sebagian" and rows[1][14] == "NIK dihitamkan"
    assert AuditEntry.objects.filter(action="ppid.register_export").count() == 1


@pytest.mark.parametrize("kind", ["permohonan", "keberatan"])
def test_both_registers_download_as_pdf(client, alice, history, kind):
    client.force_login(alice)
    response = client.get(f"/dasbor/dagan/ppid/register/{kind}.pdf")
    assert response.content.startswith(b"%PDF-")


def test_an_unknown_register_is_404(client, alice, history):
    client.force_login(alice)
    assert client.get("/dasbor/dagan/ppid/register/warga.xlsx").status_code == 404
    assert client.get("/dasbor/dagan/ppid/register/permohonan.exe").status_code == 404


def test_the_annual_report_counts_without_naming_anyone(client, dagan, history):
    response = client.get("/desa/dagan/ppid/laporan/2026/")
    report = response.context["report"]
    assert report["total"] == 3 and report["open"] == 1
    assert dict(report["decisions"])["Diberikan sebagian"] == 1
    assert report["max_days"] == 12 and report["avg_days"] == 7.5  # 3 and 12 working days
    assert report["objections"] == 1
    body = response.content.decode()
    for secret in ("Wartini", "Slamet Riyadi", "3303091212800003", "wartini@contoh.id"):
        assert secret not in body
    assert "Pasal 17 huruf h" in body


def test_viewing_a_request_in_the_dashboard_is_audit_logged(client, alice, history):
    client.force_login(alice)
    client.get(f"/dasbor/dagan/ppid/permohonan/{history[0].pk}/")
    assert AuditEntry.objects.filter(action="ppid.request_view", target=history[0].number).exists()


def test_the_queue_page_does_a_fixed_number_of_queries(
    client, dagan, alice, history, django_assert_max_num_queries
):
    for day in range(5, 25):
        make_request(dagan, received_on=date(2026, 6, day % 28 + 1))
    client.force_login(alice)
    with django_assert_max_num_queries(17):
        response = client.get("/dasbor/dagan/ppid/")
    assert response.status_code == 200
    assert len(response.context["queue"]) == 21
    # Each waiting request shows one line of what was asked.
    assert "Rincian APB Desa 2026 bidang pembangunan." in response.content.decode()


def test_text_that_looks_like_a_formula_stays_text_in_the_register(client, dagan, alice):
    make_request(dagan, received_on=date(2026, 3, 16), information='=HYPERLINK("http://x")')
    client.force_login(alice)
    response = client.get("/dasbor/dagan/ppid/register/permohonan.xlsx")
    import zipfile

    sheet = zipfile.ZipFile(io.BytesIO(response.content)).read("xl/worksheets/sheet1.xml")
    assert b"<f>" not in sheet


def test_text_that_looks_like_a_formula_is_defused_in_the_dip_csv(client, dagan):
    from balai.disclosure.models import DipItem

    DipItem.objects.create(village=dagan, year=2026, category="setiap_saat", title="=1+1")
    body = client.get("/desa/dagan/ppid/dip/2026.csv").content.decode("utf-8-sig")
    assert "'=1+1" in body
