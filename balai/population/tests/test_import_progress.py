"""While an import runs, its page polls a progress fragment every second (htmx), and works
without JavaScript through a refresh link; once done the fragment asks for a full reload."""

from __future__ import annotations

import io

from django.core.management import call_command
from django.urls import reverse

from balai.population.models import PopulationFigure, PopulationImport


def test_a_running_import_shows_progress_and_polls(admin_client, dagan, alice):
    imp = PopulationImport.objects.create(
        village=dagan, uploaded_by=alice, kind="xlsx", status="checking", progress=40
    )
    url = reverse("population_dashboard:import", kwargs={"slug": "dagan", "pk": imp.pk})
    page = admin_client.get(url).content.decode()
    assert 'value="40"' in page and 'hx-trigger="every 1s"' in page and "Muat ulang" in page
    fragment = admin_client.get(url, headers={"HX-Request": "true"})
    assert "<html" not in fragment.content.decode() and "40%" in fragment.content.decode()
    imp.status = "checked"
    imp.save()
    done = admin_client.get(url, headers={"HX-Request": "true"})
    assert done.status_code == 204 and done["HX-Refresh"] == "true"


def test_the_daily_recount_rebuilds_figures(dagan):
    from balai.population.tests.test_events_and_statistics import _people

    _people(dagan)
    PopulationFigure.objects.all().delete()
    call_command("population_recount", stdout=io.StringIO())
    assert PopulationFigure.objects.filter(village=dagan, category="umur").exists()
