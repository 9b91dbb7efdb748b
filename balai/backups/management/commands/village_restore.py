"""Restore one village from its archive into this install: all or nothing."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from balai.backups.restore import RestoreError, village_restore


class Command(BaseCommand):
    help = "Restore a village from a Balai village archive (zip)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("archive")

    def handle(self, *args: Any, archive: str, **options: Any) -> None:
        try:
            village = village_restore(path=archive)
        except RestoreError as exc:
            raise CommandError(f"Arsip ditolak, tidak ada yang dipulihkan: {exc}") from exc
        self.stdout.write(f"Dipulihkan: {village.display_name} ({village.slug})")
