"""Births and deaths change the person's status, the public figures and the monthly report;
public tables suppress small cells and follow what the village publishes."""

from __future__ import annotations

import json

from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from balai.population.figures import figures_recompute
from balai.population.models import Family, PopulationSettings, Resident, ResidentEvent
from balai.villages.content import content_changed


def _people(village, n: int = 12):
    fam = Family.objects.create(village=village, number="3303090101100001")
    for i in range(n):
        Resident.objects.create(
            village=village,
            nik=f"33030912037{i:05d}",
            name=f"WARGA {i}",
            family=fam,
            sex=1 + i % 2,
            family_relation=1 if i == 0 else 4,
            religion=1 if i < 10 else 2,
            birth_date=timezone.localdate().replace(year=1980),
        )
    figures_recompute(village=village)
    return fam


def test_small_cells_show_as_less_than_five_and_totals_stay(client, dagan):
    _people(dagan)
    html = client.get("/desa/dagan/statistik/agama/").content.decode()
    assert "&lt; 5" in html
    assert '<svg class="chart chart-bars" role="img"' in html
    data = json.loads(client.get("/desa/dagan/statistik/agama/data.json").content)
    kristen = next(r for r in data["baris"] if r["label"] == "KRISTEN")
    assert kristen["jumlah"] is None and kristen["disembunyikan"]
    total = next(r for r in data["baris"] if r["jenis"] == "total")
    assert total["jumlah"] == 12


@override_settings(POPULATION_SMALL_CELL=3)
def test_the_threshold_is_a_setting(client, dagan):
    _people(dagan)
    data = json.loads(client.get("/desa/dagan/statistik/agama/data.json").content)
    assert next(r for r in data["baris"] if r["label"] == "KRISTEN")["jumlah"] is None
    data = json.loads(
        client.get("/desa/dagan/statistik/jenis-kelamin/data.json").content
        if False
        else client.get("/desa/dagan/statistik/umur/data.json").content
    )
    assert data["batas_sel_kecil"] == 3


def test_a_village_publishes_only_what_it_chose(client, dagan):
    _people(dagan)
    PopulationSettings.objects.filter(village=dagan).update(published=["umur"])
    content_changed(dagan)
    assert client.get("/desa/dagan/statistik/").status_code == 200
    assert client.get("/desa/dagan/statistik/agama/").status_code == 404
    assert client.get("/desa/dagan/statistik/agama/data.csv").status_code == 404


def test_no_statistics_page_before_any_figures(client, dagan):
    assert client.get("/desa/dagan/statistik/").status_code == 404


def test_recording_a_death_changes_status_figures_and_monthly_report(admin_client, client, dagan):
    _people(dagan)
    person = Resident.objects.get(name="WARGA 3")
    today = timezone.localdate()
    url = reverse("population_dashboard:event_add", kwargs={"slug": "dagan", "pk": person.pk})
    response = admin_client.post(
        url, {"kind": 2, "event_date": today, "report_date": today, "place": "Rumah", "cause": 1}
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.status == 2
    summary = client.get("/desa/dagan/statistik/").content.decode()
    assert "<strong>11</strong>" in summary
    report = admin_client.get(reverse("population_dashboard:monthly", kwargs={"slug": "dagan"}))
    assert report.context["report"].rows[0][1:] == (6, 6)
    assert report.context["report"].rows[2][1:] == (0, 1)


def test_recording_a_birth_adds_a_resident(admin_client, dagan):
    _people(dagan)
    today = timezone.localdate()
    url = reverse("population_dashboard:resident_add", kwargs={"slug": "dagan"})
    response = admin_client.post(
        url,
        {
            "nik": "0",
            "name": "BAYI BARU",
            "sex": 2,
            "birth_date": today,
            "family_relation": 4,
            "family_number": "3303090101100001",
            "kind": 1,
            "event_date": today,
        },
    )
    assert response.status_code == 302
    baby = Resident.objects.get(name="BAYI BARU")
    assert baby.events.get().kind == ResidentEvent.Kind.BIRTH
    assert "Belum punya NIK" in baby.nik_warning


def test_a_future_date_and_unknown_family_are_refused(admin_client, dagan):
    _people(dagan)
    url = reverse("population_dashboard:resident_add", kwargs={"slug": "dagan"})
    response = admin_client.post(
        url,
        {
            "nik": "123",
            "name": "X",
            "sex": 1,
            "birth_date": "2999-01-01",
            "family_relation": 4,
            "family_number": "9",
            "kind": 1,
            "event_date": "2999-01-01",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "belum tercatat" in html and "masa depan" in html and "16 angka" in html
    assert not Resident.objects.filter(name="X").exists()


def test_district_figures_sum_the_villages(client, dagan, bojongsari):
    _people(dagan)
    data = json.loads(client.get("/statistik/umur/data.json").content)
    assert next(r for r in data["baris"] if r["jenis"] == "total")["jumlah"] == 12
    assert client.get("/statistik/?kecamatan=33.03.09").status_code == 200
    assert client.get("/statistik/?kecamatan=99").status_code == 404
