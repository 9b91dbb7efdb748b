"""Reading boundary files: GeoJSON, KML, KMZ and zipped shapefiles, in pure Python.

Each reader returns `Feature`s (the properties a row carries, and its polygons as lon/lat rings)
and refuses a file with a `FormatError` in plain Indonesian. A hostile or oversized file cannot
hang the reader: the byte size is capped before reading, a zip is judged by its directory before
anything is inflated (the imports' `zip_check`), XML with a DTD or entities is refused before it
is parsed, and counting stops at MAX_FEATURES polygons or MAX_TOTAL_VERTICES points.
"""

from __future__ import annotations

import io
import json
import re
import struct
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import IO, Any
from xml.etree import ElementTree

from django.utils.translation import gettext as _

from balai.imports.containers import Limits, zip_check
from balai.imports.problems import FileProblem
from balai.maps.geometry import MultiPolygon, Point, Polygon, Ring, point_in_ring, ring_area

MAX_BYTES = 30 * 1024 * 1024
MAX_FEATURES = 1_000  # a kabupaten has a few hundred desa; a village a few dozen dusun/RW
MAX_TOTAL_VERTICES = 2_000_000
ZIP_LIMITS = Limits(max_bytes=MAX_BYTES, max_unpacked=60 * 1024 * 1024, max_entries=50)


class FormatError(ValueError):
    """The file is refused as a whole."""


@dataclass
class Feature:
    properties: dict[str, str] = field(default_factory=dict)
    polygons: MultiPolygon = field(default_factory=list)

    def name(self, key: str = "") -> str:
        for candidate in (key, "nama", "name", "NAMOBJ", "WADMKD", "desa", "NAMA", "Name"):
            if candidate and self.properties.get(candidate):
                return self.properties[candidate]
        return ""


class _Budget:
    """Counts features and vertices as they are read, refusing past the limits."""

    def __init__(self, max_features: int) -> None:
        self.max_features = max_features
        self.features = 0
        self.vertices = 0

    def feature(self) -> None:
        self.features += 1
        if self.features > self.max_features:
            raise FormatError(
                _(
                    "Berkas ini berisi lebih dari %(max)s poligon. Bagi berkasnya, atau unggah "
                    "hanya wilayah yang diperlukan."
                )
                % {"max": f"{self.max_features:,}".replace(",", ".")}
            )

    def points(self, n: int) -> None:
        self.vertices += n
        if self.vertices > MAX_TOTAL_VERTICES:
            raise FormatError(
                _("Berkas ini berisi lebih dari 2 juta titik. Sederhanakan dulu di aplikasi peta.")
            )


def read_features(upload: IO[bytes], *, max_features: int = MAX_FEATURES) -> list[Feature]:
    """The features of an uploaded file, whichever of the supported kinds it is."""
    head = upload.read(MAX_BYTES + 1)
    if len(head) > MAX_BYTES:
        raise FormatError(_("Berkas lebih besar dari 30 MB."))
    budget = _Budget(max_features)
    if head.startswith(b"PK\x03\x04"):
        return _read_zip(head, budget)
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if text.startswith((b"{", b"[")):
        return _read_geojson(head, budget)
    if text.startswith(b"<"):
        return _read_kml(head, budget)
    raise FormatError(
        _("Jenis berkas tidak dikenali. Unggah GeoJSON, KML, KMZ, atau shapefile dalam zip.")
    )


# ---------------------------------------------------------------------------------------------
# GeoJSON


def _number_pair(value: Any) -> Point:
    if (
        not isinstance(value, list | tuple)
        or len(value) < 2
        or not all(isinstance(v, int | float) and not isinstance(v, bool) for v in value[:2])
    ):
        raise FormatError(_("Ada koordinat GeoJSON yang bukan pasangan angka."))
    return (float(value[0]), float(value[1]))


def _geojson_polygon(coords: Any, budget: _Budget) -> Polygon:
    if not isinstance(coords, list) or not coords:
        raise FormatError(_("Ada poligon GeoJSON tanpa koordinat."))
    rings: Polygon = []
    for ring in coords:
        if not isinstance(ring, list):
            raise FormatError(_("Ada poligon GeoJSON tanpa koordinat."))
        budget.points(len(ring))
        rings.append([_number_pair(p) for p in ring])
    return rings


def _geojson_geometry(geometry: Any, budget: _Budget) -> MultiPolygon:
    if not isinstance(geometry, dict):
        return []
    kind = geometry.get("type")
    if kind == "Polygon":
        budget.feature()
        return [_geojson_polygon(geometry.get("coordinates"), budget)]
    if kind == "MultiPolygon":
        out = []
        for coords in geometry.get("coordinates") or []:
            budget.feature()
            out.append(_geojson_polygon(coords, budget))
        return out
    if kind == "GeometryCollection":
        return [p for g in geometry.get("geometries") or [] for p in _geojson_geometry(g, budget)]
    return []  # points and lines are not areas


def _properties(raw: Any) -> dict[str, str]:
    if not isinstance(raw, dict):
        return {}
    return {str(k)[:60]: str(v)[:200] for k, v in raw.items() if v is not None}


def _read_geojson(raw: bytes, budget: _Budget) -> list[Feature]:
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise FormatError(_("Berkas GeoJSON ini rusak atau bukan JSON yang sah.")) from exc
    if not isinstance(data, dict):
        raise FormatError(_("Berkas GeoJSON ini rusak atau bukan JSON yang sah."))
    crs = json.dumps(data.get("crs") or "")
    if crs and re.search(r"EPSG:+(?:326|327|238)\d\d", crs):
        raise FormatError(_geographic_message())
    if data.get("type") == "FeatureCollection":
        items = data.get("features") or []
    elif data.get("type") == "Feature":
        items = [data]
    else:
        items = [{"type": "Feature", "properties": {}, "geometry": data}]
    features = []
    for item in items:
        if not isinstance(item, dict):
            continue
        polygons = _geojson_geometry(item.get("geometry"), budget)
        if polygons:
            features.append(Feature(_properties(item.get("properties")), polygons))
    return _non_empty(features)


def _non_empty(features: list[Feature]) -> list[Feature]:
    if not features:
        raise FormatError(
            _("Berkas ini tidak berisi poligon (wilayah). Titik dan garis saja tidak cukup.")
        )
    return features


def _geographic_message() -> str:
    return _(
        "Berkas ini memakai sistem koordinat proyeksi (misalnya UTM), bukan derajat bujur dan "
        "lintang. Simpan ulang dalam WGS 84 (EPSG:4326) lalu unggah lagi."
    )


# ---------------------------------------------------------------------------------------------
# KML / KMZ

_DTD = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _kml_ring(text: str, budget: _Budget) -> Ring:
    ring: Ring = []
    for chunk in text.split():
        parts = chunk.split(",")
        try:
            ring.append((float(parts[0]), float(parts[1])))
        except (ValueError, IndexError) as exc:
            raise FormatError(_("Ada koordinat KML yang bukan angka.")) from exc
    budget.points(len(ring))
    return ring


def _kml_polygon(element: ElementTree.Element, budget: _Budget) -> Polygon:
    outer: Ring = []
    holes: list[Ring] = []
    for child in element:
        name = _local(child.tag)
        if name not in ("outerBoundaryIs", "innerBoundaryIs"):
            continue
        for node in child.iter():
            if _local(node.tag) == "coordinates":
                ring = _kml_ring(node.text or "", budget)
                if name == "outerBoundaryIs":
                    outer = ring
                else:
                    holes.append(ring)
    if not outer:
        raise FormatError(_("Ada poligon KML tanpa batas luar (outerBoundaryIs)."))
    return [outer, *holes]


def _kml_properties(placemark: ElementTree.Element) -> dict[str, str]:
    props: dict[str, str] = {}
    for node in placemark.iter():
        tag = _local(node.tag)
        if tag == "name" and "name" not in props:
            props["name"] = (node.text or "").strip()[:200]
        elif tag == "SimpleData" and node.get("name"):
            props[str(node.get("name"))[:60]] = (node.text or "").strip()[:200]
        elif tag == "Data" and node.get("name"):
            value = next((c.text for c in node if _local(c.tag) == "value"), "")
            props[str(node.get("name"))[:60]] = (value or "").strip()[:200]
    return props


def _read_kml(raw: bytes, budget: _Budget) -> list[Feature]:
    if _DTD.search(raw[:4096]) or b"<!ENTITY" in raw:
        raise FormatError(_("Berkas KML ini memuat DTD atau entitas XML; itu tidak diterima."))
    features = []
    try:
        for _event, element in ElementTree.iterparse(io.BytesIO(raw), events=("end",)):
            if _local(element.tag) != "Placemark":
                continue
            polygons = []
            for node in element.iter():
                if _local(node.tag) == "Polygon":
                    budget.feature()
                    polygons.append(_kml_polygon(node, budget))
            if polygons:
                features.append(Feature(_kml_properties(element), polygons))
            element.clear()
    except ElementTree.ParseError as exc:
        raise FormatError(_("Berkas KML ini rusak atau bukan XML yang sah.")) from exc
    return _non_empty(features)


# ---------------------------------------------------------------------------------------------
# Zip: KMZ or a shapefile


def _zip_problem(exc: FileProblem) -> FormatError:
    if exc.code == "zip_entries":
        return FormatError(_("Berkas zip ini berisi terlalu banyak berkas (paling banyak 50)."))
    if exc.code == "zip_unpacked":
        return FormatError(_("Isi berkas zip ini terlalu besar setelah dibuka."))
    if exc.code == "encrypted":
        return FormatError(_("Berkas zip ini dikunci kata sandi."))
    return FormatError(_("Berkas zip ini rusak."))


def _read_zip(raw: bytes, budget: _Budget) -> list[Feature]:
    handle = io.BytesIO(raw)
    try:
        infos = zip_check(handle, ZIP_LIMITS)
    except FileProblem as exc:
        raise _zip_problem(exc) from exc
    names = [i.filename for i in infos if not i.is_dir()]
    if any(n.startswith(("/", "\\")) or ".." in n.replace("\\", "/").split("/") for n in names):
        raise FormatError(_("Berkas zip ini memuat jalur berkas yang tidak aman (../)."))
    with zipfile.ZipFile(handle) as archive:
        kml = [n for n in names if n.lower().endswith(".kml")]
        shp = [n for n in names if n.lower().endswith(".shp")]
        if kml and not shp:
            return _read_kml(archive.read(kml[0]), budget)
        if len(shp) != 1:
            raise FormatError(
                _(
                    "Zip harus berisi satu shapefile (.shp, .shx, .dbf, .prj) atau satu berkas "
                    "KML. Berkas ini berisi %(n)s shapefile."
                )
                % {"n": len(shp)}
            )
        stem = shp[0][:-4]
        by_ext = {n[len(stem) :].lower(): n for n in names if n.startswith(stem)}
        if ".dbf" not in by_ext:
            raise FormatError(_("Shapefile ini tidak punya berkas .dbf (atribut)."))
        prj = archive.read(by_ext[".prj"]).decode("latin-1") if ".prj" in by_ext else ""
        _prj_check(prj)
        encoding = "utf-8"
        if ".cpg" in by_ext:
            encoding = archive.read(by_ext[".cpg"]).decode("ascii", "ignore").strip() or encoding
        records = list(_dbf_records(archive.read(by_ext[".dbf"]), encoding))
        shapes = list(_shp_polygons(archive.read(shp[0]), budget))
    features = []
    for index, polygons in enumerate(shapes):
        if polygons:
            props = records[index] if index < len(records) else {}
            features.append(Feature(props, polygons))
    return _non_empty(features)


def _prj_check(prj: str) -> None:
    text = prj.strip().upper()
    if not text:
        return  # judged by the coordinates themselves
    if text.startswith("PROJCS") or "PROJECTION[" in text:
        raise FormatError(_geographic_message())
    if "WGS" not in text or "84" not in text:
        raise FormatError(
            _(
                "Shapefile ini memakai datum selain WGS 84 (menurut berkas .prj). Simpan ulang "
                "dalam WGS 84 (EPSG:4326) lalu unggah lagi."
            )
        )


def _shp_polygons(data: bytes, budget: _Budget) -> Iterator[MultiPolygon]:
    if len(data) < 100 or struct.unpack(">i", data[:4])[0] != 9994:
        raise FormatError(_("Berkas .shp ini rusak."))
    shape_type = struct.unpack("<i", data[32:36])[0]
    if shape_type not in (5, 15, 25):
        raise FormatError(
            _("Shapefile ini bukan poligon (jenisnya %(kind)s). Unggah batas wilayah berupa area.")
            % {"kind": shape_type}
        )
    offset = 100
    while offset + 8 <= len(data):
        length = struct.unpack(">i", data[offset + 4 : offset + 8])[0] * 2
        content = data[offset + 8 : offset + 8 + length]
        offset += 8 + length
        if len(content) < 4 or length <= 0:
            raise FormatError(_("Berkas .shp ini rusak."))
        if struct.unpack("<i", content[:4])[0] == 0:
            yield []  # a null shape keeps its place so records stay paired with the .dbf
            continue
        try:
            parts_n, points_n = struct.unpack("<ii", content[36:44])
            if parts_n <= 0 or points_n <= 0 or 44 + 4 * parts_n + 16 * points_n > len(content):
                raise FormatError(_("Berkas .shp ini rusak."))
            parts = struct.unpack(f"<{parts_n}i", content[44 : 44 + 4 * parts_n])
            start = 44 + 4 * parts_n
            budget.points(points_n)
            flat = struct.unpack(f"<{2 * points_n}d", content[start : start + 16 * points_n])
        except struct.error as exc:
            raise FormatError(_("Berkas .shp ini rusak.")) from exc
        points = list(zip(flat[0::2], flat[1::2], strict=True))
        bounds = [*parts, points_n]
        rings = [points[bounds[i] : bounds[i + 1]] for i in range(parts_n)]
        yield _shp_group(rings, budget)


def _shp_group(rings: list[Ring], budget: _Budget) -> MultiPolygon:
    """Shapefile rings are clockwise for an outer ring, counter-clockwise for a hole; a hole
    belongs to the outer ring that holds its first point."""
    polygons: MultiPolygon = []
    holes: list[Ring] = []
    for ring in rings:
        if ring_area(ring) <= 0:
            budget.feature()
            polygons.append([ring])
        else:
            holes.append(ring)
    for hole in holes:
        owner = next((p for p in polygons if point_in_ring(hole[0], p[0])), None)
        if owner is None:
            budget.feature()
            polygons.append([hole])  # wound the wrong way round: an outer ring after all
        else:
            owner.append(hole)
    return polygons


def _dbf_records(data: bytes, encoding: str) -> Iterator[dict[str, str]]:
    if len(data) < 32:
        raise FormatError(_("Berkas .dbf ini rusak."))
    count, header_len, record_len = struct.unpack("<IHH", data[4:12])
    fields = []
    position = 32
    while position + 32 <= header_len and data[position] != 0x0D:
        name = data[position : position + 11].split(b"\0", 1)[0].decode("latin-1").strip()
        fields.append((name, data[position + 16]))
        position += 32
    for index in range(min(count, MAX_FEATURES * 10)):
        start = header_len + index * record_len
        record = data[start : start + record_len]
        if len(record) < record_len:
            break
        values: dict[str, str] = {}
        cursor = 1  # the deletion flag
        for name, width in fields:
            raw = record[cursor : cursor + width]
            cursor += width
            try:
                text = raw.decode(encoding)
            except (UnicodeDecodeError, LookupError):
                text = raw.decode("latin-1")
            values[name[:60]] = text.strip()[:200]
        yield values
