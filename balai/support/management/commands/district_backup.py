"""A district-wide backup for operators: the database, the media files, and (optionally) one
archive per village. See docs/backup.md for the restore steps."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import tarfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils import timezone

from balai.support.backup import village_archive_write
from balai.villages.models import Village


class Command(BaseCommand):
    help = "Back up the database and media (and optionally every village archive) into a folder."

    def add_arguments(self, parser) -> None:
        parser.add_argument("folder")
        parser.add_argument("--villages", action="store_true", help="also one zip per village")

    def handle(self, *args, folder: str, villages: bool, **options) -> None:
        target = Path(folder) / timezone.now().strftime("balai-%Y%m%d-%H%M%S")
        target.mkdir(parents=True, exist_ok=False)
        self._database(target)
        for name, root in (
            ("media", settings.MEDIA_ROOT),
            ("private", settings.PRIVATE_MEDIA_ROOT),
        ):
            if Path(root).exists():
                with tarfile.open(target / f"{name}.tar.gz", "w:gz") as tar:
                    tar.add(root, arcname=name)
        if villages:
            (target / "desa").mkdir()
            for village in Village.objects.order_by("slug"):
                village_archive_write(
                    village=village, target=target / "desa" / f"{village.slug}.zip"
                )
        self.stdout.write(str(target))

    def _database(self, target: Path) -> None:
        settings_db = connection.settings_dict
        if connection.vendor == "sqlite":
            # The online backup API: a consistent copy even while the site is serving.
            source = sqlite3.connect(settings_db["NAME"])
            with sqlite3.connect(target / "db.sqlite3") as dest:
                source.backup(dest)
            source.close()
        elif connection.vendor == "postgresql":
            if not shutil.which("pg_dump"):
                raise CommandError("pg_dump tidak ditemukan; pasang postgresql-client.")
            env = {**os.environ, "PGPASSWORD": settings_db.get("PASSWORD") or ""}
            cmd = [
                "pg_dump",
                "-Fc",
                "-f",
                str(target / "db.dump"),
                "-h",
                settings_db.get("HOST") or "localhost",
                "-p",
                str(settings_db.get("PORT") or 5432),
                "-U",
                settings_db.get("USER") or "",
                settings_db["NAME"],
            ]
            subprocess.run(cmd, check=True, env=env)
        else:
            raise CommandError(f"Basis data {connection.vendor} belum didukung.")
