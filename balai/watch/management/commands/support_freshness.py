"""Recompute every live village's freshness score. Run daily by a timer."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from balai.watch.freshness import freshness_recompute_all


class Command(BaseCommand):
    help = "Recompute the stored freshness score of every live village."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"villages: {freshness_recompute_all()}")
