"""The demo's shapes are ones the checks would accept: boundaries, dusun and points of Dagan."""

from __future__ import annotations

import random

import pytest

from balai.maps import demo
from balai.maps.geometry import polygons_check
from balai.maps.models import DEFAULT_EXTENT, Boundary, MapArea, Place, Potential

pytestmark = pytest.mark.django_db


def _polygons(data):
    return [[[tuple(p) for p in ring] for ring in polygon] for polygon in data]


def test_the_demo_draws_valid_boundaries_dusun_and_points(dagan, bojongsari):
    counts = demo.demo_build(rng=random.Random(1), villages=[dagan, bojongsari], users={})
    assert counts["map boundaries"] == 2 and counts["map points"] == 15
    for boundary in Boundary.objects.all():
        assert boundary.vertices > 1500
        polygons_check(_polygons(boundary.geometry), area=DEFAULT_EXTENT)
    for area in MapArea.objects.for_village(dagan):
        polygons_check(_polygons(area.geometry), area=DEFAULT_EXTENT)
        assert area.area_km2 > 0
    assert Place.objects.for_village(dagan).count() == 15
    assert Potential.objects.for_village(dagan).filter(kind="wisata").exists()
    demo.demo_clear(village_ids={dagan.pk, bojongsari.pk})
    assert not Boundary.objects.exists() and not Place.objects.exists()
