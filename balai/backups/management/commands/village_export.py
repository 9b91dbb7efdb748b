"""Write one village's archive to a file (operators; villages use the dashboard). The archive
holds residents' personal data: the file is readable by its owner only."""

from __future__ import annotations

import os
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from balai.audit.services import audit_record
from balai.backups.archive import village_archive_write
from balai.villages.models import Village


class Command(BaseCommand):
    help = "Export all data of one village as a zip archive."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("slug")
        parser.add_argument("output")

    def handle(self, *args: Any, slug: str, output: str, **options: Any) -> None:
        village = Village.objects.filter(slug=slug).first()
        if village is None:
            raise CommandError(f"Desa dengan alamat {slug} tidak ada.")
        # Created owner-only before a single byte is written (the umask cannot widen it).
        fd = os.open(output, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.fchmod(fd, 0o600)  # an existing file keeps its old mode otherwise
        with os.fdopen(fd, "wb") as fh:
            manifest = village_archive_write(village=village, target=fh)
        audit_record(
            actor=None, action="village.export", target=slug, village=village, command=True
        )
        rows = sum(m["rows"] for m in manifest["models"])
        self.stdout.write(f"{output}: {len(manifest['models'])} models, {rows} rows")
