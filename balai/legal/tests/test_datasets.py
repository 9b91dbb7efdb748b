"""The legal acts register in the open-data catalogue: the published acts of a village (with
their pages), this year's APB Desa Perdes of every live desa for the district; DCAT-AP valid."""

from __future__ import annotations

import csv
import io
from datetime import date
from urllib.parse import urlsplit

import pytest
from django.utils import timezone

from balai.legal.models import LegalAct
from balai.legal.tests.conftest import make_act
from balai.opendata import dcat, registry, validate
from balai.opendata.catalogue import district_catalogue, village_catalogue
from balai.villages.models import Village

pytestmark = pytest.mark.django_db


def _csv(client, url: str) -> list[dict[str, str]]:
    response = client.get(url)
    assert response.status_code == 200, url
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


@pytest.fixture
def acts(dagan, bojongsari):
    year = timezone.localdate().year
    apb = make_act(
        dagan,
        number="7",
        title=f"Anggaran Pendapatan dan Belanja Desa Tahun Anggaran {year}",
        enacted_on=date(year - 1, 12, 22),
        promulgated_on=date(year - 1, 12, 23),
        gazette_number="7",
        topic=LegalAct.Topic.APBDES,
        period_from=year,
        subjects="anggaran, keuangan desa",
        with_file=False,
    )
    kepdes = make_act(
        dagan,
        kind=LegalAct.Kind.KEPDES,
        number="141/12",
        title="Tim Pelaksana Kegiatan",
        enacted_on=date(year - 1, 3, 2),
        promulgated_on=None,
        gazette_number="",
        with_file=False,
    )
    draft = make_act(
        dagan, number="9", title="Pungutan Desa (rancangan)", published=False, with_file=False
    )
    # Last year's APB Desa of Bojongsari: an act, but no Perdes for this year.
    make_act(bojongsari, number="3", enacted_on=date(year - 2, 12, 20), with_file=False)
    return apb, kepdes, draft


def test_a_village_publishes_its_acts_with_their_pages(
    acts, dagan, client, django_assert_max_num_queries
):
    apb, kepdes, draft = acts
    dataset = registry.find("village", "produk-hukum")
    assert dataset is not None
    with django_assert_max_num_queries(2):  # the village's domains, the acts
        rows = list(dataset.rows(dagan))
    assert [r[:4] for r in rows] == [
        ["Peraturan Desa", "7", apb.year, apb.title],
        ["Keputusan Kepala Desa", "141/12", kepdes.year, "Tim Pelaksana Kegiatan"],
    ]
    assert rows[0][4:10] == [
        apb.enacted_on,
        apb.promulgated_on,
        "Lembaran Desa",
        "7",
        "Berlaku",
        "anggaran, keuangan desa",
    ]
    assert rows[1][5:8] == [None, "", ""]  # a Keputusan is not promulgated
    page = rows[0][10]
    assert page.startswith("http") and page.endswith(f"/produk-hukum/{apb.slug}/")
    assert client.get(urlsplit(page).path).status_code == 200

    table = _csv(client, "/desa/dagan/data/produk-hukum.csv")
    assert [r["nomor"] for r in table] == ["7", "141/12"]
    assert "rancangan" not in client.get("/desa/dagan/data/produk-hukum.json").content.decode()


def test_coverage_for_many_villages_in_one_query(
    acts, dagan, bojongsari, django_assert_num_queries
):
    apb, kepdes, _draft = acts
    dataset = registry.find("village", "produk-hukum")
    with django_assert_num_queries(1):
        found = dataset.coverage(Village.objects.filter(status="live"))
    assert set(found) == {dagan.pk, bojongsari.pk}
    assert (found[dagan.pk].start, found[dagan.pk].end) == (kepdes.enacted_on, apb.enacted_on)
    LegalAct.objects.filter(village=bojongsari).update(published=False)
    assert set(dataset.coverage(Village.objects.all())) == {dagan.pk}


def test_the_district_lists_every_live_desa_with_its_apbdes_perdes(
    acts, dagan, bojongsari, client, django_assert_max_num_queries
):
    apb = acts[0]
    year = timezone.localdate().year
    dataset = registry.find("district", "perdes-apbdes")
    assert dataset is not None
    live = Village.objects.filter(status="live")
    with django_assert_max_num_queries(3):
        rows = {r[1]: r for r in dataset.rows(live)}
    assert rows[dagan.name][3:] == [year, True, "7", apb.enacted_on, apb.title]
    assert rows[bojongsari.name][3:] == [year, False, None, None, None]
    assert rows[dagan.name][0] == dagan.region_id
    assert set(dataset.coverage(live)) == {dagan.pk}  # listed while one desa has it
    table = _csv(client, "/data/perdes-apbdes.csv")
    assert {r["desa"]: r["perdes_tayang"] for r in table} == {
        dagan.name: "true",
        bojongsari.name: "false",
    }


def test_the_catalogues_with_the_acts_are_valid_dcat_ap(acts, dagan):
    cat = village_catalogue(dagan)
    assert "produk-hukum" in {e.key for e in cat.entries}
    assert validate.problems(dcat.catalogue_node(cat)) == []
    district = district_catalogue()
    names = {e.name for e in district.entries}
    assert {"dagan-produk-hukum", "kabupaten-perdes-apbdes"} <= names
    assert validate.problems(dcat.catalogue_node(district)) == []
