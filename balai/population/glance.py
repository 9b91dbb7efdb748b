"""The population figure of the village-at-a-glance panel (balai/villages/glance.py): residents
and families, from the stored PopulationFigure totals (one query; totals need no small-cell
suppression, and a village without figures shows none)."""

from __future__ import annotations

from django.db.models import QuerySet, Sum
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from balai.lib.numbers import angka
from balai.population.models import PopulationFigure
from balai.population.selectors import live_villages
from balai.villages.glance import Figure, GlanceItem
from balai.villages.models import Village


def _item(figures: QuerySet[PopulationFigure], url_name: str) -> GlanceItem | None:
    sums = dict(
        figures.filter(category__in=["umur", "keluarga"])
        .values_list("category")
        .annotate(n=Sum("count"))
        .order_by()
    )
    residents, families = sums.get("umur") or 0, sums.get("keluarga") or 0
    if not residents:
        return None
    detail = ngettext("%(n)s keluarga", "%(n)s keluarga", families) % {"n": angka(families)}
    return GlanceItem(_("Penduduk"), angka(residents), detail if families else "", url_name)


def village_population(village: Village) -> GlanceItem | None:
    return _item(PopulationFigure.objects.for_village(village), "population_index")


def district_population() -> GlanceItem | None:
    figures = PopulationFigure.objects.filter(village__in=live_villages())
    return _item(figures, "population_district:index")


FIGURES = [Figure("population", 10, village_population, district_population)]
