"""Recompute every live village's freshness score. Run daily by a timer (or as a task)."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from balai.support.freshness import freshness_recompute_all


class Command(BaseCommand):
    help = "Recompute the stored freshness score of every live village."

    def handle(self, *args, **options) -> None:
        self.stdout.write(f"villages: {freshness_recompute_all()}")
