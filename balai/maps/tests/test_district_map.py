"""The district admin loads every desa's boundary from one file; the public district map
colours every desa by a measure, with the same figures in a table."""

from __future__ import annotations

import pytest
from django.urls import reverse

from balai.conftest import BOJONGSARI, DAGAN
from balai.maps.models import Boundary, BoundaryLoad, MapSettings, Place
from balai.maps.services import _boundary_write
from balai.maps.tests.conftest import geojson, ring, shapefile_zip

pytestmark = pytest.mark.django_db

HOME = "maps_district_dashboard:home"


def _load(client, upload, key="kode_desa"):
    data = {"muat-file": upload, "muat-key_property": key, "muat": "1"}
    return client.post(reverse(HOME), data, follow=True)


def test_every_desa_is_loaded_matched_by_its_code_with_a_report(login, dina, dagan):
    upload = geojson(
        (ring(800), {"kode_desa": "3303092013", "nama": "Dagan"}),
        (
            ring(300, centre=(109.25, -7.35), seed=4),
            {"kode_desa": "33.03.14.2006", "nama": "Bojongsari"},
        ),
        (ring(100, centre=(109.30, -7.40)), {"kode_desa": "99.99.99.9999", "nama": "Entah"}),
        (ring(100, centre=(110.40, -7.00)), {"kode_desa": "33.03.01.2001", "nama": "Kedungbenda"}),
    )
    page = _load(login(dina), upload).content.decode()
    assert set(Boundary.objects.values_list("region_id", flat=True)) == {DAGAN, BOJONGSARI}
    load = BoundaryLoad.objects.get()
    assert load.status == BoundaryLoad.Status.DONE and load.done == 4
    assert [r["code"] for r in load.report["unmatched"]] == ["99.99.99.9999"]
    refused = load.report["refused"][0]
    assert refused["code"] == "33.03.01.2001" and "di luar wilayah kabupaten" in refused["reason"]
    assert "2</strong> desa dimuat" in page and "Kedungbenda" in page


def test_a_shapefile_is_matched_by_the_column_the_operator_names(login, dina, dagan):
    upload = shapefile_zip([ring(200)], [{"KDEPUM": "33.03.09.2013", "NAMOBJ": "Dagan"}])
    _load(login(dina), upload, key="KDEPUM")
    assert Boundary.objects.filter(region_id=DAGAN).exists()


def test_a_missing_code_column_fails_naming_the_columns_there_are(login, dina, dagan):
    upload = geojson((ring(100), {"KDEPUM": "33.03.09.2013", "NAMOBJ": "Dagan"}))
    page = _load(login(dina), upload, key="kode_desa").content.decode()
    assert "Kolom kode_desa tidak ada di berkas. Kolom yang ada: KDEPUM, NAMOBJ." in page
    assert not Boundary.objects.exists()


def test_a_file_refused_whole_leaves_the_load_failed(login, dina, dagan):
    from django.core.files.uploadedfile import SimpleUploadedFile

    page = _load(login(dina), SimpleUploadedFile("x.geojson", b'{"type": "Featur')).content.decode()
    assert BoundaryLoad.objects.get().status == BoundaryLoad.Status.FAILED
    assert "rusak" in page


def test_the_settings_take_a_tile_url_and_refuse_a_bad_one(login, dina, dagan):
    client = login(dina)
    base = {
        "pengaturan-west": "109.1",
        "pengaturan-south": "-7.56",
        "pengaturan-east": "109.68",
        "pengaturan-north": "-7.04",
        "simpan_pengaturan": "1",
    }
    bad = client.post(reverse(HOME), {**base, "pengaturan-tile_url": "javascript:alert(1)"})
    assert "Tulis alamat https" in bad.content.decode()
    good = {**base, "pengaturan-tile_url": "https://tile.openstreetmap.org/{z}/{x}/{y}.png"}
    client.post(reverse(HOME), good)
    assert MapSettings.objects.get().tile_url.startswith("https://tile.openstreetmap.org/")
    swapped = {**base, "pengaturan-west": "109.7", "pengaturan-tile_url": ""}
    assert "lebih kecil dari timur" in client.post(reverse(HOME), swapped).content.decode()


def test_a_village_admin_cannot_reach_the_district_map_office(login, alice):
    assert login(alice).get(reverse(HOME)).status_code in (403, 404)


def test_the_public_district_map_colours_every_loaded_desa_and_lists_all(client, dagan, bojongsari):
    _boundary_write(region=dagan.region, polygons=[[ring(2000)]], source="t", actor=None)
    _boundary_write(
        region=bojongsari.region,
        polygons=[[ring(2000, centre=(109.25, -7.35))]],
        source="t",
        actor=None,
    )
    page = client.get(reverse("maps_district:map")).content.decode()
    assert 'class="map-svg map-district"' in page and '<title id="peta-kab-t">' in page
    assert "Situs tayang" in page and "Belum punya situs" in page
    assert page.count("<tr>") > 200  # every desa of the kabupaten, loaded or not
    assert "/desa/dagan/peta/" in page
    for measure in ("penduduk", "apbdes"):
        assert client.get(reverse("maps_district:map"), {"ukuran": measure}).status_code == 200


def test_the_district_map_is_computed_once_per_district_version(
    client, dagan, django_assert_max_num_queries
):
    _boundary_write(region=dagan.region, polygons=[[ring(500)]], source="t", actor=None)
    from balai.maps import selectors

    selectors.district_map("status")
    with django_assert_max_num_queries(0):
        selectors.district_map("status")
    with django_assert_max_num_queries(8):
        selectors.district_map("penduduk")


def test_the_district_potential_summary(client, dagan):
    Place.objects.create(
        village=dagan, name="SD 1", category="sekolah", latitude=-7.3, longitude=109.36
    )
    from balai.maps.models import Potential

    Potential.objects.create(village=dagan, kind="komoditas", name="Gula kelapa", figure="40 ton")
    page = client.get(reverse("maps_district:potential")).content.decode()
    assert "Gula kelapa" in page and "Desa Dagan" in page and "<td>Sekolah</td><td>1</td>" in page


def test_population_is_shown_as_the_statistics_show_it(client, dagan, bojongsari):
    from balai.population.models import PopulationFigure

    PopulationFigure.objects.create(village=dagan, category="umur", code=1, sex=1, count=1234)
    PopulationFigure.objects.create(village=bojongsari, category="umur", code=1, sex=2, count=3)
    page = client.get(reverse("maps_district:map"), {"ukuran": "penduduk"}).content.decode()
    assert "<td>1.234</td>" in page and "<td>&lt; 5</td>" in page


def test_a_waiting_load_polls_for_its_progress(login, dina):
    load = BoundaryLoad.objects.create(
        path="peta/x.bin", filename="batas.geojson", key_property="kode"
    )
    client = login(dina)
    url = reverse("maps_district_dashboard:load", kwargs={"pk": load.pk})
    page = client.get(url).content.decode()
    assert 'hx-trigger="every 1s"' in page and "htmx.min.js" in page
    fragment = client.get(url, headers={"HX-Request": "true"}).content.decode()
    assert fragment.startswith('<div id="load-progress"') and "0%" in fragment
    BoundaryLoad.objects.filter(pk=load.pk).update(
        status="done",
        report={"matched": [{"code": DAGAN, "name": "Dagan"}], "unmatched": [], "refused": []},
    )
    fragment = client.get(url, headers={"HX-Request": "true"}).content.decode()
    assert "hx-trigger" not in fragment and "desa dimuat" in fragment
