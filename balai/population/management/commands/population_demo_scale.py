"""`manage.py population_demo_scale`: district-scale demo registers (about 1,000,000 residents
over 239 villages) for the village sites in the database, then their stored figures."""

from __future__ import annotations

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from balai.population.demo_scale import PER_VILLAGE, dependent_apps, district_populate
from balai.villages.models import Village


class Command(BaseCommand):
    help = (
        "Ganti data penduduk semua situs desa dengan data contoh skala kabupaten "
        "(±1.000.000 penduduk untuk 239 desa), lalu hitung ulang statistiknya."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--residents-per-village",
            type=int,
            default=PER_VILLAGE,
            help=f"rata-rata penduduk per desa (bawaan {PER_VILLAGE}; tiap desa ±40 %%)",
        )
        parser.add_argument("--villages", type=int, default=0, help="hanya N desa pertama")
        parser.add_argument("--seed", type=int, default=239)
        parser.add_argument(
            "--yes", action="store_true", help="wajib bila DEBUG mati: data penduduk diganti"
        )

    def handle(
        self, *args, residents_per_village: int, villages: int, seed: int, yes: bool, **options
    ) -> None:
        if not settings.DEBUG and not yes:
            raise CommandError("Perintah ini MENGGANTI data penduduk. Tambahkan --yes bila yakin.")
        if residents_per_village < 1:
            raise CommandError("--residents-per-village harus lebih dari 0.")
        # Live sites first: they are the ones the district figures count.
        qs = Village.objects.select_related("region").order_by("pk")
        chosen = sorted(qs, key=lambda v: (v.status != Village.Status.LIVE, v.pk))
        chosen = chosen[:villages] if villages else chosen
        if not chosen:
            raise CommandError("Belum ada situs desa. Jalankan `manage.py demo` dulu.")
        if dependents := dependent_apps():
            self.stdout.write(f"  data contoh {', '.join(dependents)} desa-desa ini ikut dihapus.")
        started = time.monotonic()

        def progress(index: int, village, made: int) -> None:
            if options["verbosity"] > 1 or index == len(chosen) or index % 20 == 0:
                elapsed = time.monotonic() - started
                self.stdout.write(f"  {index}/{len(chosen)} desa, {elapsed:.1f} s ({village.slug})")

        total = district_populate(
            villages=chosen, per_village=residents_per_village, seed=seed, progress=progress
        )
        elapsed = time.monotonic() - started
        self.stdout.write(
            self.style.SUCCESS(
                f"{total:,} penduduk di {len(chosen)} desa dibuat dalam {elapsed:.1f} s "
                f"({total / max(elapsed, 0.001):,.0f} penduduk/s)."
            )
        )
