"""An OpenSID backup as the move sees it: the `.sql` of Pengaturan → Database → Backup, staged
into SQLite by the streaming dump reader (no MySQL server), recognised as OpenSID, its version
read, and every table with rows sorted into what the move does with it.

Nothing in a table is dropped without a line in the report: each table with rows is either moved,
kept in the village's private archive for a later move (`LATER`, `NO_HOME`), never read because
it holds secrets (`SECRET`), or one of OpenSID's own reference lists, which Balai has itself
(`REFERENCE`).
"""

from __future__ import annotations

import json
import re
import zipfile
from dataclasses import dataclass, field
from typing import IO, Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from balai.imports.sqldump import DumpLimits, DumpProblem, StagedDump, stage_dump


class MoveProblem(ValueError):
    """The backup cannot be moved; the message is for the admin, in Indonesian."""


# The register's tables: what this version moves.
MOVED = {
    "tweb_wil_clusterdesa": gettext_lazy("Wilayah (dusun, RW, RT)"),
    "tweb_keluarga": gettext_lazy("Keluarga (KK)"),
    "tweb_penduduk": gettext_lazy("Penduduk"),
    "tweb_rtm": gettext_lazy("Rumah tangga"),
    "log_penduduk": gettext_lazy("Riwayat mutasi penduduk"),
    "artikel": gettext_lazy("Artikel, halaman statis dan agenda"),
    "kategori": gettext_lazy("Kategori artikel"),
    "komentar": gettext_lazy("Komentar"),
    "agenda": gettext_lazy("Agenda"),
    "gambar_gallery": gettext_lazy("Galeri"),
    "config": gettext_lazy("Identitas desa"),
    "tweb_desa_pamong": gettext_lazy("Perangkat desa"),
    "ref_jabatan": gettext_lazy("Jabatan perangkat"),
    "dokumen": gettext_lazy("Dokumen, informasi publik dan produk hukum"),
    "program": gettext_lazy("Program bantuan"),
    "program_peserta": gettext_lazy("Peserta program bantuan"),
    "keuangan_manual_rinci": gettext_lazy("APBDes"),
    "pembangunan": gettext_lazy("Pembangunan"),
    "pembangunan_ref_dokumentasi": gettext_lazy("Dokumentasi pembangunan"),
    "pelapak": gettext_lazy("Pelapak"),
    "produk": gettext_lazy("Produk lapak"),
    "produk_kategori": gettext_lazy("Kategori produk"),
}
# Village content with a home in Balai that this version does not move yet: kept in the archive.
LATER = {
    "menu": gettext_lazy("Menu situs"),
    "media_sosial": gettext_lazy("Media sosial"),
}
# Passwords, PINs, tokens, login logs and counters: never read, never kept.
SECRET = {
    "user": gettext_lazy("Akun operator (kata sandi; hanya nama penulis artikel yang dibaca)"),
    "log_login": gettext_lazy("Riwayat masuk operator"),
    "tweb_penduduk_mandiri": gettext_lazy("PIN layanan mandiri warga (MD5)"),
    "sys_traffic": gettext_lazy("Penghitung kunjungan"),
    "notifikasi": gettext_lazy("Notifikasi aplikasi"),
}
SECRET_COLUMNS = {
    "config": {"app_key"},
    "tweb_desa_pamong": {"pamong_pin"},
    "tweb_penduduk": {"email_token", "telegram_token"},
}
# OpenSID's own seeded lists and settings: Balai has its own code lists and settings.
REFERENCE_NAMES = {
    "migrasi",
    "setting_aplikasi",
    "setting_modul",
    "grup_akses",
    "user_grup",
    "widget",
    "anjungan_menu",
    "kehadiran_jam_kerja",
    "klasifikasi_surat",
    "gis_simbol",
    "tweb_aset",
    "tweb_surat_format",
    "keuangan_manual_rinci_tpl",
    "analisis_parameter",
    "analisis_indikator",
    "analisis_kategori_indikator",
    "analisis_tipe_indikator",
    "analisis_ref_state",
    "analisis_ref_subjek",
}
REFERENCE_PREFIXES = ("ref_", "keuangan_manual_ref_", "tweb_penduduk_")
REFERENCE_CODE_TABLES = {
    "tweb_cacat",
    "tweb_cara_kb",
    "tweb_golongan_darah",
    "tweb_keluarga_sejahtera",
    "tweb_rtm_hubungan",
    "tweb_sakit_menahun",
    "tweb_status_dasar",
    "tweb_status_ktp",
}
# The columns the move reads: a backup without them is a version we do not know.
REQUIRED_COLUMNS = {
    "config": {"nama_desa", "kode_desa"},
    "tweb_penduduk": {
        "id",
        "nik",
        "nama",
        "id_kk",
        "kk_level",
        "sex",
        "tanggallahir",
        "status_dasar",
        "id_cluster",
        "id_rtm",
        "rtm_level",
    },
    "tweb_keluarga": {"id", "no_kk", "nik_kepala", "id_cluster", "alamat"},
    "tweb_wil_clusterdesa": {"id", "dusun", "rw", "rt"},
    "log_penduduk": {"id", "id_pend", "kode_peristiwa", "tgl_peristiwa", "tgl_lapor"},
    "tweb_rtm": {"no_kk", "nik_kepala"},
}
# OpenSID releases whose backup this move reads (yymm): 22.07 added config_id to every table.
OLDEST, NEWEST = 2207, 2612
_VERSION = re.compile(r"^v?(\d{2})\.(\d{2})")


@dataclass
class Backup:
    staged: StagedDump
    version: str  # "24.10"
    database_version: str  # "2024100101"
    name: str
    code: str
    tables: dict[str, int] = field(default_factory=dict)  # table → rows

    def group(self, table: str) -> str:
        if table in MOVED:
            return "moved"
        if table in SECRET:
            return "secret"
        if table in LATER:
            return "later"
        if (
            table in REFERENCE_NAMES
            or table in REFERENCE_CODE_TABLES
            or table.startswith(REFERENCE_PREFIXES)
        ):
            return "reference"
        return "no_home"

    def inventory(self) -> list[dict[str, Any]]:
        """Every table with rows: its group and label (for the report)."""
        labels = {**MOVED, **LATER, **SECRET}
        return [
            {
                "table": table,
                "rows": rows,
                "group": self.group(table),
                "label": str(labels.get(table, "")),
            }
            for table, rows in sorted(self.tables.items())
            if rows
        ]


GROUP_ORDER = ("moved", "later", "no_home", "secret", "reference")


def inventory_groups(inventory: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The inventory by fate, in the order the report reads it; each with its total rows."""
    groups = []
    for key in GROUP_ORDER:
        tables = [t for t in inventory if t["group"] == key]
        if tables:
            groups.append(
                {
                    "key": key,
                    "tables": tables,
                    "rows": sum(t["rows"] for t in tables),
                    "folded": key in ("no_home", "reference"),
                }
            )
    return groups


def open_backup(handle: IO[bytes], stage_path: str, limits: DumpLimits | None = None) -> Backup:
    """Stage the dump and check it is an OpenSID backup of a version we read. Raises
    MoveProblem with the reason."""
    try:
        staged = stage_dump(handle, stage_path, limits or DumpLimits())
    except DumpProblem as problem:
        raise MoveProblem(dump_message(problem)) from problem
    return recognise(staged)


def open_live(url: str, stage_path: str) -> Backup:
    """Copy a live OpenSID database (`mysql://…`) into the same staged form as a backup, its
    secret tables never read, and check it like a backup. Raises MoveProblem with the reason."""
    from balai.moving.live import LiveProblem, stage_live

    try:
        staged = stage_live(url, stage_path, set(SECRET), SECRET_COLUMNS)
    except LiveProblem as problem:
        raise MoveProblem(str(problem)) from problem
    return recognise(staged)


def recognise(staged: StagedDump) -> Backup:
    """Check a staged copy (from a backup or a live database) is OpenSID of a version we read."""
    summary = staged.summary
    if "tweb_penduduk" not in summary.tables or "config" not in summary.tables:
        staged.close()
        raise MoveProblem(
            _(
                "Berkas ini bukan cadangan database OpenSID: tabel tweb_penduduk dan config "
                "tidak ada. Unduh berkas dari menu Pengaturan → Database → Backup → "
                "“Unduh Database” di OpenSID."
            )
        )
    version, database_version = _version(staged)
    number = _version_number(version, database_version)
    if number is None or not OLDEST <= number <= NEWEST:
        staged.close()
        raise MoveProblem(
            _(
                "Versi OpenSID cadangan ini (%(v)s) belum dikenal. Balai membaca cadangan "
                "OpenSID versi %(old)s sampai %(new)s. Perbarui OpenSID lalu buat cadangan lagi, "
                "atau hubungi admin kabupaten."
            )
            % {
                "v": version or database_version or _("tidak terbaca"),
                "old": f"{OLDEST // 100}.{OLDEST % 100:02d}",
                "new": f"{NEWEST // 100}.{NEWEST % 100:02d}",
            }
        )
    missing = [
        f"{table}.{column}"
        for table, columns in REQUIRED_COLUMNS.items()
        if table in summary.tables
        for column in sorted(columns - set(summary.tables[table].columns))
    ]
    if missing:
        staged.close()
        raise MoveProblem(
            _(
                "Susunan tabel cadangan OpenSID %(v)s berbeda dari yang dikenal Balai; kolom "
                "ini tidak ada: %(cols)s."
            )
            % {"v": version, "cols": ", ".join(missing)}
        )
    identity = next(iter(staged.rows("config")), None)
    return Backup(
        staged=staged,
        version=version,
        database_version=database_version,
        name=str(identity["nama_desa"] or "") if identity else "",
        code=str(identity["kode_desa"] or "") if identity else "",
        tables=dict(summary.rows),
    )


def _version(staged: StagedDump) -> tuple[str, str]:
    version = database_version = ""
    if "setting_aplikasi" in staged.summary.tables:
        row = next(iter(staged.rows("setting_aplikasi", "key = 'current_version'")), None)
        if row is not None:
            version = str(row["value"] or "").strip()
    if "migrasi" in staged.summary.tables:
        found = staged.connection.execute(
            "SELECT MAX(CAST(versi_database AS INTEGER)) FROM migrasi"
        ).fetchone()[0]
        database_version = str(found or "")
    return version, database_version


def _version_number(version: str, database_version: str) -> int | None:
    """24.10 → 2410; from the database version (2024100101 → 2410) when the setting is gone."""
    match = _VERSION.match(version)
    if match:
        return int(match.group(1)) * 100 + int(match.group(2))
    if len(database_version) >= 6 and database_version[:6].isdigit():
        return int(database_version[2:6])
    return None


DUMP_MESSAGES = {
    "empty": gettext_lazy("Berkas kosong."),
    "not_sql": gettext_lazy(
        "Berkas ini bukan berkas SQL cadangan database (baris %(line)s: “%(detail)s”)."
    ),
    "truncated": gettext_lazy(
        "Berkas terpotong: berhenti di tengah perintah yang dimulai di baris %(line)s. Unduh "
        "ulang cadangan dari OpenSID dan unggah lagi."
    ),
    "too_big": gettext_lazy("Berkas terlalu besar setelah dibuka (lebih dari batas)."),
    "statement_too_big": gettext_lazy("Perintah di baris %(line)s terlalu besar."),
    "bad_insert": gettext_lazy("Perintah INSERT di baris %(line)s tidak terbaca: “%(detail)s”."),
    "bad_value": gettext_lazy("Nilai di baris %(line)s tidak terbaca: “%(detail)s”."),
    "column_count": gettext_lazy("Jumlah nilai di baris %(line)s tidak sama dengan jumlah kolom."),
    "insert_without_table": gettext_lazy(
        "Baris %(line)s mengisi tabel “%(detail)s” yang tidak dibuat di berkas ini."
    ),
    "bad_create": gettext_lazy("Perintah CREATE TABLE di baris %(line)s tidak terbaca."),
    "too_many_columns": gettext_lazy("Tabel di baris %(line)s punya terlalu banyak kolom."),
}


def dump_message(problem: DumpProblem) -> str:
    template = DUMP_MESSAGES.get(problem.code, DUMP_MESSAGES["not_sql"])
    return str(template) % {"line": problem.line, "detail": problem.detail[:60]}


def archive_rows(backup: Backup, target: IO[bytes]) -> dict[str, int]:
    """A zip with one JSON file per table the move keeps for later (LATER and NO_HOME), secret
    columns left out; returns table → rows written."""
    written: dict[str, int] = {}
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for table, rows in sorted(backup.tables.items()):
            if not rows or backup.group(table) not in ("later", "no_home"):
                continue
            hidden = SECRET_COLUMNS.get(table, set())
            columns = [c for c in backup.staged.summary.tables[table].columns if c not in hidden]
            data = [[_plain(row[c]) for c in columns] for row in backup.staged.rows(table)]
            archive.writestr(
                f"{table}.json",
                json.dumps({"table": table, "columns": columns, "rows": data}, ensure_ascii=False),
            )
            written[table] = len(data)
        archive.writestr(
            "README.txt",
            "Baris cadangan OpenSID yang belum dipindahkan ke Balai, satu berkas JSON per tabel.\n"
            f"OpenSID {backup.version} ({backup.database_version}), {backup.name} {backup.code}.\n",
        )
    return written


def _plain(value: Any) -> Any:
    if isinstance(value, bytes):
        return value.hex()
    return value
