"""The welfare ranking import and the public figures counted from it: deciles per household
and person, recipients per programme and year, coverage of the poorest, small cells hidden."""

from __future__ import annotations

import json
from datetime import date

import pytest
from django.test import override_settings
from django.urls import reverse

from balai.imports.models import ImportJob
from balai.welfare.figures import figures_recompute
from balai.welfare.models import PovertyFlag, Recipient, WelfareFigure, WelfareRank
from balai.welfare.tests.conftest import kk, nik, ranking_bytes, upload


def _import_ranking(client, rows):
    url = reverse("welfare_dashboard:imports", kwargs={"slug": "dagan"})
    client.post(url, {"programme": "", "file": upload(ranking_bytes(rows), "desil.xlsx")})
    imp = ImportJob.objects.latest("pk")
    if imp.status == "checked":
        client.post(
            reverse("welfare_dashboard:import_confirm", kwargs={"slug": "dagan", "pk": imp.pk})
        )
        imp.refresh_from_db()
    return imp


@pytest.mark.django_db
def test_deciles_import_by_nik_or_kk_and_the_village_flag_is_kept_apart(client, alice, register):
    client.force_login(alice)
    rows = [
        {"nik": nik(1, 1), "desil": "1", "tanggal_data": "31-03-2026"},
        {
            "no_kk": kk(2),
            "desil": "2",
            "tanggal_data": "31-03-2026",
            "miskin_desa": "ya",
            "alasan_desa": "Lansia",
        },
        {"no_kk": kk(3), "status_dtks": "DTKS", "tanggal_data": "2025-12-01", "sumber": "DTKS"},
    ]
    imp = _import_ranking(client, rows)
    assert imp.status == "done", imp.report
    ranks = {r.household.number: r for r in WelfareRank.objects.select_related("household")}
    assert ranks["RTM-1"].decile == 1 and ranks["RTM-2"].decile == 2
    assert ranks["RTM-3"].decile is None and ranks["RTM-3"].dtks_status == "DTKS"
    assert PovertyFlag.objects.get().reason == "Lansia"
    assert _import_ranking(client, rows).status == "done"
    assert WelfareRank.objects.count() == 3


@pytest.mark.django_db
def test_deciles_outside_one_to_ten_and_missing_dates_are_refused(client, alice, register):
    client.force_login(alice)
    imp = _import_ranking(
        client,
        [
            {"nik": nik(1, 1), "desil": "11", "tanggal_data": "31-03-2026"},
            {"nik": nik(2, 1), "desil": "0", "tanggal_data": ""},
            {"no_kk": kk(3), "miskin_desa": "ya", "desil": "3", "tanggal_data": "01-01-2026"},
        ],
    )
    assert imp.status == "refused"
    assert {(n, c) for n, c, _r in imp.report["errors"]} == {
        (2, "desil"),
        (3, "desil"),
        (3, "tanggal_data"),
        (4, "alasan_desa"),
    }
    assert not WelfareRank.objects.exists()


def _rank_all(dagan, register, deciles):
    for n, d in deciles.items():
        WelfareRank.objects.create(
            village=dagan, household=register[n][0].household, decile=d, data_date=date(2026, 3, 31)
        )


@pytest.mark.django_db
def test_figures_count_deciles_programmes_years_and_uncovered_poor(dagan, register, blt):
    _rank_all(dagan, register, {1: 1, 2: 1, 3: 2, 4: 7})
    Recipient.objects.create(
        village=dagan,
        programme=blt,
        family=register[1][0].family,
        name="X",
        start=date(2025, 6, 1),
        amount=300_000,
        area=register[1][0].area,
    )
    figures_recompute(village=dagan)
    rows = {(f.category, f.label, f.year): (f.count, f.amount) for f in WelfareFigure.objects.all()}
    assert rows[("decile-hh", "1", 0)] == (2, 0)
    assert rows[("decile-person", "1", 0)] == (6, 0)
    assert rows[("programme", "BLT Dana Desa 2026", 2025)] == (1, 300_000)
    assert ("programme", "BLT Dana Desa 2026", 2026) in rows
    assert rows[("coverage", "d12", 0)][0] == 3
    assert rows[("coverage", "d12-none", 0)][0] == 2
    assert rows[("dusun", "Dusun I", 0)][0] == 1
    assert rows[("rw", "Dusun I · RW 001", 0)][0] == 1


@pytest.mark.django_db
def test_the_public_page_hides_small_cells_and_offers_csv_and_json(client, dagan, register, blt):
    _rank_all(dagan, register, {1: 1, 2: 1, 3: 2, 4: 7})
    figures_recompute(village=dagan)
    page = client.get("/desa/dagan/bantuan-sosial/")
    html = page.content.decode()
    assert page.status_code == 200 and "&lt; 5" in html and 'role="img"' in html
    data = json.loads(client.get("/desa/dagan/bantuan-sosial/data-desil.json").content)
    first = data["baris"][0]
    assert first["label"] == "Desil 1" and first["nilai"] == [None, 6]
    csv_text = client.get("/desa/dagan/bantuan-sosial/data-desil.csv").content.decode()
    assert "Desil 1,< 5,6" in csv_text
    assert client.get("/bantuan-sosial/").status_code == 200


@pytest.mark.django_db
def test_a_village_without_welfare_data_has_no_page_and_no_menu_item(client, dagan):
    assert client.get("/desa/dagan/bantuan-sosial/").status_code == 404
    assert "Bantuan sosial" not in client.get("/desa/dagan/").content.decode()


@override_settings(POPULATION_SMALL_CELL=2)
@pytest.mark.django_db
def test_the_threshold_follows_the_population_setting(client, dagan, register):
    _rank_all(dagan, register, {1: 1, 2: 1})
    figures_recompute(village=dagan)
    data = json.loads(client.get("/desa/dagan/bantuan-sosial/data-desil.json").content)
    assert data["baris"][0]["nilai"] == [2, 6]


@pytest.mark.django_db
def test_the_village_flags_a_household_as_poor_apart_from_the_ranking(client, alice, register):
    client.force_login(alice)
    url = reverse("welfare_dashboard:ranking", kwargs={"slug": "dagan"})
    response = client.post(url, {"household": "RTM-99", "reason": "Lansia"})
    assert "tidak ada di data penduduk" in response.content.decode()
    assert (
        client.post(url, {"household": "RTM-2", "reason": "Rumah tidak layak huni"}).status_code
        == 302
    )
    assert PovertyFlag.objects.get().household.number == "RTM-2"
    assert not WelfareRank.objects.exists()
    assert "Rumah tidak layak huni" in client.get(url).content.decode()
