"""Recount every village's stored figures. Run daily by the worker host's timer: ages change
with the calendar even when nobody edits the register."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from balai.population.figures import figures_recompute
from balai.population.models import PopulationFigure, Resident
from balai.villages.models import Village


class Command(BaseCommand):
    help = "Hitung ulang angka statistik penduduk semua desa."

    def handle(self, *args, **options) -> None:
        ids = set(Resident.objects.values_list("village", flat=True).distinct())
        ids |= set(PopulationFigure.objects.values_list("village", flat=True).distinct())
        for village in Village.objects.filter(pk__in=ids):
            figures_recompute(village=village)
        self.stdout.write(f"{len(ids)} desa dihitung ulang.")
