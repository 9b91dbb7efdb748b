"""Spreadsheets the register hands out: the import template (code lists on a second sheet)
and the export of the register in the import layout (admins only). Written through
balai.lib.exports, so text that starts with "=" stays text."""

from __future__ import annotations

import io

from django.utils.translation import gettext as _

from balai.lib.exports import XLSX_TYPE, xlsx_workbook
from balai.population import codes
from balai.population.import_rows import CODED, COLUMNS, DATES, TEXT
from balai.population.models import Resident

XLSX = XLSX_TYPE
EXAMPLE = {
    "alamat": "Jl. Contoh No. 1",
    "dusun": "Dusun I",
    "rw": "001",
    "rt": "002",
    "nama": "CONTOH NAMA",
    "no_kk": "3303090101010001",
    "nik": "3303090101800001",
    "sex": "L",
    "tempatlahir": "PURBALINGGA",
    "tanggallahir": "1980-01-01",
    "agama_id": "ISLAM",
    "pendidikan_kk_id": "5",
    "pekerjaan_id": "9",
    "status_kawin": "KAWIN",
    "kk_level": "1",
    "warganegara_id": "WNI",
    "golongan_darah_id": "13",
    "status_dasar": "1",
}


def template_xlsx() -> bytes:
    out = io.BytesIO()
    book = xlsx_workbook(out)
    text = book.add_format({"num_format": "@"})
    bold = book.add_format({"bold": True})
    sheet = book.add_worksheet("penduduk")
    for col, name in enumerate(COLUMNS):
        # Text format on every column: NIK and No. KK typed here are never rounded by Excel.
        sheet.set_column(col, col, 18, text)
        sheet.write_string(0, col, name, bold)
        sheet.write_string(1, col, EXAMPLE.get(name, ""))
    lists = book.add_worksheet("kode")
    lists.write_row(0, 0, [_("kolom"), _("kode"), _("arti")], bold)
    row = 1
    for column, (_field, name) in CODED.items():
        for code, label in codes.titles(name):
            lists.write_row(row, 0, [column, code, label])
            row += 1
    lists.set_column(0, 0, 20)
    lists.set_column(2, 2, 50)
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
