"""Map files made in the test: GeoJSON, KML, KMZ and zipped shapefiles (written with struct)."""

from __future__ import annotations

import io
import json
import struct
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile

from balai.maps.demo import DAGAN_CENTRE, star_ring

WGS84_PRJ = (
    'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],'
    'PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]'
)
UTM_PRJ = 'PROJCS["WGS_1984_UTM_Zone_49S",GEOGCS["GCS_WGS_1984"],PROJECTION["Transverse_Mercator"]]'


def ring(vertices: int = 400, centre=DAGAN_CENTRE, radius_km: float = 1.2, seed: int = 1):
    return star_ring(centre, radius_km, vertices, seed)


def geojson(*features, name: str = "batas.geojson") -> SimpleUploadedFile:
    data = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": props,
                "geometry": {"type": "Polygon", "coordinates": [r]},
            }
            for r, props in features
        ],
    }
    return SimpleUploadedFile(name, json.dumps(data).encode(), content_type="application/json")


def kml_bytes(rings, names=None) -> bytes:
    marks = []
    for i, r in enumerate(rings):
        coords = " ".join(f"{x},{y},0" for x, y in r)
        name = names[i] if names else f"Wilayah {i + 1}"
        marks.append(
            f"<Placemark><name>{name}</name><Polygon><outerBoundaryIs><LinearRing>"
            f"<coordinates>{coords}</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2">'
        f"<Document>{''.join(marks)}</Document></kml>"
    ).encode()


def _shp(rings) -> bytes:
    records = b""
    for number, r in enumerate(rings, start=1):
        clockwise = list(reversed(r))  # shapefile outer rings run clockwise
        xs, ys = [p[0] for p in r], [p[1] for p in r]
        content = struct.pack("<i4d", 5, min(xs), min(ys), max(xs), max(ys))
        content += struct.pack("<ii", 1, len(clockwise)) + struct.pack("<i", 0)
        content += b"".join(struct.pack("<2d", x, y) for x, y in clockwise)
        records += struct.pack(">ii", number, len(content) // 2) + content
    header = struct.pack(">i20xi", 9994, (100 + len(records)) // 2)
    header += struct.pack("<ii4d32x", 1000, 5, 0, 0, 0, 0)
    return header + records


def _dbf(rows: list[dict[str, str]]) -> bytes:
    fields = list(rows[0]) if rows else ["NAMA"]
    width = 40
    header_len = 32 + 32 * len(fields) + 1
    out = struct.pack("<B3xIHH20x", 3, len(rows), header_len, 1 + width * len(fields))
    for name in fields:
        out += name.encode()[:10].ljust(11, b"\0") + b"C" + b"\0" * 4 + bytes([width]) + b"\0" * 15
    out += b"\x0d"
    for row in rows:
        out += b" " + b"".join(str(row.get(f, "")).encode().ljust(width)[:width] for f in fields)
    return out + b"\x1a"


def shapefile_zip(rings, rows, *, prj: str | None = WGS84_PRJ, extra=None) -> SimpleUploadedFile:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("batas/desa.shp", _shp(rings))
        archive.writestr("batas/desa.shx", b"")
        archive.writestr("batas/desa.dbf", _dbf(rows))
        if prj is not None:
            archive.writestr("batas/desa.prj", prj)
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return SimpleUploadedFile("batas.zip", out.getvalue(), content_type="application/zip")


def zipped(name: str, data: bytes, filename: str = "peta.kmz") -> SimpleUploadedFile:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(name, data)
    return SimpleUploadedFile(filename, out.getvalue(), content_type="application/zip")
