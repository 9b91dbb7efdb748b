"""Every boundary a village or the district may upload is checked before anything is written:
each bad file is refused with its reason in Indonesian, and a hostile one cannot hang the
reader."""

from __future__ import annotations

import io
import json
import time

import pytest

from balai.maps.formats import FormatError, read_features
from balai.maps.geometry import GeometryError, polygons_check
from balai.maps.models import DEFAULT_EXTENT
from balai.maps.tests.conftest import UTM_PRJ, kml_bytes, ring, shapefile_zip, zipped


def check(polygons):
    return polygons_check(polygons, area=DEFAULT_EXTENT)


def test_a_real_boundary_passes_and_is_rounded():
    polygons = check([[ring(3000)]])
    assert len(polygons[0][0]) == 3001
    assert all(len(str(x).split(".")[1]) <= 6 for x, _y in polygons[0][0][:50])


def test_an_open_ring_is_refused():
    open_ring = ring(50)[:-1]
    with pytest.raises(GeometryError, match="tidak tertutup"):
        check([[open_ring]])


def test_a_self_intersecting_boundary_is_refused_with_where():
    bowtie = [(109.36, -7.30), (109.38, -7.32), (109.38, -7.30), (109.36, -7.32), (109.36, -7.30)]
    with pytest.raises(GeometryError, match="memotong dirinya sendiri di dekat -7.3"):
        check([[bowtie]])


def test_a_hole_crossing_its_outer_ring_is_refused():
    outer = [(109.36, -7.30), (109.38, -7.30), (109.38, -7.32), (109.36, -7.32), (109.36, -7.30)]
    hole = [(109.37, -7.31), (109.39, -7.31), (109.39, -7.315), (109.37, -7.315), (109.37, -7.31)]
    with pytest.raises(GeometryError, match="memotong"):
        check([[outer, hole]])


def test_utm_metres_are_refused_as_such():
    utm = [
        (345000.0, 9192000.0),
        (346000.0, 9192000.0),
        (346000.0, 9193000.0),
        (345000.0, 9192000.0),
    ]
    with pytest.raises(GeometryError, match="UTM"):
        check([[utm]])


def test_swapped_latitude_and_longitude_are_named():
    swapped = [(y, x) for x, y in ring(40)]
    with pytest.raises(GeometryError, match="tertukar"):
        check([[swapped]])


def test_a_boundary_outside_the_kabupaten_is_refused():
    jakarta = ring(40, centre=(106.85, -6.2))
    with pytest.raises(GeometryError, match="di luar wilayah kabupaten"):
        check([[jakarta]])


def test_a_ring_of_two_corners_is_refused():
    line = [(109.36, -7.30), (109.37, -7.30), (109.36, -7.30)]
    with pytest.raises(GeometryError, match="kurang dari tiga"):
        check([[line]])


def _read(data: bytes):
    return read_features(io.BytesIO(data))


def test_geojson_feature_collection_multipolygon_and_bare_geometry_are_read():
    r = ring(30)
    multi = {"type": "MultiPolygon", "coordinates": [[r], [ring(30, seed=2)]]}
    assert len(_read(json.dumps(multi).encode())[0].polygons) == 2
    feature = {
        "type": "Feature",
        "properties": {"nama": "Dagan"},
        "geometry": {"type": "Polygon", "coordinates": [r]},
    }
    assert _read(json.dumps(feature).encode())[0].name() == "Dagan"


def test_broken_json_and_points_only_are_refused():
    with pytest.raises(FormatError, match="rusak"):
        _read(b'{"type": "FeatureCollection", "features": [')
    point = {"type": "Point", "coordinates": [109.3, -7.3]}
    with pytest.raises(FormatError, match="tidak berisi poligon"):
        _read(json.dumps(point).encode())


def test_a_geojson_in_utm_crs_is_refused():
    data = {
        "type": "FeatureCollection",
        "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::32749"}},
        "features": [],
    }
    with pytest.raises(FormatError, match="UTM"):
        _read(json.dumps(data).encode())


def test_kml_and_kmz_are_read():
    data = kml_bytes([ring(30)], names=["Dusun Krajan"])
    assert _read(data)[0].name() == "Dusun Krajan"
    kmz = zipped("doc.kml", data).read()
    assert _read(kmz)[0].polygons[0][0][0] == ring(30)[0]


def test_kml_with_a_dtd_or_entities_is_refused():
    bomb = b'<?xml version="1.0"?><!DOCTYPE kml [<!ENTITY a "aaaa">]><kml>&a;</kml>'
    with pytest.raises(FormatError, match="DTD"):
        _read(bomb)


def test_a_kml_with_thousands_of_polygons_is_refused_quickly():
    tiny = [(109.36, -7.30), (109.3601, -7.30), (109.3601, -7.3001), (109.36, -7.30)]
    data = kml_bytes([tiny] * 5000)
    started = time.monotonic()
    with pytest.raises(FormatError, match="lebih dari 1.000 poligon"):
        _read(data)
    assert time.monotonic() - started < 5


def test_a_shapefile_zip_is_read_with_its_attributes():
    upload = shapefile_zip([ring(40)], [{"KDEPUM": "33.03.09.2013", "NAMOBJ": "Dagan"}])
    features = _read(upload.read())
    assert features[0].properties["KDEPUM"] == "33.03.09.2013"
    assert features[0].name() == "Dagan"
    assert len(features[0].polygons[0][0]) == 41


def test_a_shapefile_in_utm_is_refused_by_its_prj():
    upload = shapefile_zip([ring(40)], [{"NAMA": "Dagan"}], prj=UTM_PRJ)
    with pytest.raises(FormatError, match="UTM"):
        _read(upload.read())


def test_a_zip_with_a_path_out_of_its_folder_is_refused():
    upload = shapefile_zip([ring(40)], [{"NAMA": "x"}], extra={"../../etc/evil.txt": b"x"})
    with pytest.raises(FormatError, match=r"\.\./"):
        _read(upload.read())


def test_a_zip_with_two_shapefiles_is_refused():
    upload = shapefile_zip([ring(40)], [{"NAMA": "x"}], extra={"lain.shp": b"x"})
    with pytest.raises(FormatError, match="2 shapefile"):
        _read(upload.read())


def test_an_unknown_file_is_refused():
    with pytest.raises(FormatError, match="tidak dikenali"):
        _read(b"%PDF-1.4 hello")


def test_a_long_edge_crossing_many_short_ones_is_found():
    # A fine zigzag along the top, then one long edge back across it.
    top = [(109.30 + i * 0.0005, -7.30 + (0.0004 if i % 2 else 0)) for i in range(200)]
    crossing = [*top, (109.30, -7.2999), top[0]]  # the last long edge cuts through the zigzag
    with pytest.raises(GeometryError, match="memotong"):
        check([[crossing]])


def test_a_real_size_boundary_draws_within_the_size_bound():
    import random

    from balai.maps import svg
    from balai.maps.demo import DAGAN_CENTRE
    from balai.maps.services import _display

    cx, cy = DAGAN_CENTRE

    rng = random.Random(3)  # radial noise: the ring stays star-shaped, so simple but jagged
    jagged = []
    for x, y in ring(5000)[:-1]:
        f = 1 + rng.uniform(-0.03, 0.03)
        jagged.append((cx + (x - cx) * f, cy + (y - cy) * f))
    polygons = check([[[*jagged, jagged[0]]]])
    display = _display(polygons)
    assert sum(len(r) for p in display for r in p) < 5000
    drawing = svg.village_map(boundary=display, areas=[], points=[], title="Peta", desc="Batas")
    assert len(drawing) <= 30 * 1024
    assert "<title" in drawing and "<desc" in drawing


@pytest.mark.parametrize(
    "data",
    [
        b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        b"<html><body><script>alert(1)</script></body></html>",
    ],
    ids=["svg", "html"],
)
def test_a_picture_or_page_posing_as_a_map_is_refused(data):
    with pytest.raises(FormatError, match="tidak berisi poligon"):
        _read(data)
