"""Plane geometry of village boundaries, in pure Python (no GDAL).

A boundary is a *multipolygon*: a list of polygons, each a list of rings (the outer ring, then
holes), each ring a list of (longitude, latitude) pairs whose last pair repeats the first. Files
are read by `formats.py`; this module checks what they hold and makes it small enough to draw:

- `polygons_check` refuses, with the reason in plain Indonesian, a ring that is not closed or
  has fewer than three corners, a coordinate that is not a longitude/latitude (UTM metres, swapped
  axes), a shape outside the kabupaten's extent, and a ring that crosses itself or another ring
  of the same polygon. The crossing test buckets segments in a grid, so a real boundary of a few
  thousand vertices costs a few thousand comparisons, and it gives up (refusing the shape as too
  complex) past a fixed number of comparisons instead of running for minutes.
- `simplify` is Douglas–Peucker on each ring (iterative, no recursion limit), keeping every ring
  a ring and dropping islets smaller than the tolerance.

Village-scale drawing uses an equirectangular projection with cos(latitude) scaling (svg.py).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.utils.translation import gettext as _

Point = tuple[float, float]
Ring = list[Point]
Polygon = list[Ring]
MultiPolygon = list[Polygon]

MAX_VERTICES = 200_000  # in one village's boundary or one area, before simplification
MAX_PAIR_TESTS = 1_000_000  # segment pairs the crossing test may compare in one polygon
PRECISION = 6  # decimal places kept (about 10 cm)


class GeometryError(ValueError):
    """A shape is refused; the message says why in Indonesian."""


@dataclass(frozen=True)
class Extent:
    """A longitude/latitude box: the kabupaten's, or a shape's."""

    west: float
    south: float
    east: float
    north: float

    def contains(self, extent: Extent) -> bool:
        return (
            self.west <= extent.west
            and self.east >= extent.east
            and self.south <= extent.south
            and self.north >= extent.north
        )

    def union(self, other: Extent) -> Extent:
        return Extent(
            min(self.west, other.west),
            min(self.south, other.south),
            max(self.east, other.east),
            max(self.north, other.north),
        )

    @property
    def diagonal(self) -> float:
        return math.hypot(self.east - self.west, self.north - self.south)

    @property
    def centre(self) -> Point:
        return ((self.west + self.east) / 2, (self.south + self.north) / 2)


def extent_of(polygons: Iterable[Polygon]) -> Extent:
    xs: list[float] = []
    ys: list[float] = []
    for polygon in polygons:
        for x, y in polygon[0]:
            xs.append(x)
            ys.append(y)
    if not xs:
        raise GeometryError(_("Berkas ini tidak berisi satu poligon pun."))
    return Extent(min(xs), min(ys), max(xs), max(ys))


def vertex_count(polygons: Iterable[Polygon]) -> int:
    return sum(len(ring) for polygon in polygons for ring in polygon)


# ---------------------------------------------------------------------------------------------
# Checks


def _coordinate_problem(x: float, y: float) -> str | None:
    if not (math.isfinite(x) and math.isfinite(y)):
        return _("Ada koordinat yang bukan angka.")
    if abs(x) > 180 or abs(y) > 90:
        if abs(x) > 1000 or abs(y) > 1000:
            return _(
                "Koordinatnya berupa meter (misalnya UTM zona 49S), bukan derajat bujur dan "
                "lintang. Simpan ulang berkas dalam WGS 84 (EPSG:4326) lalu unggah lagi."
            )
        if abs(y) <= 180 and abs(x) <= 90:
            return _swapped_message()
        return _("Ada koordinat di luar rentang bujur −180…180 dan lintang −90…90.")
    return None


def _swapped_message() -> str:
    return _(
        "Lintang dan bujur tertukar: angka bujur (sekitar 109) ada di tempat lintang. Periksa "
        "urutan kolom saat menyimpan berkas."
    )


def _swapped(extent: Extent, area: Extent) -> bool:
    """Latitude and longitude in each other's place (a common spreadsheet mistake)."""
    swapped = Extent(extent.south, extent.west, extent.north, extent.east)
    return area.contains(swapped)


def ring_closed(ring: Sequence[Point]) -> bool:
    return len(ring) >= 2 and ring[0] == ring[-1]


def _ring_check(ring: Ring, label: str) -> None:
    if not ring_closed(ring):
        raise GeometryError(
            _(
                "%(what)s tidak tertutup: titik terakhirnya tidak sama dengan titik pertama. "
                "Tutup garis batasnya di aplikasi peta lalu unggah lagi."
            )
            % {"what": label}
        )
    if len(set(ring)) < 3:
        raise GeometryError(
            _("%(what)s kurang dari tiga titik sudut, jadi bukan wilayah.") % {"what": label}
        )


def _orientation(a: Point, b: Point, c: Point) -> float:
    return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])


def _on_segment(a: Point, b: Point, p: Point) -> bool:
    return min(a[0], b[0]) <= p[0] <= max(a[0], b[0]) and min(a[1], b[1]) <= p[1] <= max(a[1], b[1])


def segments_cross(a: Point, b: Point, c: Point, d: Point) -> bool:
    """Whether segment ab meets segment cd (touching counts)."""
    o1, o2 = _orientation(a, b, c), _orientation(a, b, d)
    o3, o4 = _orientation(c, d, a), _orientation(c, d, b)
    if ((o1 > 0 > o2) or (o1 < 0 < o2)) and ((o3 > 0 > o4) or (o3 < 0 < o4)):
        return True
    return (
        (o1 == 0 and _on_segment(a, b, c))
        or (o2 == 0 and _on_segment(a, b, d))
        or (o3 == 0 and _on_segment(c, d, a))
        or (o4 == 0 and _on_segment(c, d, b))
    )


Segment = tuple[int, int, Point, Point]


def _segments(polygon: Polygon) -> list[Segment]:
    """(ring index, position, start, end) of every edge, repeated points skipped."""
    out = []
    for r, ring in enumerate(polygon):
        pts = [p for i, p in enumerate(ring) if i == 0 or p != ring[i - 1]]
        for i in range(len(pts) - 1):
            out.append((r, i, pts[i], pts[i + 1]))
    return out


def _adjacent(s: Segment, t: Segment, n: int) -> bool:
    """Neighbouring edges of one ring share a corner by construction."""
    if s[0] != t[0]:
        return False
    gap = abs(s[1] - t[1])
    return gap <= 1 or gap == n - 1


def _too_complex() -> GeometryError:
    return GeometryError(
        _(
            "Bentuk ini terlalu rumit untuk diperiksa (terlalu banyak garis yang bertumpuk). "
            "Sederhanakan dulu di aplikasi peta."
        )
    )


def _boxes_meet(s: Segment, t: Segment) -> bool:
    return not (
        max(s[2][0], s[3][0]) < min(t[2][0], t[3][0])
        or max(t[2][0], t[3][0]) < min(s[2][0], s[3][0])
        or max(s[2][1], s[3][1]) < min(t[2][1], t[3][1])
        or max(t[2][1], t[3][1]) < min(s[2][1], s[3][1])
    )


def self_intersection(polygon: Polygon) -> Point | None:
    """A point where the polygon's rings cross themselves or each other, or None.

    Segments go into the cells of a grid about twice the mean segment long, so a cell holds a
    handful and only segments sharing a cell are compared; the few edges much longer than the
    rest are compared with every segment whose box they meet. Raises GeometryError past
    MAX_PAIR_TESTS comparisons rather than running on."""
    segments = _segments(polygon)
    n = len(segments)
    ring_sizes: dict[int, int] = defaultdict(int)
    for seg in segments:
        ring_sizes[seg[0]] += 1
    mean = sum(math.dist(seg[2], seg[3]) for seg in segments) / max(n, 1)
    cell = 2 * mean or 1.0
    cells: dict[tuple[int, int], list[int]] = defaultdict(list)
    long: list[int] = []
    for index, (_r, _i, a, b) in enumerate(segments):
        x0, x1 = math.floor(min(a[0], b[0]) / cell), math.floor(max(a[0], b[0]) / cell)
        y0, y1 = math.floor(min(a[1], b[1]) / cell), math.floor(max(a[1], b[1]) / cell)
        if (x1 - x0 + 1) * (y1 - y0 + 1) > 16:
            long.append(index)
            continue
        for cx in range(x0, x1 + 1):
            for cy in range(y0, y1 + 1):
                cells[(cx, cy)].append(index)
    groups: list[tuple[list[int], list[int] | None]] = [(m, None) for m in cells.values()]
    groups += [([i], list(range(n))) for i in long]
    tests = 0
    seen: set[tuple[int, int]] = set()
    for members, others in groups:
        tests += len(members) * (len(members) - 1) // 2 if others is None else n
        if tests > MAX_PAIR_TESTS:
            raise _too_complex()
        for i, first in enumerate(members):
            s = segments[first]
            for second in members[i + 1 :] if others is None else others:
                pair = (min(first, second), max(first, second))
                t = segments[second]
                if first == second or pair in seen or _adjacent(s, t, ring_sizes[s[0]]):
                    continue
                seen.add(pair)
                if _boxes_meet(s, t) and segments_cross(s[2], s[3], t[2], t[3]):
                    return s[3] if s[3] in (t[2], t[3]) else s[2]
    return None


def polygons_check(polygons: MultiPolygon, *, area: Extent | None, what: str = "") -> MultiPolygon:
    """The polygons rounded to PRECISION, or GeometryError saying what is wrong."""
    label = what or _("Batas wilayah")
    if not polygons:
        raise GeometryError(_("Berkas ini tidak berisi satu poligon pun."))
    total = vertex_count(polygons)
    if total > MAX_VERTICES:
        raise GeometryError(
            _("%(what)s punya %(n)s titik; paling banyak %(max)s. Sederhanakan dulu.")
            % {"what": label, "n": f"{total:,}".replace(",", "."), "max": "200.000"}
        )
    for polygon in polygons:
        for ring in polygon:
            for x, y in ring:
                problem = _coordinate_problem(x, y)
                if problem:
                    raise GeometryError(problem)
    rounded = [
        [[(round(x, PRECISION), round(y, PRECISION)) for x, y in ring] for ring in polygon]
        for polygon in polygons
    ]
    for polygon in rounded:
        for ring in polygon:
            _ring_check(ring, label)
    box = extent_of(rounded)
    if area is not None and not area.contains(box):
        if _swapped(box, area):
            raise GeometryError(_swapped_message())
        raise GeometryError(
            _(
                "%(what)s berada di luar wilayah kabupaten (bujur %(w).3f…%(e).3f, lintang "
                "%(s).3f…%(n).3f). Periksa apakah berkasnya benar dan memakai WGS 84."
            )
            % {"what": label, "w": box.west, "e": box.east, "s": box.south, "n": box.north}
        )
    for polygon in rounded:
        point = self_intersection(polygon)
        if point is not None:
            raise GeometryError(
                _(
                    "%(what)s memotong dirinya sendiri di dekat %(lat).5f, %(lng).5f. Perbaiki "
                    "garis batas di titik itu lalu unggah lagi."
                )
                % {"what": label, "lat": point[1], "lng": point[0]}
            )
    return rounded


# ---------------------------------------------------------------------------------------------
# Simplification and measures


def _perpendicular(p: Point, a: Point, b: Point) -> float:
    dx, dy = b[0] - a[0], b[1] - a[1]
    if dx == 0 and dy == 0:
        return math.hypot(p[0] - a[0], p[1] - a[1])
    return abs(dy * p[0] - dx * p[1] + b[0] * a[1] - b[1] * a[0]) / math.hypot(dx, dy)


def simplify_line(points: Sequence[Point], tolerance: float) -> list[Point]:
    """Douglas–Peucker, iterative: the points whose removal would move the line more than
    `tolerance`, with both ends."""
    n = len(points)
    if n < 3 or tolerance <= 0:
        return list(points)
    keep = [False] * n
    keep[0] = keep[-1] = True
    stack = [(0, n - 1)]
    while stack:
        first, last = stack.pop()
        worst, index = 0.0, -1
        a, b = points[first], points[last]
        for i in range(first + 1, last):
            d = _perpendicular(points[i], a, b)
            if d > worst:
                worst, index = d, i
        if index >= 0 and worst > tolerance:
            keep[index] = True
            stack.append((first, index))
            stack.append((index, last))
    return [p for p, k in zip(points, keep, strict=True) if k]


def _simplify_ring(ring: Ring, tolerance: float) -> Ring | None:
    if len(ring) < 4:
        return None
    # Split at the point farthest from the start, so a closed ring keeps its span.
    start = ring[0]
    far = max(
        range(len(ring)), key=lambda i: (ring[i][0] - start[0]) ** 2 + (ring[i][1] - start[1]) ** 2
    )
    first = simplify_line(ring[: far + 1], tolerance)
    second = simplify_line(ring[far:], tolerance)
    out = first + second[1:]
    if len(out) < 4:
        return None
    return out


def simplify(polygons: MultiPolygon, tolerance: float) -> MultiPolygon:
    """Each ring simplified; a polygon or hole that collapses (an islet smaller than the
    tolerance) is dropped, but the largest polygon is always kept."""
    out: MultiPolygon = []
    for polygon in polygons:
        outer = _simplify_ring(polygon[0], tolerance)
        if outer is None:
            continue
        holes = [h for h in (_simplify_ring(r, tolerance) for r in polygon[1:]) if h]
        out.append([outer, *holes])
    if not out and polygons:
        biggest = max(polygons, key=lambda p: abs(ring_area(p[0])))
        out = [[biggest[0]]]
    return out


def ring_area(ring: Sequence[Point]) -> float:
    """Signed shoelace area in squared degrees (positive counter-clockwise)."""
    total = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:], strict=False):
        total += x0 * y1 - x1 * y0
    return total / 2


def area_km2(polygons: MultiPolygon) -> float:
    """Approximate area: squared degrees scaled at the shape's latitude (fine for a village)."""
    if not polygons:
        return 0.0
    lat = extent_of(polygons).centre[1]
    scale = 111.32 * 110.57 * math.cos(math.radians(lat))
    degrees = sum(abs(ring_area(p[0])) - sum(abs(ring_area(h)) for h in p[1:]) for p in polygons)
    return degrees * scale


def label_point(polygons: MultiPolygon) -> Point:
    """Where to write a name: the centroid of the largest polygon's outer ring, or — when that
    falls outside (a crescent) — the middle of its widest horizontal span at that height."""
    ring = max((p[0] for p in polygons), key=lambda r: abs(ring_area(r)))
    a = ring_area(ring)
    if a == 0:
        return ring[0]
    cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:], strict=False):
        f = x0 * y1 - x1 * y0
        cx += (x0 + x1) * f
        cy += (y0 + y1) * f
    centre = (cx / (6 * a), cy / (6 * a))
    if point_in_ring(centre, ring):
        return centre
    crossings = sorted(
        x0 + (centre[1] - y0) * (x1 - x0) / (y1 - y0)
        for (x0, y0), (x1, y1) in zip(ring, ring[1:], strict=False)
        if (y0 > centre[1]) != (y1 > centre[1])
    )
    spans = list(zip(crossings[::2], crossings[1::2], strict=False))
    if not spans:
        return centre
    left, right = max(spans, key=lambda s: s[1] - s[0])
    return ((left + right) / 2, centre[1])


def point_in_ring(point: Point, ring: Sequence[Point]) -> bool:
    x, y = point
    inside = False
    for (x0, y0), (x1, y1) in zip(ring, ring[1:], strict=False):
        if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
            inside = not inside
    return inside
