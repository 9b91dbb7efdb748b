"""A district-wide backup for operators: the database, the media files, and (optionally) one
archive per village. See docs/backup.md for the restore steps.

Everything it writes holds personal data, so the folder is created owner-only (0700) and every
file in it 0600, whatever the umask of the timer that runs it.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import tarfile
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection
from django.utils import timezone

from balai.backups.archive import village_archive_write
from balai.villages.models import Village

PRIVATE_UMASK = 0o077


class Command(BaseCommand):
    help = "Back up the database and media (and optionally every village archive) into a folder."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("folder")
        parser.add_argument("--villages", action="store_true", help="also one zip per village")

    def handle(self, *args: Any, folder: str, villages: bool, **options: Any) -> None:
        previous = os.umask(PRIVATE_UMASK)
        try:
            target = self._backup(Path(folder), villages)
        finally:
            os.umask(previous)
        self.stdout.write(str(target))

    def _backup(self, folder: Path, villages: bool) -> Path:
        target = folder / timezone.now().strftime("balai-%Y%m%d-%H%M%S")
        target.mkdir(parents=True, exist_ok=False, mode=0o700)
        self._database(target)
        for name, root in (
            ("media", settings.MEDIA_ROOT),
            ("private", settings.PRIVATE_MEDIA_ROOT),
        ):
            if Path(root).exists():
                with tarfile.open(target / f"{name}.tar.gz", "w:gz") as tar:
                    tar.add(root, arcname=name)
        if villages:
            (target / "desa").mkdir(mode=0o700)
            for village in Village.objects.order_by("slug"):
                village_archive_write(
                    village=village, target=target / "desa" / f"{village.slug}.zip"
                )
        return target

    def _database(self, target: Path) -> None:
        settings_db = connection.settings_dict
        if connection.vendor == "sqlite":
            # The online backup API through Django's own connection: a consistent copy even
            # while the site is serving, and it works for any NAME SQLite accepts.
            connection.ensure_connection()
            source: sqlite3.Connection = connection.connection
            with sqlite3.connect(target / "db.sqlite3") as dest:
                source.backup(dest)
            dest.close()
        elif connection.vendor == "postgresql":
            if not shutil.which("pg_dump"):
                raise CommandError("pg_dump tidak ditemukan; pasang postgresql-client.")
            env = {**os.environ, "PGPASSWORD": settings_db.get("PASSWORD") or ""}
            cmd = ["pg_dump", "--no-password", "-Fc", "-f", str(target / "db.dump")]
            cmd += ["-h", settings_db.get("HOST") or "localhost"]
            cmd += ["-p", str(settings_db.get("PORT") or 5432)]
            if settings_db.get("USER"):
                cmd += ["-U", settings_db["USER"]]
            subprocess.run([*cmd, settings_db["NAME"]], check=True, env=env)
        else:
            raise CommandError(f"Basis data {connection.vendor} belum didukung.")
