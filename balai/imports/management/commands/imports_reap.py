"""Fail import jobs whose worker died, and drop old uploads. For the scheduler:
`manage.py imports_reap` every few minutes."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

from balai.imports.services import jobs_purge, jobs_reap


class Command(BaseCommand):
    help = "Gagalkan impor yang pengerjanya mati; hapus berkas impor lama (IMPORT_KEEP_DAYS)."

    def handle(self, *args: Any, **options: Any) -> None:
        reaped = jobs_reap()
        purged = jobs_purge(days=settings.IMPORT_KEEP_DAYS)
        self.stdout.write(f"{reaped} impor digagalkan, berkas {purged} impor lama dihapus")
