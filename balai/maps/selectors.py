"""Reads of the maps module: a village's map and its points, facilities and potential, the
thumbnail for the village home, the open-data listing, and the district's maps.

Points come from three places and are never copied: the village's own `Place`s, published
development projects with a location (budget), and approved sellers who gave their shop's
location (market) — shown by shop name only, never the owner's name or anything else.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from typing import Any

from django.core.cache import cache
from django.db.models import Count, Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from balai.maps import svg
from balai.maps.geometry import Extent, MultiPolygon
from balai.maps.models import Boundary, MapArea, MapSettings, Place, Potential
from balai.regions.models import Region
from balai.villages.cache import district_version
from balai.villages.models import Village

MAX_POINTS = 300  # drawn on one village map


def map_settings() -> MapSettings:
    found = MapSettings.objects.filter(pk=1).first()
    return found or MapSettings(pk=1)


def _polygons(data: Any) -> MultiPolygon:
    return [[[(float(x), float(y)) for x, y in ring] for ring in polygon] for polygon in data]


def village_boundary(village: Village) -> Boundary | None:
    return Boundary.objects.filter(region_id=village.region_id).first()


@dataclass(frozen=True)
class PointRow:
    """A point as listed under the map."""

    number: int
    name: str
    category: str
    category_label: str
    lat: float
    lng: float
    description: str = ""
    project_slug: str = ""  # a development project's page, linked from the list
    photo_url: str = ""
    photo_alt: str = ""


def _project_points(village: Village) -> list[tuple[str, str, float, float, str, str]]:
    from balai.budget.selectors import published_projects

    rows = (
        published_projects(village)
        .filter(latitude__isnull=False, longitude__isnull=False)
        .values_list("name", "slug", "latitude", "longitude", "location")[:MAX_POINTS]
    )
    return [
        (name, "pembangunan", float(lat or 0), float(lng or 0), location, slug)
        for name, slug, lat, lng, location in rows
    ]


def _seller_points(village: Village) -> list[tuple[str, str, float, float, str, str]]:
    from balai.market.models import Seller

    rows = (
        Seller.objects.for_village(village)
        .filter(status=Seller.Status.APPROVED, latitude__isnull=False, longitude__isnull=False)
        .values_list("name", "latitude", "longitude")[:MAX_POINTS]
    )
    return [(name, "lapak", float(lat or 0), float(lng or 0), "", "") for name, lat, lng in rows]


CATEGORY_LABELS = {
    **dict(Place.Category.choices),
    "pembangunan": gettext_lazy("Pembangunan desa"),
    "lapak": gettext_lazy("Lapak warga"),
}


def village_points(village: Village) -> list[PointRow]:
    """Every point of the village map, numbered in the order they are listed."""
    places = list(Place.objects.for_village(village)[:MAX_POINTS])
    raw = [
        (p.name, p.category, float(p.latitude), float(p.longitude), p.description, "")
        for p in places
    ]
    raw += _project_points(village) + _seller_points(village)
    rows = [
        PointRow(i, name, cat, str(CATEGORY_LABELS.get(cat, cat)), lat, lng, desc, slug)
        for i, (name, cat, lat, lng, desc, slug) in enumerate(raw[:MAX_POINTS], start=1)
    ]
    for index, place in enumerate(places):
        if place.photo:
            rows[index] = replace(rows[index], photo_url=place.photo.url, photo_alt=place.photo_alt)
    return rows


def village_areas(village: Village) -> list[MapArea]:
    return list(MapArea.objects.for_village(village))


def village_map(village: Village) -> dict[str, Any]:
    """What /peta/ shows: the SVG, its legend and the lists behind it."""
    boundary = village_boundary(village)
    areas = village_areas(village)
    points = village_points(village)
    shapes = [
        svg.Shape(_polygons(a.display), a.name, svg.AREA_FILLS[i % len(svg.AREA_FILLS)])
        for i, a in enumerate(areas)
    ]
    categories = Counter(p.category for p in points)
    desc = _("Batas desa, %(areas)s wilayah dusun/RW dan %(points)s titik.") % {
        "areas": len(areas),
        "points": len(points),
    }
    outline = _polygons(boundary.display) if boundary else None
    drawn = _within(points, [outline] if outline else [s.polygons for s in shapes])
    drawing = svg.village_map(
        boundary=outline,
        areas=shapes,
        points=[svg.MapPoint(p.number, p.name, p.category, p.lng, p.lat) for p in drawn],
        title=_("Peta %(name)s") % {"name": village.display_name},
        desc=desc,
    )
    legend = [
        {
            "category": c,
            "label": CATEGORY_LABELS.get(c, c),
            "count": n,
            "colour": svg.POINT_STYLE.get(c, svg.POINT_STYLE["lainnya"])[0],
        }
        for c, n in sorted(categories.items())
    ]
    return {
        "svg": drawing,
        "boundary": boundary,
        "areas": areas,
        "points": points,
        "outside": len(points) - len(drawn),
        "legend": legend,
    }


def _within(points: list[PointRow], shapes: list[MultiPolygon]) -> list[PointRow]:
    """The points near the village's outline (its box and a quarter of its size around it): a
    point kilometres away is a typo, listed but not allowed to shrink the map to a dot."""
    if not shapes:
        return points
    box = svg.box_of([p for shape in shapes for p in shape])
    mx = (box.east - box.west) / 4
    my = (box.north - box.south) / 4
    return [
        p
        for p in points
        if box.west - mx <= p.lng <= box.east + mx and box.south - my <= p.lat <= box.north + my
    ]


def has_map(village: Village) -> bool:
    return (
        Boundary.objects.filter(region_id=village.region_id).exists()
        or Place.objects.for_village(village).exists()
    )


def has_potential(village: Village) -> bool:
    return (
        Potential.objects.for_village(village).exists()
        or Place.objects.for_village(village).exists()
    )


def boundary_thumbnail_svg(village: Village) -> str | None:
    """A small outline of the village's boundary (a few KB), or None without one."""
    display = (
        Boundary.objects.filter(region_id=village.region_id)
        .values_list("display", flat=True)
        .first()
    )
    if not display:
        return None
    return svg.thumbnail(
        _polygons(display), title=_("Batas wilayah %(name)s") % {"name": village.display_name}
    )


def facility_counts(village: Village) -> list[dict[str, Any]]:
    counts = Counter(Place.objects.for_village(village).values_list("category", flat=True))
    return [
        {"category": value, "label": label, "count": counts[value]}
        for value, label in Place.Category.choices
        if counts[value]
    ]


def village_potential(village: Village) -> list[Potential]:
    return list(Potential.objects.for_village(village))


def public_facilities(village: Village) -> dict[str, Any]:
    """The village's facilities and potential as plain data (for the open-data catalogue)."""
    boundary = village_boundary(village)
    return {
        "area_km2": boundary.area_km2 if boundary else None,
        "facilities": [
            {
                "name": p.name,
                "category": p.category,
                "category_label": str(p.get_category_display()),
                "latitude": float(p.latitude),
                "longitude": float(p.longitude),
                "description": p.description,
            }
            for p in Place.objects.for_village(village)
        ],
        "potential": [
            {
                "kind": p.kind,
                "kind_label": str(p.get_kind_display()),
                "name": p.name,
                "figure": p.figure,
                "description": p.description,
            }
            for p in Potential.objects.for_village(village)
        ],
    }


# ---------------------------------------------------------------------------------------------
# District


MEASURES = {
    "status": gettext_lazy("Status situs desa"),
    "penduduk": gettext_lazy("Jumlah penduduk"),
    "apbdes": gettext_lazy("APBDes tahun ini"),
}
STATUS_CLASSES = [
    ("live", "#2f855a", gettext_lazy("Situs tayang")),
    ("draft", "#f6c667", gettext_lazy("Situs sedang disiapkan")),
    ("suspended", "#c05621", gettext_lazy("Situs ditangguhkan")),
    ("none", "#e2e8f0", gettext_lazy("Belum punya situs")),
]
APBDES_CLASSES = [
    ("published", "#2f855a", gettext_lazy("APBDes diterbitkan")),
    ("missing", "#f6c667", gettext_lazy("Belum diterbitkan")),
    ("none", "#e2e8f0", gettext_lazy("Belum punya situs / kelurahan")),
]
POPULATION_FILLS = ["#e6f2ea", "#a8d5b7", "#5fae7f", "#2b7a4b", "#14532d"]


def _population_by_village() -> dict[int, int]:
    from balai.population.models import PopulationFigure

    return dict(
        PopulationFigure.objects.filter(category="umur", village__status=Village.Status.LIVE)
        .values_list("village_id")
        .annotate(n=Sum("count"))
    )


def _apbdes_villages() -> set[int]:
    from balai.budget.models import FiscalYear
    from balai.budget.selectors import PUBLIC

    return set(
        FiscalYear.objects.filter(year=timezone.localdate().year, status__in=PUBLIC).values_list(
            "village_id", flat=True
        )
    )


def _population_text(value: int | None) -> str:
    """The count as the statistics pages show it: a cell under the threshold is "< 5"."""
    from balai.population.selectors import small_cell

    if not value:
        return str(_("belum ada data"))
    if value < small_cell():
        return f"< {small_cell()}"
    return f"{value:,}".replace(",", ".")


def _population_classes(values: list[int]) -> list[tuple[int, int]]:
    """Five ranges with round bounds from the spread of the values."""
    top = max(values, default=0)
    step = max(500, round(top / 5 / 500) * 500)
    return [(i * step, (i + 1) * step) for i in range(5)]


def district_rows(measure: str) -> dict[str, Any]:
    """Every desa of the kabupaten with its boundary (if loaded), site and value of `measure`.
    A fixed number of queries, whatever the number of desa."""
    from django.conf import settings

    regions = list(
        Region.objects.filter(
            level=Region.Level.DESA, code__startswith=f"{settings.DISTRICT_REGION_CODE}."
        )
        .select_related("parent")
        .order_by("parent__name", "name")
    )
    boundaries = dict(Boundary.objects.values_list("region_id", "display"))
    sites = {v.region_id: v for v in Village.objects.only("region_id", "slug", "status")}
    population = _population_by_village() if measure == "penduduk" else {}
    apbdes = _apbdes_villages() if measure == "apbdes" else set()
    classes = _population_classes(list(population.values()))
    prefix = reverse("site:home", kwargs={"village_slug": "x"})[: -len("x/")]
    rows = []
    for region in regions:
        site = sites.get(region.code)
        live = site is not None and site.status == Village.Status.LIVE
        if measure == "penduduk":
            value = population.get(site.pk) if site and live else None
            band = next((i for i, (lo, hi) in enumerate(classes) if lo <= (value or 0) < hi), 4)
            fill = POPULATION_FILLS[band] if value else "#f1f5f9"
            shown = _population_text(value)
        elif measure == "apbdes":
            key = (
                "none"
                if not live or region.is_kelurahan
                else ("published" if site and site.pk in apbdes else "missing")
            )
            fill, shown = next((c, str(lbl)) for k, c, lbl in APBDES_CLASSES if k == key)
        else:
            key = site.status if site else "none"
            fill, shown = next((c, str(lbl)) for k, c, lbl in STATUS_CLASSES if k == key)
        rows.append(
            {
                "region": region,
                "kecamatan": region.parent_name,
                "display": boundaries.get(region.code),
                "fill": fill,
                "value": shown,
                # A drawn desa links to its map; a listed one without a boundary to its site.
                "href": (
                    f"{prefix}{site.slug}/{'peta/' if region.code in boundaries else ''}"
                    if live and site
                    else ""
                ),
            }
        )
    legend = _legend(measure, classes)
    return {"rows": rows, "legend": legend}


def _legend(measure: str, classes: list[tuple[int, int]]) -> list[tuple[str, str]]:
    if measure == "penduduk":
        out = [
            (POPULATION_FILLS[i], f"{lo:,}–{hi - 1:,}".replace(",", "."))
            for i, (lo, hi) in enumerate(classes)
        ]
        return [*out, ("#f1f5f9", str(_("Belum ada data")))]
    table = APBDES_CLASSES if measure == "apbdes" else STATUS_CLASSES
    return [(colour, str(label)) for _k, colour, label in table]


def district_map(measure: str) -> dict[str, Any]:
    """The district map of `measure` (SVG, legend, table), computed once per district version."""
    if measure not in MEASURES:
        measure = "status"
    key = (
        f"maps:district:{measure}:{get_language()}:{district_version()}:{timezone.localdate().year}"
    )
    found = cache.get(key)
    if found is not None:
        return found
    data = district_rows(measure)
    loaded = [r for r in data["rows"] if r["display"]]
    drawing = None
    if loaded:
        shapes = [
            svg.Shape(
                _polygons(r["display"]),
                r["region"].name,
                r["fill"],
                f"{r['region'].name} ({r['kecamatan']}): {r['value']}",
                r["href"],
            )
            for r in loaded
        ]
        extent = _shapes_extent(shapes)
        kabupaten = map_settings().extent
        if kabupaten.contains(extent):
            extent = kabupaten  # the desa in their place in the kabupaten, however few
        drawing = svg.district_map(
            shapes,
            extent=extent,
            title=_("Peta desa se-kabupaten: %(measure)s") % {"measure": MEASURES[measure]},
            desc=_("%(n)s desa dengan batas wilayah, diwarnai menurut %(measure)s.")
            % {"n": len(loaded), "measure": str(MEASURES[measure]).lower()},
        )
    result = {
        "svg": drawing,
        "legend": data["legend"],
        "rows": [
            {k: v for k, v in r.items() if k != "display"} | {"has_boundary": bool(r["display"])}
            for r in data["rows"]
        ],
        "loaded": len(loaded),
        "measure": measure,
    }
    cache.set(key, result, 3600)
    return result


def _shapes_extent(shapes: list[svg.Shape]) -> Extent:
    xs = [p[0] for s in shapes for polygon in s.polygons for p in polygon[0]]
    ys = [p[1] for s in shapes for polygon in s.polygons for p in polygon[0]]
    return Extent(min(xs), min(ys), max(xs), max(ys))


def district_potential() -> dict[str, Any]:
    """Facilities by category and potential by kind across the live villages."""
    live = Village.objects.filter(status=Village.Status.LIVE)
    facilities = dict(
        Place.objects.filter(village__in=live)
        .values_list("category")
        .annotate(n=Count("id"))
        .order_by()
    )
    potential = (
        Potential.objects.filter(village__in=live)
        .select_related("village", "village__region")
        .order_by("kind", "name")[:500]
    )
    by_kind: dict[str, list[Potential]] = {}
    for item in potential:
        by_kind.setdefault(item.kind, []).append(item)
    return {
        "facilities": [
            {"label": label, "count": facilities.get(value, 0)}
            for value, label in Place.Category.choices
            if facilities.get(value)
        ],
        "potential": [
            {"label": label, "items": by_kind[value]}
            for value, label in Potential.Kind.choices
            if value in by_kind
        ],
    }


def village_map_geojson(village: Village) -> dict[str, Any] | None:
    """The village map as a GeoJSON FeatureCollection for the interactive layer."""
    boundary = village_boundary(village)
    features: list[dict[str, Any]] = []
    if boundary:
        features.append(_feature(boundary.display, {"kind": "batas", "name": village.display_name}))
    for area in village_areas(village):
        features.append(_feature(area.display, {"kind": "wilayah", "name": area.name}))
    for p in village_points(village):
        features.append(
            {
                "type": "Feature",
                "properties": {
                    "kind": "titik",
                    "number": p.number,
                    "name": p.name,
                    "category": str(p.category_label),
                },
                "geometry": {"type": "Point", "coordinates": [p.lng, p.lat]},
            }
        )
    if not features:
        return None
    return {"type": "FeatureCollection", "features": features}


def _feature(display: Any, properties: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "Feature",
        "properties": properties,
        "geometry": {"type": "MultiPolygon", "coordinates": display},
    }
