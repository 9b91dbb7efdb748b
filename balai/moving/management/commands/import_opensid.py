"""`manage.py import_opensid <desa> --sql FILE [--write]`: move a village's register from its
OpenSID backup (the .sql or .sql.gz of Pengaturan → Database → Backup), for district operators;
or `--mysql-url mysql://user:password@host:port/db` to read a live OpenSID database instead.
Without --write it is the dry run: the report only."""

from __future__ import annotations

from contextlib import ExitStack

from django.core.management.base import BaseCommand, CommandError

from balai.moving.opensid import MoveProblem
from balai.moving.services import move_backup
from balai.villages.models import Village

GROUPS = {
    "moved": "dipindahkan",
    "later": "belum dipindahkan versi ini (disimpan di arsip)",
    "no_home": "tidak ada tempatnya di Balai (disimpan di arsip)",
    "secret": "tidak pernah dibaca (kata sandi, PIN, log masuk)",
    "reference": "daftar rujukan bawaan OpenSID (Balai punya sendiri)",
}


class Command(BaseCommand):
    help = "Pindahkan register penduduk sebuah desa dari cadangan database OpenSID (.sql/.sql.gz)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("village", help="slug situs desa")
        source = parser.add_mutually_exclusive_group(required=True)
        source.add_argument("--sql", help="berkas cadangan OpenSID (.sql atau .gz)")
        source.add_argument(
            "--mysql-url",
            help="baca database OpenSID yang berjalan: mysql://pengguna:sandi@host:port/nama_db",
        )
        parser.add_argument(
            "--uploads", help="zip folder desa dari “Unduh Folder Desa” (gambar dan dokumen)"
        )
        parser.add_argument("--write", action="store_true", help="tulis (tanpa ini: uji saja)")
        parser.add_argument(
            "--allow-other-village",
            action="store_true",
            help="pindahkan walau kode desa di cadangan berbeda dengan desa situs ini",
        )

    def handle(
        self,
        *args,
        village: str,
        sql: str | None,
        mysql_url: str | None,
        uploads: str | None,
        write: bool,
        allow_other_village: bool,
        **o,
    ):
        site = Village.objects.select_related("region").filter(slug=village).first()
        if site is None:
            raise CommandError(f"Situs desa “{village}” tidak ada.")
        try:
            with ExitStack() as stack:
                handle = stack.enter_context(open(sql, "rb")) if sql else None
                folder = stack.enter_context(open(uploads, "rb")) if uploads else None
                move = move_backup(
                    site,
                    handle,
                    None,
                    write=write,
                    allow_other_village=allow_other_village,
                    uploads=folder,
                    mysql_url=mysql_url or "",
                )
        except OSError as error:
            raise CommandError(f"Berkas tidak terbaca: {error}") from error
        except MoveProblem as problem:
            raise CommandError(str(problem)) from problem
        report = move.report
        source = report["source"]
        out = self.stdout.write
        out(
            f"OpenSID {source['version']} ({source['database_version']}): "
            f"{source['name']} {source['code']}"
        )
        register = report["register"]
        out("Register: " + ", ".join(f"{k} {v}" for k, v in register["counts"].items()))
        out("Perubahan: " + ", ".join(f"{k} {v}" for k, v in register["changes"].items()))
        out("Situs: " + ", ".join(f"{k} {v}" for k, v in report["content"].items()))
        for row, column, reason in register["errors"][:50]:
            out(self.style.ERROR(f"  salah  {row} {column}: {reason}"))
        for row, column, reason in register["warnings"][:50]:
            out(self.style.WARNING(f"  catatan {row} {column}: {reason}"))
        for note in register["notes"]:
            out(f"  {note}")
        for group, label in GROUPS.items():
            tables = [t for t in report["inventory"] if t["group"] == group]
            if tables:
                total = sum(t["rows"] for t in tables)
                out(f"{label}: {len(tables)} tabel, {total} baris")
                if group in ("later", "no_home", "moved"):
                    for t in tables:
                        out(f"    {t['table']}: {t['rows']}")
        if register["error_count"]:
            raise CommandError(f"{register['error_count']} kesalahan: tidak ada yang ditulis.")
        if move.written:
            out(self.style.SUCCESS(f"Ditulis: {report['written']}"))
        else:
            out("Uji saja: tidak ada yang ditulis (tambahkan --write).")
