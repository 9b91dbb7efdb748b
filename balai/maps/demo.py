"""Demo maps: Dagan and a handful of live villages get an irregular boundary of a few thousand
vertices inside Purbalingga (Dagan near its real place, the others spread out so they do not
overlap), Dagan gets four dusun drawn as wedges of its boundary, about fifteen points and its
potential (commodities, tourism, crafts)."""

from __future__ import annotations

import math
import random
from decimal import Decimal

from balai.accounts.models import User
from balai.maps.geometry import MultiPolygon, Point, Ring, area_km2
from balai.maps.models import Boundary, MapArea, Place, Potential
from balai.maps.services import _as_json, _boundary_write, _display
from balai.villages.content import content_changed
from balai.villages.models import Village

DAGAN_CENTRE = (109.3685, -7.3051)
KM = 1 / 111.0  # degrees of latitude in a kilometre (longitude near enough at 7° S)
DEMO_BOUNDARIES = 8


def star_ring(centre: Point, radius_km: float, vertices: int, seed: int) -> Ring:
    """A closed, simple, irregular ring: the radius wanders with the angle (so the ring is
    star-shaped around the centre and can never cross itself)."""
    rng = random.Random(seed)
    waves = [(rng.uniform(0.08, 0.22), k, rng.uniform(0, 2 * math.pi)) for k in (2, 3, 5)]
    waves += [(rng.uniform(0.01, 0.03), k, rng.uniform(0, 2 * math.pi)) for k in (17, 41, 97)]
    ring: Ring = []
    for i in range(vertices):
        angle = 2 * math.pi * i / vertices
        r = radius_km * (1 + sum(a * math.sin(k * angle + p) for a, k, p in waves))
        x = centre[0] + r * KM * math.cos(angle) / math.cos(math.radians(centre[1]))
        y = centre[1] + r * KM * math.sin(angle)
        ring.append((round(x, 6), round(y, 6)))
    ring.append(ring[0])
    return ring


def wedges(centre: Point, ring: Ring, parts: int) -> list[MultiPolygon]:
    """The ring cut into `parts` wedges from the centre (dusun areas that tile the village)."""
    n = len(ring) - 1
    out = []
    for p in range(parts):
        start, end = p * n // parts, (p + 1) * n // parts
        rounded = (round(centre[0], 6), round(centre[1], 6))
        edge = ring[start : end + 1]
        out.append([[[rounded, *edge, rounded]]])
    return out


DUSUN = ["Dusun Krajan", "Dusun Karangsari", "Dusun Sidamulya", "Dusun Pucung"]
PLACES = [
    ("Balai Desa Dagan", "kantor", 0.0, 0.0, "Pelayanan Senin–Jumat 08.00–15.00."),
    ("SD Negeri 1 Dagan", "sekolah", 0.35, 0.2, ""),
    ("SD Negeri 2 Dagan", "sekolah", -0.5, -0.3, ""),
    ("MI Muhammadiyah Dagan", "sekolah", 0.2, -0.55, ""),
    ("PAUD Melati", "sekolah", -0.15, 0.4, ""),
    ("Polindes Dagan", "kesehatan", 0.1, 0.15, "Bidan desa setiap hari kerja."),
    ("Posyandu Mawar", "kesehatan", -0.45, 0.35, "Buka tanggal 10 setiap bulan."),
    ("Posyandu Kenanga", "kesehatan", 0.55, -0.2, "Buka tanggal 15 setiap bulan."),
    ("Masjid Jami Al-Ikhlas", "ibadah", 0.05, -0.12, ""),
    ("Mushola Nurul Huda", "ibadah", -0.6, 0.05, ""),
    ("Pasar Desa Dagan", "pasar", 0.25, -0.05, "Ramai setiap Pon dan Kliwon."),
    ("Sanggar Batik Tulis Dagan", "wisata", -0.3, -0.1, "Kursus membatik untuk pengunjung."),
    ("Curug Sinom", "wisata", 0.6, 0.55, "Air terjun kecil, 15 menit jalan kaki."),
    ("Lapangan Desa", "olahraga", -0.05, 0.25, ""),
    ("Embung Dagan", "lainnya", 0.45, 0.6, "Tampungan air untuk sawah."),
]
POTENTIAL = [
    ("komoditas", "Gula kelapa", "± 40 ton per bulan", "Dari sekitar 300 penderes nira."),
    ("komoditas", "Padi sawah", "± 6 ton per hektare", "Dua kali tanam setahun."),
    ("komoditas", "Ikan gurami", "± 3 ton per bulan", "Kolam warga di Dusun Pucung."),
    (
        "wisata",
        "Sanggar Batik Tulis",
        "± 2.500 pengunjung per tahun",
        "Belajar membatik tulis motif Purbalinggan bersama perajin desa.",
    ),
    ("wisata", "Curug Sinom", "", "Air terjun kecil di tepi hutan rakyat, cocok untuk keluarga."),
    ("kerajinan", "Batik tulis", "± 35 perajin", "Motif daun kopi dan sekar jagad khas Dagan."),
    ("kerajinan", "Bulu mata palsu", "2 plasma", "Pekerjaan rumahan bagi ibu-ibu."),
]


def _apart(centre: Point, others: list[Point]) -> bool:
    return all(math.hypot(centre[0] - o[0], centre[1] - o[1]) > 0.035 for o in others)


def _placed(rng: random.Random, villages: list[Village]) -> list[tuple[Village, Point]]:
    """Villages with a centre each: the office point where the village has one (Dagan always),
    else a free spot inside the kabupaten; none overlapping another."""
    placed: list[tuple[Village, Point]] = []
    for village in villages:
        taken = [c for _v, c in placed]
        office = village.office_point
        if office:
            centre = (float(office[1]), float(office[0]))
        elif not placed:
            centre = DAGAN_CENTRE
        else:
            spots = ((rng.uniform(109.24, 109.52), rng.uniform(-7.42, -7.18)) for _ in range(50))
            centre = next((c for c in spots if _apart(c, taken)), DAGAN_CENTRE)
        if _apart(centre, taken):
            placed.append((village, centre))
        if len(placed) == DEMO_BOUNDARIES:
            break
    return placed


def _dagan(dagan: Village, centre: Point, ring: Ring) -> tuple[int, int, int]:
    areas = []
    for name, wedge in zip(DUSUN, wedges(centre, ring, len(DUSUN)), strict=True):
        areas.append(
            MapArea(
                village=dagan,
                name=name,
                kind=MapArea.Kind.DUSUN,
                geometry=_as_json(wedge),
                display=_as_json(_display(wedge)),
                area_km2=round(area_km2(wedge), 3),
            )
        )
    MapArea.objects.bulk_create(areas)
    places = [
        Place(
            village=dagan,
            name=name,
            category=category,
            latitude=Decimal(str(round(centre[1] + dy * KM, 6))),
            longitude=Decimal(str(round(centre[0] + dx * KM, 6))),
            description=description,
        )
        for name, category, dx, dy, description in PLACES
    ]
    Place.objects.bulk_create(places)
    potential = [
        Potential(
            village=dagan, kind=kind, name=name, figure=figure, description=description, order=i
        )
        for i, (kind, name, figure, description) in enumerate(POTENTIAL)
    ]
    Potential.objects.bulk_create(potential)
    return len(areas), len(places), len(potential)


def demo_build(*, rng: random.Random, villages: list[Village], users: dict[str, User]) -> dict:
    placed = _placed(rng, villages)
    if not placed:
        return {}
    counts = (0, 0, 0)
    for index, (village, centre) in enumerate(placed):
        vertices = rng.randint(1500, 3500)
        ring = star_ring(centre, rng.uniform(1.0, 1.5), vertices, rng.randint(1, 9999))
        _boundary_write(region=village.region, polygons=[[ring]], source="demo", actor=None)
        if index == 0:
            counts = _dagan(village, centre, ring)
            _shop_location(village, centre)
        content_changed(village)
    return {
        "map boundaries": len(placed),
        "map areas": counts[0],
        "map points": counts[1],
        "potential": counts[2],
    }


def _shop_location(village: Village, centre: Point) -> None:
    """One of Dagan's sellers shares the shop's location (drawn by shop name on the map)."""
    from balai.market.models import Seller

    seller = Seller.objects.for_village(village).filter(status=Seller.Status.APPROVED).first()
    if seller:
        seller.latitude = Decimal(str(round(centre[1] - 0.2 * KM, 6)))
        seller.longitude = Decimal(str(round(centre[0] - 0.35 * KM, 6)))
        seller.save(update_fields=["latitude", "longitude"])


def demo_clear(*, village_ids: set[int]) -> None:
    for model in (MapArea, Place, Potential):
        model.objects.filter(village__in=village_ids).delete()
    regions = Village.objects.filter(pk__in=village_ids).values_list("region_id", flat=True)
    Boundary.objects.filter(region_id__in=list(regions)).delete()
