from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from balai.lib.stored_files import stored_uploads_fix


class Command(BaseCommand):
    help = (
        "Beri setiap berkas unggahan lama nama acak dengan ekstensi jenis aslinya (dibaca dari "
        "isinya) dan perbarui barisnya; daftar berkas yang tidak aman. Jalankan sekali setelah "
        "pembaruan, boleh diulang."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="Hanya tampilkan.")
        parser.add_argument(
            "--quarantine",
            action="store_true",
            help="Pindahkan berkas tidak aman ke var/karantina/ dan kosongkan kolomnya.",
        )

    def handle(self, *args: Any, dry_run: bool, quarantine: bool, **options: Any) -> None:
        report = stored_uploads_fix(dry_run=dry_run, quarantine=quarantine)
        for row, old, new in report.renamed:
            self.stdout.write(f"ganti nama  {row}: {old} -> {new}")
        for row, name in report.missing:
            self.stdout.write(f"tidak ada   {row}: {name}")
        for row, name, why in report.unsafe:
            action = "dikarantina" if name in report.quarantined else "TIDAK AMAN "
            self.stdout.write(f"{action} {row}: {name} ({why})")
        self.stdout.write(
            f"{report.checked} berkas diperiksa, {len(report.renamed)} diganti namanya, "
            f"{len(report.unsafe)} tidak aman, {len(report.quarantined)} dikarantina."
        )
        if report.unsafe and not (quarantine and not dry_run):
            self.stderr.write("Ada berkas tidak aman: jalankan lagi dengan --quarantine.")
