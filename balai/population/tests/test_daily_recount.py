"""The daily recount rebuilds the register's stored figures (an import's progress page is the
pipeline's: balai/imports/tests/test_job_progress.py)."""

from __future__ import annotations

import io

from django.core.management import call_command

from balai.population.models import PopulationFigure


def test_the_daily_recount_rebuilds_figures(dagan):
    from balai.population.tests.test_events_and_statistics import _people

    _people(dagan)
    PopulationFigure.objects.all().delete()
    call_command("population_recount", stdout=io.StringIO())
    assert PopulationFigure.objects.filter(village=dagan, category="umur").exists()
