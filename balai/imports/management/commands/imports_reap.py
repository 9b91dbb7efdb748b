"""Fail import jobs whose worker died, and drop old uploads. For the scheduler:
`manage.py imports_reap` every few minutes."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from balai.imports.services import jobs_reap


class Command(BaseCommand):
    help = "Gagalkan impor yang pengerjanya mati (detak terakhir terlalu lama)."

    def handle(self, *args: Any, **options: Any) -> None:
        reaped = jobs_reap()
        self.stdout.write(f"{reaped} impor digagalkan")
