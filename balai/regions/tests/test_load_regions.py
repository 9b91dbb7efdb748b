from __future__ import annotations

import pytest
from django.core.management import call_command

from balai.regions.models import Region
from balai.regions.selectors import kecamatan_list, village_regions


@pytest.mark.django_db
def test_purbalingga_has_18_kecamatan_224_desa_and_15_kelurahan():
    villages = village_regions()
    assert kecamatan_list().count() == 18
    assert villages.filter(type=Region.Type.DESA).count() == 224
    assert villages.filter(type=Region.Type.KELURAHAN).count() == 15


@pytest.mark.django_db
def test_every_kabupaten_of_indonesia_is_loaded_so_a_second_district_can_follow():
    assert Region.objects.filter(level=Region.Level.PROVINSI).count() == 38
    assert Region.objects.filter(level=Region.Level.KABUPATEN).count() == 514


@pytest.mark.django_db
def test_repeated_desa_names_are_told_apart_by_their_code():
    karangsari = village_regions().filter(name="Karangsari")
    assert karangsari.count() == 2
    assert {r.parent.name for r in karangsari} == {"Kalimanah", "Karangmoncol"}


@pytest.mark.django_db
def test_loading_twice_changes_nothing(tmp_path):
    before = Region.objects.count()
    call_command("load_regions")
    assert Region.objects.count() == before


@pytest.mark.django_db
def test_a_second_district_can_be_added_from_its_own_file(tmp_path):
    data = tmp_path / "banyumas.csv"
    data.write_text(
        "code,name,level,parent_code,type\n"
        "33.02.01,Lumbir,kecamatan,33.02,kecamatan\n"
        "33.02.01.2001,Cingebul,desa_kelurahan,33.02.01,desa\n",
        encoding="utf-8",
    )
    call_command("load_regions", file=data)
    desa = Region.objects.get(code="33.02.01.2001")
    assert desa.parent.parent.name == "Kabupaten Banyumas"
    assert not desa.is_kelurahan
