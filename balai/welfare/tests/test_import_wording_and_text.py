"""The welfare import says what would be added only when something would be, calls a NIK
listed twice a duplicate (not an overlapping period), reads rupiah the one way the project
does, and keeps formula-like text as text."""

from __future__ import annotations

import pytest
from django.urls import reverse

from balai.imports.models import ImportJob
from balai.welfare.models import Recipient
from balai.welfare.tests.conftest import good_rows, kk, nik, upload, xlsx_bytes

pytestmark = pytest.mark.django_db


def _upload(client, programme, rows) -> ImportJob:
    url = reverse("welfare_dashboard:imports", kwargs={"slug": "dagan"})
    client.post(url, {"programme": programme.pk, "file": upload(xlsx_bytes(rows))})
    return ImportJob.objects.latest("pk")


def _page(client, job) -> str:
    url = reverse("welfare_dashboard:import", kwargs={"slug": "dagan", "pk": job.pk})
    return client.get(url).content.decode()


def test_a_refused_file_shows_no_count_of_additions(client, alice, register, blt):
    client.force_login(alice)
    rows = good_rows() * 2 + [{"nik": "3303099999990001"}]  # six good rows, one unknown
    rows = [{**r, "mulai": f"0{i % 9 + 1}-01-2026"} for i, r in enumerate(rows)]
    job = _upload(client, blt, [rows[0], rows[1], rows[2], rows[-1]])
    page = _page(client, job)
    assert job.status == ImportJob.Status.REFUSED
    assert "Tidak ada yang diimpor" in page
    assert "ditambah" not in page
    assert "3</strong> <span>baris benar" in page


def test_a_done_import_says_what_was_written(client, alice, register, blt):
    client.force_login(alice)
    job = _upload(client, blt, good_rows())
    assert "Bila disetujui" in _page(client, job)
    client.post(reverse("welfare_dashboard:import_confirm", kwargs={"slug": "dagan", "pk": job.pk}))
    page = _page(client, job)
    assert "Yang tersimpan" in page and "3</strong> <span>ditambah" in page
    history = client.get(reverse("welfare_dashboard:imports", kwargs={"slug": "dagan"}))
    assert "BLT Dana Desa 2026 — Selesai" in history.content.decode()


def test_a_nik_listed_twice_is_a_duplicate_not_an_overlap(client, alice, register, dagan):
    from datetime import date

    from balai.welfare.models import Programme

    pbi = Programme.objects.create(
        village=dagan,
        name="PBI-JK",
        kind="pbi",
        source="pusat",
        unit="person",
        period_start=date(2026, 1, 1),
    )
    client.force_login(alice)
    job = _upload(client, pbi, [{"nik": nik(2, 1)}, {"nik": nik(3, 1)}, {"nik": nik(2, 1)}])
    assert job.report["errors"] == [[4, "nik", "NIK sama dengan baris 2."]]
    page = _page(client, job)
    assert "tumpang tindih" not in page


def test_rupiah_with_cents_and_formula_like_text_are_read(client, alice, register, blt):
    client.force_login(alice)
    rows = [
        {"no_kk": kk(1), "nilai": "Rp 300.000,00", "nomor_kartu": '=HYPERLINK("x")'},
        {"no_kk": kk(2), "nilai": "Rp. 250.000,-", "nomor_kartu": "@KARTU"},
        {"no_kk": kk(3), "nilai": "175000", "nomor_kartu": "+6281234"},
    ]
    job = _upload(client, blt, rows)
    assert job.status == ImportJob.Status.CHECKED, job.report["errors"]
    client.post(reverse("welfare_dashboard:import_confirm", kwargs={"slug": "dagan", "pk": job.pk}))
    stored = {r.card_number: r.amount for r in Recipient.objects.all()}
    assert stored == {'=HYPERLINK("x")': 300_000, "@KARTU": 250_000, "+6281234": 175_000}
