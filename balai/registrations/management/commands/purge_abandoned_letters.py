from __future__ import annotations

from datetime import timedelta

from django.core.management.base import BaseCommand

from balai.registrations.services import letters_temporary_purge


class Command(BaseCommand):
    help = (
        "Hapus surat permohonan dari pendaftaran yang ditinggalkan (lebih tua dari --days hari). "
        "Jalankan setiap hari lewat timer di host worker."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--days", type=int, default=2)

    def handle(self, *args, days: int, **options) -> None:
        removed = letters_temporary_purge(older_than=timedelta(days=days))
        self.stdout.write(f"{removed} berkas sementara dihapus.")
