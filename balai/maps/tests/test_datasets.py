"""The maps module in the open-data catalogue: facilities (the village's own places, with
their coordinates; never a seller's location), potential, and the district's counts."""

from __future__ import annotations

import pytest

from balai.maps.models import Place, Potential
from balai.market.models import Seller
from balai.opendata import dcat, registry, validate
from balai.opendata.catalogue import district_catalogue, village_catalogue
from balai.villages.models import Village

pytestmark = pytest.mark.django_db


@pytest.fixture
def places(dagan, bojongsari):
    Place.objects.create(
        village=dagan,
        name="SD Negeri 1 Dagan",
        category="sekolah",
        latitude="-7.301234",
        longitude="109.361234",
        description="Jl. Raya Dagan",
    )
    Place.objects.create(
        village=dagan, name="Masjid Al-Ikhlas", category="ibadah", latitude=-7.3, longitude=109.36
    )
    Place.objects.create(
        village=dagan, name="SD Negeri 2 Dagan", category="sekolah", latitude=-7.31, longitude=109.4
    )
    Place.objects.create(
        village=bojongsari, name="Balai Desa", category="kantor", latitude=-7.4, longitude=109.3
    )
    Potential.objects.create(
        village=dagan, kind="komoditas", name="Gula kelapa", figure="40 ton/bulan"
    )
    # A shop on the map, at its owner's place: not a facility.
    Seller.objects.create(
        village=dagan,
        name="Warung Bu Tini",
        owner_name="Sutini Rahayu",
        whatsapp="+6281327001122",
        status=Seller.Status.APPROVED,
        latitude="-7.305555",
        longitude="109.366666",
    )


def test_facilities_with_their_coordinates(places, dagan, django_assert_max_num_queries):
    dataset = registry.find("village", "sarana")
    assert dataset is not None
    with django_assert_max_num_queries(1):
        rows = list(dataset.rows(dagan))
    assert rows == [
        ["Masjid Al-Ikhlas", "ibadah", "Tempat ibadah", -7.3, 109.36, ""],
        ["SD Negeri 1 Dagan", "sekolah", "Sekolah", -7.301234, 109.361234, "Jl. Raya Dagan"],
        ["SD Negeri 2 Dagan", "sekolah", "Sekolah", -7.31, 109.4, ""],
    ]


def test_potential(places, dagan, bojongsari):
    dataset = registry.find("village", "potensi")
    assert dataset is not None
    assert list(dataset.rows(dagan)) == [
        ["komoditas", "Komoditas unggulan", "Gula kelapa", "40 ton/bulan", ""]
    ]
    assert list(dataset.rows(bojongsari)) == []


def test_no_seller_location_or_owner_in_any_output(places, client):
    text = ""
    for key in ("sarana", "potensi"):
        for tail in ("/", ".csv", ".json"):
            response = client.get(f"/desa/dagan/data/{key}{tail}")
            assert response.status_code == 200
            text += response.content.decode("utf-8-sig")
    assert "SD Negeri 1 Dagan" in text and "-7.301234" in text
    for private in ("Warung Bu Tini", "Sutini", "6281327001122", "-7.305555", "109.366666"):
        assert private not in text


def test_coverage_in_one_query_each(places, dagan, bojongsari, django_assert_num_queries):
    live = Village.objects.filter(status="live")
    with django_assert_num_queries(1):
        facilities = registry.find("village", "sarana").coverage(live)
    with django_assert_num_queries(1):
        potential = registry.find("village", "potensi").coverage(live)
    assert set(facilities) == {dagan.pk, bojongsari.pk}
    assert set(potential) == {dagan.pk}


def test_the_district_counts_facilities_per_village_and_category(
    places, dagan, bojongsari, django_assert_num_queries
):
    dataset = registry.find("district", "sarana")
    assert dataset is not None
    with django_assert_num_queries(1):
        rows = list(dataset.rows(Village.objects.filter(status="live")))
    assert sorted(rows) == sorted(
        [
            [dagan.region_id, dagan.name, "ibadah", "Tempat ibadah", 1],
            [dagan.region_id, dagan.name, "sekolah", "Sekolah", 2],
            [bojongsari.region_id, bojongsari.name, "kantor", "Kantor pemerintahan", 1],
        ]
    )


def test_the_catalogues_with_maps_are_valid_dcat_ap(places, dagan):
    cat = village_catalogue(dagan)
    assert {"sarana", "potensi"} <= {e.key for e in cat.entries}
    assert validate.problems(dcat.catalogue_node(cat)) == []
    district = district_catalogue()
    assert "kabupaten-sarana" in {e.name for e in district.entries}
    assert validate.problems(dcat.catalogue_node(district)) == []
