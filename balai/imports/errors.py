"""The one error type of every import: the whole file is refused, with a message for the admin
who uploaded it (in Indonesian, naming what to do about it)."""

from __future__ import annotations

from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from balai.imports.problems import FileProblem
from balai.lib.numbers import angka


class ImportFileError(ValueError):
    """The file is refused as a whole; `str(error)` is the message for the admin."""


def problem_message(problem: FileProblem) -> str:
    """The Indonesian sentence for a problem found in a file."""
    p = problem.params
    code = problem.code
    if code == "empty":
        return _("Berkas kosong. Pilih berkas lain.")
    if code == "too_big":
        return _(
            "Berkas terlalu besar (%(size)s). Batasnya %(limit)s; bagi menjadi beberapa berkas."
        ) % {
            "size": filesizeformat(int(str(p.get("size", 0)))),
            "limit": filesizeformat(int(str(p.get("limit", 0)))),
        }
    if code == "html":
        return _(
            "Berkas ini halaman web (HTML) yang diberi nama lembar kerja. Buka di Excel atau "
            "LibreOffice, lalu simpan sebagai .xlsx."
        )
    if code == "xml_entities":
        return _(
            "Berkas XML ini memuat deklarasi DOCTYPE atau ENTITY, yang tidak pernah ada di "
            "ekspor WordPress dan bisa dipakai untuk melumpuhkan server. Berkas ditolak."
        )
    if code == "xlsb":
        return _("Berkas .xlsb tidak dapat dibaca. Simpan ulang sebagai .xlsx, lalu unggah lagi.")
    if code == "encrypted":
        return _("Berkas ini dikunci dengan kata sandi. Buka kuncinya, simpan, lalu unggah lagi.")
    if code == "broken":
        return _("Berkas rusak dan tidak dapat dibuka. Simpan ulang dari Excel atau LibreOffice.")
    if code in ("zip_unpacked", "zip_entries"):
        return _("Isi berkas terlalu besar setelah dibuka. Bagi menjadi beberapa berkas.")
    if code == "too_many_cells":
        return _(
            "Lembar “%(sheet)s” terpakai sampai sel %(cell)s (%(rows)s baris × %(columns)s "
            "kolom), terlalu besar untuk dibaca. Hapus isi atau format sel yang jauh di luar "
            "tabel (tekan Ctrl+End untuk menemukannya), simpan, lalu unggah lagi."
        ) % {
            "sheet": p.get("sheet") or _("pertama"),
            "cell": p.get("cell", "?"),
            "rows": angka(int(str(p.get("rows", 0)))),
            "columns": angka(int(str(p.get("columns", 0)))),
        }
    if code == "formula":
        return _(
            "Lembar “%(sheet)s” berisi rumus (formula), mis. di sel %(cell)s. Hasil rumus "
            "bisa usang atau kosong di berkas, padahal yang disimpan harus nilainya: salin semua "
            "sel lalu Tempel Nilai (Paste Values), simpan, lalu unggah lagi."
        ) % {"sheet": p.get("sheet") or _("pertama"), "cell": p.get("cell", "?")}
    if code == "no_sheet":
        return _("Berkas tidak berisi lembar kerja.")
    if code == "csv_broken":
        return _("Berkas CSV rusak di sekitar baris %(line)s (tanda kutip tidak tertutup?).") % {
            "line": p.get("line", "?")
        }
    if code == "memory":
        return _(
            "Berkas ini terlalu berat untuk dibaca (melebihi batas memori). Tidak ada yang "
            "berubah. Bagi menjadi beberapa berkas atau hapus lembar dan kolom yang tidak perlu."
        )
    if code == "timeout":
        return _(
            "Pembacaan berkas terlalu lama dan dihentikan. Tidak ada yang berubah. Bagi menjadi "
            "beberapa berkas, lalu unggah lagi."
        )
    if code == "crashed":
        return _(
            "Pembaca berkas berhenti tiba-tiba saat membuka berkas ini. Tidak ada yang berubah. "
            "Simpan ulang berkas sebagai .xlsx dari Excel atau LibreOffice, lalu unggah lagi."
        )
    if code == "kind":
        return _("Berkas ini %(kind)s; yang diterima: %(kinds)s.") % {
            "kind": p.get("kind", "?"),
            "kinds": p.get("kinds", ""),
        }
    if code == "too_many_rows":
        count = int(str(p.get("count", 0)))
        return ngettext(
            "Berkas berisi lebih dari %(limit)s baris (%(count)s). Bagi menjadi beberapa berkas.",
            "Berkas berisi lebih dari %(limit)s baris (%(count)s). Bagi menjadi beberapa berkas.",
            count,
        ) % {"limit": angka(int(str(p.get("limit", 0)))), "count": angka(count)}
    return _(
        "Berkas ini bukan .xlsx, .xls, .ods atau .csv. Simpan ulang dari Excel atau LibreOffice."
    )


def file_error(problem: FileProblem) -> ImportFileError:
    return ImportFileError(problem_message(problem))
