"""Maps drawn on the server as SVG: no tiles, no external request, readable without JavaScript.

Shapes are projected equirectangularly (longitude scaled by cos of the middle latitude, which is
exact enough across a kabupaten), simplified again in screen units so that nothing finer than
half a unit is drawn, and written as relative path commands with integer coordinates: a real
boundary of a few thousand vertices becomes a path of a few KB.

Colours come as presentation attributes or classes, never `style` attributes (the CSP allows
no inline style). Every map has a <title> and <desc>; the page lists the same content as text.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.utils.html import escape

from balai.maps.geometry import (
    Extent,
    MultiPolygon,
    Point,
    label_point,
    simplify_line,
    vertex_count,
)

# Categories of points: colour and the letter drawn in the marker (never colour alone).
POINT_STYLE = {
    "kantor": ("#1f6f43", "K"),
    "sekolah": ("#1d4ed8", "S"),
    "kesehatan": ("#b91c1c", "+"),
    "ibadah": ("#6d28d9", "I"),
    "pasar": ("#b45309", "P"),
    "wisata": ("#0f766e", "W"),
    "olahraga": ("#4d7c0f", "O"),
    "lainnya": ("#475569", "•"),
    "pembangunan": ("#9a3412", "B"),
    "lapak": ("#be185d", "L"),
}
FINE_VERTICES = 4000  # above this many, a village map simplifies again while drawing
AREA_FILLS = ("#e8f3ec", "#fdf2d6", "#e6eefb", "#f7e4ee", "#eaf5d8", "#f1e8fb", "#fde7da")


@dataclass(frozen=True)
class MapPoint:
    number: int
    name: str
    category: str
    lng: float
    lat: float


@dataclass(frozen=True)
class Shape:
    """A labelled, filled shape of a district map or a village's area."""

    polygons: MultiPolygon
    label: str
    fill: str
    title: str = ""
    href: str = ""


class Projection:
    def __init__(self, extent: Extent, width: int, pad: int = 8) -> None:
        self.extent = extent
        self.k = math.cos(math.radians((extent.south + extent.north) / 2))
        span_x = max((extent.east - extent.west) * self.k, 1e-9)
        span_y = max(extent.north - extent.south, 1e-9)
        # As wide as asked; a tall shape is held to 1.2 × the width in height.
        self.scale = min((width - 2 * pad) / span_x, (1.2 * width - 2 * pad) / span_y)
        self.pad = pad
        self.width = round(span_x * self.scale) + 2 * pad
        self.height = round(span_y * self.scale) + 2 * pad

    def xy(self, point: Point) -> tuple[float, float]:
        x = (point[0] - self.extent.west) * self.k * self.scale + self.pad
        y = (self.extent.north - point[1]) * self.scale + self.pad
        return x, y


def _ring_path(ring: Sequence[Point], proj: Projection, tolerance: float) -> str:
    projected = [proj.xy(p) for p in ring]
    if tolerance > 0:
        projected = simplify_line(projected, tolerance)
    out: list[str] = []
    last: tuple[int, int] | None = None
    for x, y in projected:
        point = (round(x), round(y))
        if last is None:
            out.append(f"M{point[0]} {point[1]}")
        elif point != last:
            dx, dy = point[0] - last[0], point[1] - last[1]
            out.append(f"{'l' if len(out) == 1 else ''}{dx} {dy}".replace(" -", "-"))
        last = point
    if len(out) < 3:
        return ""
    return " ".join(out) + "z"


def path_data(polygons: MultiPolygon, proj: Projection, tolerance: float = 0.6) -> str:
    return "".join(_ring_path(ring, proj, tolerance) for polygon in polygons for ring in polygon)


def _frame(proj: Projection, title: str, desc: str, css: str, ident: str) -> tuple[str, str]:
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {proj.width} {proj.height}" '
        f'class="{css}" role="img" aria-labelledby="{ident}-t {ident}-d">'
        f'<title id="{ident}-t">{escape(title)}</title><desc id="{ident}-d">{escape(desc)}</desc>'
    )
    return head, "</svg>"


def village_map(
    *,
    boundary: MultiPolygon | None,
    areas: Sequence[Shape],
    points: Sequence[MapPoint],
    title: str,
    desc: str,
    width: int = 480,
) -> str | None:
    """The village map: boundary, named areas, numbered points. None when there is nothing."""
    extent = _extent(boundary, areas, points)
    if extent is None:
        return None
    proj = Projection(extent, width, pad=14)
    head, tail = _frame(proj, title, desc, "map-svg", "peta")
    # Stored display shapes are already simplified to about a pixel of this map: rounding to
    # whole units is enough, unless a shape is still very detailed.
    detail = vertex_count(boundary or []) + sum(vertex_count(a.polygons) for a in areas)
    tolerance = 0.6 if detail > FINE_VERTICES else 0.0
    parts = [head]
    for area in areas:
        d = path_data(area.polygons, proj, tolerance)
        if d:
            parts.append(f'<path class="map-area" fill="{area.fill}" d="{d}"/>')
    if boundary:
        parts.append(f'<path class="map-boundary" d="{path_data(boundary, proj, tolerance)}"/>')
    for area in areas:
        x, y = proj.xy(label_point(area.polygons))
        parts.append(f'<text class="map-label" x="{x:.0f}" y="{y:.0f}">{escape(area.label)}</text>')
    for point in points:
        colour, _letter = POINT_STYLE.get(point.category, POINT_STYLE["lainnya"])
        x, y = proj.xy((point.lng, point.lat))
        parts.append(
            f'<g class="map-point"><title>{point.number}. {escape(point.name)}</title>'
            f'<circle cx="{x:.0f}" cy="{y:.0f}" r="11" fill="{colour}"/>'
            f'<text x="{x:.0f}" y="{y + 4:.0f}">{point.number}</text></g>'
        )
    parts.append(tail)
    return "".join(parts)


def _extent(
    boundary: MultiPolygon | None, areas: Sequence[Shape], points: Sequence[MapPoint]
) -> Extent | None:
    boxes: list[Extent] = []
    if boundary:
        boxes.append(box_of(boundary))
    boxes.extend(box_of(a.polygons) for a in areas if a.polygons)
    if points:
        lngs = [p.lng for p in points]
        lats = [p.lat for p in points]
        boxes.append(Extent(min(lngs), min(lats), max(lngs), max(lats)))
    if not boxes:
        return None
    box = boxes[0]
    for other in boxes[1:]:
        box = box.union(other)
    if box.diagonal < 0.004:  # a single point: show about 400 m around it
        cx, cy = box.centre
        box = Extent(cx - 0.002, cy - 0.002, cx + 0.002, cy + 0.002)
    return box


def box_of(polygons: MultiPolygon) -> Extent:
    """The box around the outer rings."""
    xs = [p[0] for polygon in polygons for p in polygon[0]]
    ys = [p[1] for polygon in polygons for p in polygon[0]]
    return Extent(min(xs), min(ys), max(xs), max(ys))


def thumbnail(boundary: MultiPolygon, *, title: str, width: int = 160) -> str:
    """A small outline of the boundary (a few KB), for the village home's at-a-glance panel."""
    proj = Projection(box_of(boundary), width, pad=4)
    head, tail = _frame(proj, title, title, "map-thumb", "peta-kecil")
    return f'{head}<path class="map-boundary" d="{path_data(boundary, proj, 1.0)}"/>{tail}'


def district_map(
    shapes: Iterable[Shape], *, extent: Extent, title: str, desc: str, width: int = 800
) -> str:
    """Every desa's outline filled by a measure; a desa with a site links to it."""
    proj = Projection(extent, width, pad=6)
    head, tail = _frame(proj, title, desc, "map-svg map-district", "peta-kab")
    parts = [head]
    for shape in shapes:
        d = path_data(shape.polygons, proj, 0.9)
        if not d:
            continue
        path = (
            f'<path fill="{shape.fill}" d="{d}"><title>{escape(shape.title or shape.label)}'
            "</title></path>"
        )
        if shape.href:
            path = f'<a href="{escape(shape.href)}">{path}</a>'
        parts.append(path)
    parts.append(tail)
    return "".join(parts)
