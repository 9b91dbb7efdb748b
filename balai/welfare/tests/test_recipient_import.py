"""Importing a recipient list: matched by NIK or No. KK, every bad row reported by row, column
and reason, nothing written until the file is clean, and a re-import changes nothing."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from balai.imports.models import ImportJob
from balai.welfare.models import Recipient
from balai.welfare.tests.conftest import good_rows, kk, nik, upload, xlsx_bytes


def _upload(client, programme, rows):
    url = reverse("welfare_dashboard:imports", kwargs={"slug": "dagan"})
    response = client.post(url, {"programme": programme.pk, "file": upload(xlsx_bytes(rows))})
    assert response.status_code == 302, response.content
    return ImportJob.objects.latest("pk")


def _confirm(client, imp):
    url = reverse("welfare_dashboard:import_confirm", kwargs={"slug": "dagan", "pk": imp.pk})
    client.post(url)
    imp.refresh_from_db()
    return imp


@pytest.mark.django_db
def test_a_clean_file_is_checked_then_imported_and_a_reimport_changes_nothing(
    client, alice, register, blt
):
    client.force_login(alice)
    imp = _upload(client, blt, good_rows())
    assert imp.status == "checked" and imp.report["changes"]["added"] == 3
    assert not Recipient.objects.exists()
    assert _confirm(client, imp).status == "done"
    people = Recipient.objects.order_by("name")
    assert [r.name for r in people] == ["WARGA 1-0", "WARGA 2-0", "WARGA 3-0"]
    assert {r.amount for r in people} == {300_000}
    assert people[0].area.dusun == "Dusun I"

    again = _upload(client, blt, good_rows())
    changes = again.report["changes"]
    assert (changes["added"], changes["updated"], changes["unchanged"]) == (0, 0, 3)
    _confirm(client, again)
    assert Recipient.objects.count() == 3


@pytest.mark.django_db
def test_every_bad_row_is_reported_and_nothing_is_imported(
    client, alice, register, blt, pkh, dagan
):
    Recipient.objects.create(
        village=dagan,
        programme=pkh,
        family=register[4][0].family,
        name="WARGA 4-0",
        start=date(2025, 1, 1),
    )
    client.force_login(alice)
    rows = good_rows() + [
        {"nik": "3303099999990001"},  # not in the register
        {"no_kk": kk(1), "mulai": "01-06-2026"},  # overlaps row 2
        {"no_kk": kk(4)},  # already in PKH, which excludes BLT-DD
        {"no_kk": kk(2), "mulai": "01-01-2027", "nilai": "tiga ratus ribu"},
        {"nik": "3.30309E+15"},
        {"no_kk": kk(3), "mulai": "2026-02-01", "status": "berhenti"},
        {"no_kk": kk(3), "mulai": "31-02-2026"},
    ]
    imp = _upload(client, blt, rows)
    assert imp.status == "refused"
    errors = {(row, column) for row, column, _reason in imp.report["errors"]}
    assert errors == {
        (5, "nik"),
        (6, "mulai"),
        (7, "nik"),
        (8, "nilai"),
        (9, "nik"),
        (10, "alasan"),
        (11, "mulai"),
    }
    reasons = " ".join(r for _n, _c, r in imp.report["errors"])
    assert "NIK tidak ada di data penduduk" in reasons and "saling meniadakan" in reasons
    assert "tumpang tindih" in reasons
    assert Recipient.objects.count() == 1

    page = client.get(reverse("welfare_dashboard:import", kwargs={"slug": "dagan", "pk": imp.pk}))
    assert "7 dari 10 baris salah" in page.content.decode()
    assert client.post(
        reverse("welfare_dashboard:import_confirm", kwargs={"slug": "dagan", "pk": imp.pk})
    )
    assert Recipient.objects.count() == 1


@pytest.mark.django_db
def test_a_person_programme_matches_by_nik_and_refuses_a_bare_kk(client, alice, register, dagan):
    from balai.welfare.models import Programme

    pbi = Programme.objects.create(
        village=dagan,
        name="PBI-JK",
        kind="pbi",
        source="pusat",
        unit="person",
        period_start=date(2025, 1, 1),
    )
    client.force_login(alice)
    imp = _upload(client, pbi, [{"nik": nik(2, 1), "nilai": "42.000,00"}, {"no_kk": kk(1)}])
    assert imp.report["errors"] == [[3, "nik", "Program ini untuk perorangan: isi NIK."]]
    imp = _upload(client, pbi, [{"nik": nik(2, 1), "nilai": "42.000,00"}])
    _confirm(client, imp)
    person = Recipient.objects.get()
    assert person.resident == register[2][1] and person.amount == 42_000


@pytest.mark.django_db
def test_a_file_that_is_not_a_spreadsheet_or_has_wrong_columns_is_refused(
    client, alice, register, blt
):
    client.force_login(alice)
    url = reverse("welfare_dashboard:imports", kwargs={"slug": "dagan"})
    response = client.post(url, {"programme": blt.pk, "file": upload(b"\x89PNG\r\n", "x.xlsx")})
    assert "bukan .xlsx" in response.content.decode()
    bad = xlsx_bytes([{"x": 1}], columns=["nama_lengkap", "alamat"])
    client.post(url, {"programme": blt.pk, "file": upload(bad)})
    imp = ImportJob.objects.latest("pk")
    assert imp.status == "failed" and "alamat" in imp.failure


@pytest.mark.django_db
def test_a_period_overlapping_a_stored_recipient_is_refused(client, alice, register, blt, dagan):
    Recipient.objects.create(
        village=dagan,
        programme=blt,
        family=register[1][0].family,
        name="WARGA 1-0",
        start=date(2026, 1, 1),
    )
    client.force_login(alice)
    imp = _upload(client, blt, [{"no_kk": kk(1), "mulai": "01-03-2026"}])
    assert imp.report["errors"] == [
        [2, "mulai", "Periode tumpang tindih dengan data penerima yang sudah ada."]
    ]
