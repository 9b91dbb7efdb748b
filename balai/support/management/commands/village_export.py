"""Write one village's archive to a file (operators; villages use the dashboard)."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from balai.audit.services import audit_record
from balai.support.backup import village_archive_write
from balai.villages.models import Village


class Command(BaseCommand):
    help = "Export all data of one village as a zip archive."

    def add_arguments(self, parser) -> None:
        parser.add_argument("slug")
        parser.add_argument("output")

    def handle(self, *args, slug: str, output: str, **options) -> None:
        village = Village.objects.filter(slug=slug).first()
        if village is None:
            raise CommandError(f"Desa dengan alamat {slug} tidak ada.")
        manifest = village_archive_write(village=village, target=output)
        audit_record(
            actor=None, action="village.export", target=slug, village=village, command=True
        )
        rows = sum(m["rows"] for m in manifest["models"])
        self.stdout.write(f"{output}: {len(manifest['models'])} models, {rows} rows")
