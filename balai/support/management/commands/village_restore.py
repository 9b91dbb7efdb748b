"""Restore one village from its archive into this install: all or nothing."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from balai.support.restore import RestoreError, village_restore


class Command(BaseCommand):
    help = "Restore a village from a Balai village archive (zip)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("archive")

    def handle(self, *args, archive: str, **options) -> None:
        try:
            village = village_restore(path=archive)
        except RestoreError as exc:
            raise CommandError(f"Arsip ditolak, tidak ada yang dipulihkan: {exc}") from exc
        self.stdout.write(f"Dipulihkan: {village.display_name} ({village.slug})")
