"""Spreadsheets the register hands out: the import template (code lists on a second sheet)
and the export of the register in the import layout (admins only). Written through
balai.lib.exports, so text that starts with "=" stays text."""

from __future__ import annotations

import io

from django.utils.translation import gettext as _

from balai.imports.problems import column_letters
from balai.lib.exports import XLSX_TYPE, xlsx_workbook
from balai.population import codes, import_headers
from balai.population.import_rows import CODED, COLUMNS, DATES, REQUIRED, TEXT
from balai.population.models import Resident

XLSX = XLSX_TYPE
DATA_SHEET = "penduduk"
CODE_SHEET = "Kode"  # hidden; the reader skips it by name (balai.imports.child)
GUIDE_SHEET = "Petunjuk"
LAST_ROW = 100_000  # dropdowns down to this row (the register's size, not Excel's end)
WIDTHS = {"nama": 28, "alamat": 26, "alamat_sekarang": 26, "nama_ayah": 24, "nama_ibu": 24}


def _hint(column: str) -> str:
    """The comment on a header cell: what to put in the column."""
    if column in ("nik", "no_kk"):
        text = _("16 angka, ditulis sebagai teks (jangan dibulatkan Excel).")
    elif column in ("ayah_nik", "ibu_nik"):
        text = _("16 angka, atau kosongkan bila tidak tahu.")
    elif column in CODED:
        text = _("Pilih dari daftar (klik sel, lalu panah di kanannya). Kode angka juga diterima.")
    elif column in DATES:
        text = _("Tanggal ditulis 2024-08-17 (tahun-bulan-tanggal) atau 17-08-2024.")
    elif column in ("lat", "lng"):
        text = _("Angka desimal dengan titik, mis. -7.3101 (boleh kosong).")
    elif column in ("rw", "rt"):
        text = _("Nomor RW/RT, mis. 001 (1, 01 dan 001 dibaca sama).")
    else:
        text = _("Teks, boleh kosong.")
    if column in REQUIRED:
        text = _("Wajib diisi.") + " " + text
    return text


def _code_sheet(book, bold) -> dict[str, str]:
    """Each code list's labels in a column of the hidden sheet; column → its range."""
    sheet = book.add_worksheet(CODE_SHEET)
    ranges = {}
    for col, (column, (_field, name)) in enumerate(CODED.items()):
        labels = [label for _code, label in codes.titles(name)]
        sheet.write_string(0, col, import_headers.LABELS[column], bold)
        for row, label in enumerate(labels, start=1):
            sheet.write_string(row, col, label)
        letter = column_letters(col)
        ranges[column] = f"='{CODE_SHEET}'!${letter}$2:${letter}${len(labels) + 1}"
    sheet.hide()
    return ranges


def _guide_sheet(book, bold, wrap) -> None:
    """One printed page: how to fill in the sheet and what each column takes."""
    sheet = book.add_worksheet(GUIDE_SHEET)
    sheet.set_column(0, 0, 30)
    sheet.set_column(1, 1, 80, wrap)
    lines = [
        _("Petunjuk mengisi data penduduk"),
        "",
        _("1. Isi satu baris untuk setiap penduduk di lembar “penduduk”, mulai baris 2."),
        _(
            "2. Anggota satu keluarga ditulis dengan No. KK yang sama; setiap KK punya satu "
            "kepala keluarga yang masih hidup."
        ),
        _("3. Kolom bertanda * wajib diisi. Kolom bertanda (pilih) punya daftar pilihan."),
        _("4. Tanggal ditulis 2024-08-17 atau 17-08-2024. NIK dan No. KK 16 angka."),
        _(
            "5. Simpan sebagai .xlsx lalu unggah di menu Penduduk → Impor dan ekspor. Berkas "
            "diperiksa dulu; belum ada yang berubah sampai Anda menyetujui hasilnya."
        ),
        _(
            "6. Bila ada baris yang salah, unduh berkas bertanda: sel yang salah berwarna merah "
            "dan berisi catatan alasannya."
        ),
        "",
    ]
    for row, text in enumerate(lines):
        sheet.write_string(row, 0, text, bold if row == 0 else None)
    top = len(lines)
    sheet.write_row(top, 0, [_("Kolom"), _("Cara mengisi")], bold)
    for row, column in enumerate(COLUMNS, start=top + 1):
        sheet.write_string(row, 0, import_headers.header(column))
        sheet.write_string(row, 1, _hint(column))
    sheet.fit_to_pages(1, 1)
    sheet.set_paper(9)  # A4
    sheet.hide_gridlines(2)


def template_xlsx() -> bytes:
    """The import template: Indonesian headers with hints (and a comment on each), dropdowns
    from the code lists, a frozen header, widths, and a one-page guide."""
    out = io.BytesIO()
    book = xlsx_workbook(out)
    text = book.add_format({"num_format": "@"})
    head = book.add_format(
        {"bold": True, "text_wrap": True, "valign": "top", "bg_color": "#E8F0E8"}
    )
    required = book.add_format(
        {"bold": True, "text_wrap": True, "valign": "top", "bg_color": "#FFF2CC"}
    )
    bold = book.add_format({"bold": True})
    wrap = book.add_format({"text_wrap": True, "valign": "top"})
    sheet = book.add_worksheet(DATA_SHEET)
    _guide_sheet(book, bold, wrap)
    ranges = _code_sheet(book, bold)
    sheet.set_row(0, 45)
    sheet.freeze_panes(1, 0)
    for col, name in enumerate(COLUMNS):
        # Text format on every column: NIK and No. KK typed here are never rounded by Excel.
        width = WIDTHS.get(name, 24 if name in CODED else 18)
        sheet.set_column(col, col, width, text)
        sheet.write_string(
            0, col, import_headers.header(name), required if name in REQUIRED else head
        )
        sheet.write_comment(0, col, _hint(name), {"x_scale": 2, "y_scale": 1.2})
        if name in ranges:
            sheet.data_validation(
                1,
                col,
                LAST_ROW,
                col,
                {
                    "validate": "list",
                    "source": ranges[name],
                    # A warning, not a stop: typed codes ("1", "L") are accepted too.
                    "error_type": "warning",
                    "error_title": _("Bukan pilihan daftar"),
                    "error_message": _("Pilih dari daftar, atau tulis kodenya."),
                },
            )
    sheet.activate()
    book.close()
    return out.getvalue()


def _cell(resident: Resident, column: str):
    if column in CODED:
        return getattr(resident, CODED[column][0])
    if column in TEXT:
        return getattr(resident, TEXT[column][0])
    if column in DATES:
        value = getattr(resident, DATES[column])
        return value.isoformat() if value else ""
    family, area = resident.family, resident.area
    return {
        "alamat": family.address,
        "dusun": area.dusun if area else "",
        "rw": area.rw if area else "",
        "rt": area.rt if area else "",
        "no_kk": family.number,
        "nik": resident.nik,
        "ayah_nik": resident.father_nik,
        "ibu_nik": resident.mother_nik,
        "cara_kb_id": resident.contraception,
        "lat": str(resident.latitude or ""),
        "lng": str(resident.longitude or ""),
    }.get(column, "")


def register_xlsx(village, path) -> int:
    """The register in the import layout (so an export re-imports unchanged); returns rows."""
    book = xlsx_workbook(str(path), constant_memory=True)
    text = book.add_format({"num_format": "@"})
    sheet = book.add_worksheet("penduduk")
    sheet.write_row(0, 0, COLUMNS)
    residents = Resident.objects.for_village(village).select_related("family", "area")
    count = 0
    for count, resident in enumerate(residents.iterator(chunk_size=2000), start=1):
        for col, column in enumerate(COLUMNS):
            value = _cell(resident, column)
            if value is None or value == "":
                continue
            if isinstance(value, int):
                sheet.write_number(count, col, value)
            else:
                sheet.write_string(count, col, str(value), text)
    book.close()
    return count
