from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand

from balai.regions.services import regions_load, regions_load_default


class Command(BaseCommand):
    help = (
        "Muat pohon wilayah Kemendagri. Tanpa argumen: semua provinsi dan kabupaten/kota, lalu "
        "Kabupaten Purbalingga sampai desa. Dengan --file: satu berkas CSV lain (mis. daftar "
        "desa kabupaten kedua)."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--file", type=Path, help="CSV: code,name,level,parent_code,type")

    def handle(self, *args, file: Path | None = None, **options) -> None:
        count = regions_load(path=file) if file else regions_load_default()
        self.stdout.write(f"{count} wilayah dimuat.")
