"""Maps: a real-size village boundary (a few thousand vertices) checked, simplified and drawn as
the server-side SVG of /peta/ (target ≤ 30 KB and ≤ 50 ms), the thumbnail, the district map of
every desa (239 boundaries), and a hostile KML of 5,000 polygons (refused, never a hang).

No database needed:
    .venv/bin/python bench/maps.py
"""

from __future__ import annotations

import io
import os
import random
import statistics
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "balai.settings")
os.environ.setdefault("DEBUG", "1")
os.environ.setdefault("BALAI_VAR_DIR", tempfile.mkdtemp(prefix="balai-maps-bench-"))

import django

django.setup()

from balai.maps import svg
from balai.maps.demo import DAGAN_CENTRE, star_ring
from balai.maps.formats import FormatError, read_features
from balai.maps.geometry import Extent, polygons_check
from balai.maps.models import DEFAULT_EXTENT
from balai.maps.services import _display


def ms(fn, runs: int = 20):
    times = []
    result = None
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), max(times), result


def one_size(vertices: int, noise: float = 0.0) -> None:
    """noise: radial jitter (a fraction of the radius) that makes the line as ragged as a
    surveyed boundary following fields and streams; the ring stays simple."""
    ring = star_ring(DAGAN_CENTRE, 1.4, vertices, seed=7)
    if noise:
        rng = random.Random(vertices)
        cx, cy = DAGAN_CENTRE
        ragged = []
        for x, y in ring[:-1]:
            f = 1 + rng.uniform(-noise, noise)
            ragged.append((cx + (x - cx) * f, cy + (y - cy) * f))
        ring = [*ragged, ragged[0]]
    check, _w, polygons = ms(partial(polygons_check, [[ring]], area=DEFAULT_EXTENT), 5)
    simp, _w, display = ms(partial(_display, polygons), 10)
    points = [
        svg.MapPoint(i, f"Titik {i}", "sekolah", DAGAN_CENTRE[0] + i * 1e-4, DAGAN_CENTRE[1])
        for i in range(1, 16)
    ]
    draw = partial(svg.village_map, areas=[], points=points, title="Peta", desc="Batas desa")
    p50, worst, text = ms(partial(draw, boundary=display), 50)
    f50, _fw, full_text = ms(partial(draw, boundary=polygons), 10)
    thumb = svg.thumbnail(display, title="Batas")
    kept = sum(len(r) for p in display for r in p)
    label = f"{vertices} vertices{' ragged' if noise else ''}"
    print(
        f"{label:>21}: check {check:6.1f} ms · simplify {simp:5.1f} ms → {kept} "
        f"vertices · /peta/ SVG {len(text) / 1024:4.1f} KB p50 {p50:4.1f} ms max {worst:4.1f} ms "
        f"(drawn from the unsimplified shape: {len(full_text) / 1024:4.1f} KB {f50:4.1f} ms) · "
        f"thumbnail {len(thumb) / 1024:3.1f} KB"
    )


def district() -> None:
    shapes = []
    for i in range(239):
        centre = (109.20 + (i % 16) * 0.025, -7.15 - (i // 16) * 0.022)
        polygons = _display([[star_ring(centre, 1.1, 3000, seed=i)]])
        shapes.append(svg.Shape(polygons, f"Desa {i}", "#2f855a", f"Desa {i}", f"/desa/d{i}/"))
    extent = Extent(109.17, -7.50, 109.62, -7.12)
    draw = partial(svg.district_map, shapes, extent=extent, title="Peta", desc="Semua desa")
    d50, _dw, text = ms(draw, 5)
    print(
        f"district map, 239 desa × 3,000 vertices: SVG {len(text) / 1024:.0f} KB, {d50:.0f} ms "
        "(computed once per district version, then cached)"
    )


def hostile_kml() -> None:
    tiny = "109.36,-7.30,0 109.3601,-7.30,0 109.3601,-7.3001,0 109.36,-7.30,0"
    mark = (
        "<Placemark><Polygon><outerBoundaryIs><LinearRing><coordinates>"
        f"{tiny}</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>"
    )
    kml = f"<kml><Document>{mark * 5000}</Document></kml>".encode()
    start = time.perf_counter()
    try:
        read_features(io.BytesIO(kml))
        outcome = "read"
    except FormatError as exc:
        outcome = f"refused ({exc})"
    took = (time.perf_counter() - start) * 1000
    print(f"KML of 5,000 polygons ({len(kml) / 1024:.0f} KB): {outcome} in {took:.0f} ms")


def main() -> None:
    for vertices in (2000, 5000, 10000):
        one_size(vertices)
    for vertices in (3000, 10000):
        one_size(vertices, noise=0.03)
    district()
    hostile_kml()
    print("rerun: .venv/bin/python bench/maps.py")


if __name__ == "__main__":
    main()
