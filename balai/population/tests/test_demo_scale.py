"""`manage.py population_demo_scale` fills every village site with a realistic register and
recounts the public figures; it refuses to run on a live server without --yes."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command

from balai.population import nik
from balai.population.models import Family, PopulationFigure, Resident
from balai.population.selectors import village_summary


def test_every_village_site_gets_a_register_and_fresh_figures(dagan, bojongsari):
    out = io.StringIO()
    call_command("population_demo_scale", "--residents-per-village", "80", "--yes", stdout=out)
    assert "2 desa" in out.getvalue()
    for village in (dagan, bojongsari):
        people = Resident.objects.for_village(village)
        assert 45 <= people.count() <= 130  # ±40 % around 80, whole families
        assert village_summary(village)["residents"] == people.count()
        heads = people.filter(family_relation=1).count()
        assert heads == Family.objects.for_village(village).count()
        for person in people[:50]:
            checked = nik.check_nik(
                person.nik,
                birth_date=person.birth_date,
                sex=person.sex,
                region_digits=village.region.digits,
            )
            assert not checked.errors and not checked.warnings, person.nik


def test_villages_limits_the_run_and_a_rerun_replaces_rather_than_adds(dagan, bojongsari):
    call_command(
        "population_demo_scale",
        "--residents-per-village",
        "50",
        "--villages",
        "1",
        "--yes",
        stdout=io.StringIO(),
    )
    first = Resident.objects.count()
    assert Resident.objects.values("village").distinct().count() == 1
    call_command(
        "population_demo_scale",
        "--residents-per-village",
        "50",
        "--villages",
        "1",
        "--yes",
        stdout=io.StringIO(),
    )
    assert Resident.objects.count() == first
    assert PopulationFigure.objects.values("village").distinct().count() == 1


def test_it_refuses_without_yes_when_debug_is_off(dagan):
    with pytest.raises(CommandError, match="--yes"):
        call_command("population_demo_scale", stdout=io.StringIO())
    assert not Resident.objects.exists()
