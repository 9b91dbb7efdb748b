"""A village admin uploads the boundary, dusun areas, points and potential; the public /peta/
and /potensi/ show them, drawn on the server and listed as text."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse

from balai.maps import selectors
from balai.maps.models import Boundary, MapArea, MapSettings, Place, Potential
from balai.maps.tests.conftest import geojson, kml_bytes, ring, shapefile_zip
from balai.market.tests.conftest import jpeg_upload, make_seller

pytestmark = pytest.mark.django_db


def _dash(name, **kw):
    return reverse(f"maps_dashboard:{name}", kwargs={"slug": "dagan", **kw})


def _site(name):
    return reverse(f"site:{name}", kwargs={"village_slug": "dagan"})


def _place(village, name="Balai Desa", category="kantor", **kw):
    kw.setdefault("latitude", Decimal("-7.305100"))
    kw.setdefault("longitude", Decimal("109.368500"))
    return Place.objects.create(village=village, name=name, category=category, **kw)


def test_the_admin_uploads_a_boundary_and_the_public_map_shows_it(login, alice, dagan, client):
    upload = geojson((ring(3000), {"nama": "Dagan"}))
    response = login(alice).post(_dash("boundary_upload"), {"file": upload}, follow=True)
    assert "Batas desa tersimpan: 3001 titik" in response.content.decode()
    boundary = Boundary.objects.get(region=dagan.region)
    assert boundary.vertices == 3001 and 2 < boundary.area_km2 < 10
    assert len(boundary.display[0][0]) < 1000  # simplified for drawing
    client.logout()
    page = client.get(_site("maps_map")).content.decode()
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in page and 'role="img"' in page
    assert '<title id="peta-t">Peta Desa Dagan</title>' in page and "<desc" in page
    assert "Luas wilayah sekitar" in page


@pytest.mark.parametrize(
    "upload, reason",
    [
        (lambda: geojson((ring(50)[:-1], {})), "tidak tertutup"),
        (
            lambda: geojson(
                (
                    [
                        (109.36, -7.30),
                        (109.38, -7.32),
                        (109.38, -7.30),
                        (109.36, -7.32),
                        (109.36, -7.30),
                    ],
                    {},
                )
            ),
            "memotong dirinya sendiri",
        ),
        (
            lambda: geojson(
                (
                    [
                        (345000.0, 9192000.0),
                        (346000.0, 9192000.0),
                        (346000.0, 9193000.0),
                        (345000.0, 9192000.0),
                    ],
                    {},
                )
            ),
            "UTM",
        ),
        (lambda: geojson((ring(40, centre=(110.4, -7.0)), {})), "di luar wilayah kabupaten"),
    ],
    ids=["open", "self-intersecting", "utm", "outside"],
)
def test_a_bad_boundary_is_refused_with_its_reason_and_nothing_is_written(
    login, alice, dagan, upload, reason
):
    response = login(alice).post(_dash("boundary_upload"), {"file": upload()})
    assert response.status_code == 200
    assert reason in response.content.decode()
    assert not Boundary.objects.exists()


def test_dusun_areas_from_kml_are_named_and_drawn(login, alice, dagan, client):
    from balai.maps.demo import DAGAN_CENTRE, wedges

    rings = [w[0][0] for w in wedges(DAGAN_CENTRE, ring(400), 2)]
    upload = kml_bytes(rings, names=["Dusun Krajan", "Dusun Pucung"])
    from django.core.files.uploadedfile import SimpleUploadedFile

    data = {"file": SimpleUploadedFile("dusun.kml", upload), "kind": "dusun", "name_property": ""}
    login(alice).post(_dash("area_upload"), data)
    assert sorted(MapArea.objects.for_village(dagan).values_list("name", flat=True)) == [
        "Dusun Krajan",
        "Dusun Pucung",
    ]
    client.logout()
    page = client.get(_site("maps_map")).content.decode()
    assert 'class="map-label"' in page and ">Dusun Krajan</text>" in page


def test_areas_without_names_are_refused_whole(login, alice, dagan):
    upload = shapefile_zip([ring(40), ring(40, seed=3)], [{"KODE": "1"}, {"KODE": "2"}])
    response = login(alice).post(_dash("area_upload"), {"file": upload, "kind": "rw"})
    assert "tidak punya nama" in response.content.decode()
    assert not MapArea.objects.exists()


def test_a_point_takes_a_pasted_google_maps_pair(login, alice, dagan):
    data = {
        "name": "SD Negeri 1",
        "category": "sekolah",
        "latitude": "-7.3049, 109.3690",
        "longitude": "",
    }
    login(alice).post(_dash("place_add"), data)
    place = Place.objects.for_village(dagan).get()
    assert (place.latitude, place.longitude) == (Decimal("-7.304900"), Decimal("109.369000"))


def test_the_public_map_lists_every_point_and_only_shared_shop_locations(client, dagan):
    _place(dagan, "Polindes Dagan", "kesehatan")
    make_seller(
        dagan,
        "Batik Sekar",
        owner_name="Siti Aminah",
        latitude=Decimal("-7.3060"),
        longitude=Decimal("109.3700"),
    )
    make_seller(dagan, "Keripik Bu Rohmah", owner_name="Rohmah")  # no location shared
    make_seller(
        dagan,
        "Toko Belum Disetujui",
        status="pending",
        latitude=Decimal("-7.3061"),
        longitude=Decimal("109.3701"),
    )
    page = client.get(_site("maps_map")).content.decode()
    assert "Polindes Dagan" in page and "Batik Sekar" in page
    assert "Siti Aminah" not in page and "Keripik Bu Rohmah" not in page
    assert "Toko Belum Disetujui" not in page
    assert '<ol class="map-point-list">' in page and "Lapak warga" in page


def test_published_projects_with_a_location_are_drawn_from_the_budget(client, dagan):
    from balai.budget.models import FiscalYear, Project

    year = FiscalYear.objects.create(village=dagan, year=2025, status="approved")
    Project.objects.create(
        village=dagan,
        fiscal_year=year,
        name="Jalan Usaha Tani",
        slug="jut",
        latitude=Decimal("-7.3070"),
        longitude=Decimal("109.3670"),
    )
    page = client.get(_site("maps_map")).content.decode()
    assert "Jalan Usaha Tani" in page and "/pembangunan/jut/" in page


def test_no_map_is_a_404_and_no_menu_entry(client, dagan):
    assert client.get(_site("maps_map")).status_code == 404
    assert client.get(_site("maps_potential")).status_code == 404


def test_the_potential_page_counts_facilities_and_shows_potential(login, alice, dagan, client):
    _place(dagan, "SD 1", "sekolah")
    _place(dagan, "SD 2", "sekolah")
    data = {
        "kind": "wisata",
        "name": "Curug Sinom",
        "figure": "",
        "description": "Air terjun.",
        "photo_alt": "Air terjun di tepi hutan",
        "order": "0",
        "photo_upload": jpeg_upload(),
    }
    login(alice).post(_dash("potential_add"), data)
    potential = Potential.objects.for_village(dagan).get()
    assert potential.photo.name.endswith(".jpg")
    client.logout()
    page = client.get(_site("maps_potential")).content.decode()
    assert "Curug Sinom" in page and 'alt="Air terjun di tepi hutan"' in page
    assert "<td>Sekolah</td><td>2</td>" in page


def test_a_photo_needs_its_alt_text(login, alice, dagan):
    data = {"kind": "wisata", "name": "Curug", "order": "0", "photo_upload": jpeg_upload()}
    response = login(alice).post(_dash("potential_add"), data)
    assert "pembaca layar" in response.content.decode()
    assert not Potential.objects.exists()


def test_leaflet_and_the_tile_host_only_when_the_district_sets_tiles(client, dagan):
    _place(dagan)
    page = client.get(_site("maps_map"))
    assert "interactive.js" not in page.content.decode()
    assert "tile.openstreetmap.org" not in page["Content-Security-Policy"]
    MapSettings.objects.create(pk=1, tile_url="https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png")
    from balai.villages.content import content_changed

    content_changed(dagan)
    page = client.get(_site("maps_map"))
    assert "interactive.js" in page.content.decode()
    assert "https://a.tile.openstreetmap.org" in page["Content-Security-Policy"]
    data = client.get(_site("maps_data")).json()
    assert data["features"][0]["geometry"]["type"] == "Point"


def test_the_thumbnail_is_small_and_public_facilities_are_plain_data(dagan):
    assert selectors.boundary_thumbnail_svg(dagan) is None
    from balai.maps.services import _boundary_write

    _boundary_write(region=dagan.region, polygons=[[ring(4000)]], source="t", actor=None)
    thumb = selectors.boundary_thumbnail_svg(dagan)
    assert thumb.startswith("<svg") and "<title" in thumb and len(thumb) < 4000
    _place(dagan, "Masjid", "ibadah")
    facilities = selectors.public_facilities(dagan)
    assert facilities["facilities"][0]["name"] == "Masjid" and facilities["area_km2"] > 0


def test_the_public_map_runs_a_bounded_number_of_queries(
    client, dagan, django_assert_max_num_queries
):
    for i in range(30):
        _place(dagan, f"Titik {i}", "lainnya")
    # 26 whatever the number of points: the site menu's first build (once per content version)
    # asks each module whether it has something to show.
    with django_assert_max_num_queries(26):
        assert client.get(_site("maps_map")).status_code == 200


def test_a_kabupaten_file_gives_this_village_its_own_desa(login, alice, dagan):
    others = [
        (ring(40, centre=(109.25 + i * 0.02, -7.40), seed=i), {"kode": f"33.03.01.20{i:02}"})
        for i in range(12)
    ]
    upload = geojson((ring(600), {"kode": "33.03.09.2013"}), *others)
    login(alice).post(_dash("boundary_upload"), {"file": upload})
    assert Boundary.objects.get(region=dagan.region).vertices == 601


def test_a_file_of_many_other_desa_is_refused(login, alice, dagan):
    others = [
        (ring(40, centre=(109.25 + i * 0.02, -7.40), seed=i), {"kode": f"33.03.01.20{i:02}"})
        for i in range(12)
    ]
    response = login(alice).post(_dash("boundary_upload"), {"file": geojson(*others)})
    assert "tidak ada yang berkode desa ini (33.03.09.2013)" in response.content.decode()
    assert not Boundary.objects.exists()


def test_a_point_may_have_a_photo_shown_in_the_list(
    login, alice, dagan, client, django_capture_on_commit_callbacks
):
    data = {
        "name": "Curug Sinom",
        "category": "wisata",
        "latitude": "-7.3049",
        "longitude": "109.3690",
        "photo_alt": "Air terjun kecil",
        "photo_upload": jpeg_upload(),
    }
    login(alice).post(_dash("place_add"), data)
    place = Place.objects.for_village(dagan).get()
    assert place.photo.name.startswith("peta/")
    client.logout()
    page = client.get(_site("maps_map")).content.decode()
    assert 'alt="Air terjun kecil"' in page and 'loading="lazy"' in page
    storage, name = place.photo.storage, place.photo.name
    with django_capture_on_commit_callbacks(execute=True):
        login(alice).post(_dash("place_delete", pk=place.pk))
    assert not Place.objects.exists() and not storage.exists(name)
