"""Institutions in the open-data catalogue: the institutions and their boards (names and
positions only: a member linked to the population register shows nothing more of it)."""

from __future__ import annotations

import datetime

import pytest

from balai.institutions.models import Member
from balai.institutions.tests.conftest import add_members, make_institution, make_resident
from balai.opendata import dcat, registry, validate
from balai.opendata.catalogue import village_catalogue
from balai.villages.models import Village

pytestmark = pytest.mark.django_db


@pytest.fixture
def boards(bpd, dagan, bojongsari):
    resident = make_resident(dagan, nik="3303091203750001", name="SUGENG RAHARJO")
    Member.objects.filter(institution=bpd, name="Slamet Riyadi").update(
        name=resident.name, resident=resident
    )
    pkk = make_institution(dagan, "TP PKK Desa Dagan", kind="pkk", email="pkk@dagan.desa.id")
    add_members(pkk, ("Wartini", "Ketua"))
    make_institution(bojongsari, "BPD Desa Bojongsari")  # no board yet
    return bpd, pkk, resident


def test_the_institutions_dataset(boards, dagan, django_assert_max_num_queries):
    bpd, pkk, _resident = boards
    dataset = registry.find("village", "lembaga")
    assert dataset is not None
    with django_assert_max_num_queries(2):
        rows = list(dataset.rows(dagan))
    assert rows == [
        [
            "bpd",
            "Badan Permusyawaratan Desa (BPD)",
            "BPD Desa Dagan",
            "141/05/2021",
            datetime.date(2021, 3, 1),
            datetime.date(2021, 3, 8),
            datetime.date(2027, 3, 7),
            2,
        ],
        ["pkk", "Tim Penggerak PKK", "TP PKK Desa Dagan", "", None, None, None, 1],
    ]


def test_the_boards_dataset_has_names_and_positions_only(
    boards, dagan, client, django_assert_max_num_queries
):
    dataset = registry.find("village", "pengurus-lembaga")
    assert dataset is not None
    with django_assert_max_num_queries(2):
        rows = list(dataset.rows(dagan))
    assert rows == [
        ["BPD Desa Dagan", "bpd", 1, "Ketua", "SUGENG RAHARJO"],
        ["BPD Desa Dagan", "bpd", 2, "Sekretaris", "Sri Lestari"],
        ["TP PKK Desa Dagan", "pkk", 1, "Ketua", "Wartini"],
    ]
    outputs = ""
    for key in ("lembaga", "pengurus-lembaga"):
        for tail in ("/", ".csv", ".json"):
            response = client.get(f"/desa/dagan/data/{key}{tail}")
            assert response.status_code == 200
            outputs += response.content.decode("utf-8-sig")
    assert "SUGENG RAHARJO" in outputs and "Sri Lestari" in outputs
    # Nothing of the register (NIK, No. KK, birth date, address), nor the office's contacts.
    for private in ("3303091203750001", "330309120375", "1975-03-12", "Jl. Kenanga"):
        assert private not in outputs
    assert "0281-123456" not in outputs and "pkk@dagan.desa.id" not in outputs


def test_coverage_in_one_query_each(boards, dagan, bojongsari, django_assert_num_queries):
    live = Village.objects.filter(status="live")
    with django_assert_num_queries(1):
        institutions = registry.find("village", "lembaga").coverage(live)
    with django_assert_num_queries(1):
        members = registry.find("village", "pengurus-lembaga").coverage(live)
    assert set(institutions) == {dagan.pk, bojongsari.pk}
    assert set(members) == {dagan.pk}  # Bojongsari's BPD has no board yet


def test_the_catalogue_with_institutions_is_valid_dcat_ap(boards, dagan, bojongsari):
    keys = {e.key for e in village_catalogue(dagan).entries}
    assert {"lembaga", "pengurus-lembaga"} <= keys
    assert validate.problems(dcat.catalogue_node(village_catalogue(dagan))) == []
    assert {e.key for e in village_catalogue(bojongsari).entries} == {"lembaga"}
