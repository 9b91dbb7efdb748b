"""Helpers for the register tests: spreadsheets made in memory in the 43-column layout."""

from __future__ import annotations

import io

import pytest
import xlsxwriter
from django.core.files.uploadedfile import SimpleUploadedFile

from balai.population.import_rows import COLUMNS

# Dagan lies in Kecamatan Bobotsari: 33.03.09 → NIK region part 330309.
HEAD = {
    "alamat": "Jl. Melati 3",
    "dusun": "Dusun I",
    "rw": "1",
    "rt": "2",
    "nama": "SUGENG RIYADI",
    "no_kk": "3303090101100001",
    "nik": "3303091203750001",
    "sex": "L",
    "tempatlahir": "PURBALINGGA",
    "tanggallahir": "1975-03-12",
    "agama_id": "ISLAM",
    "pendidikan_kk_id": "5",
    "pekerjaan_id": "9",
    "status_kawin": "KAWIN",
    "kk_level": "1",
    "warganegara_id": "WNI",
    "status_dasar": "1",
}
WIFE = {
    **HEAD,
    "nama": "SITI AMINAH",
    "nik": "3303095505800002",
    "sex": "P",
    "tanggallahir": "15-05-1980",
    "kk_level": "ISTRI",
}
CHILD = {
    **HEAD,
    "nama": "BAYU PRATAMA",
    "nik": "3303090107100003",
    "sex": "LK",
    "tanggallahir": "2010-07-01",
    "kk_level": "4",
    "status_kawin": "BELUM KAWIN",
    "pekerjaan_id": "3",
    "ayah_nik": "3303091203750001",
}


def family(n: int, dusun: str = "Dusun I") -> list[dict]:
    """Three people (head, wife, child) of family n, with NIKs and No. KK unique to n."""
    kk = f"33030901011{n:05d}"
    rows = []
    for i, base in enumerate((HEAD, WIFE, CHILD)):
        nik = base["nik"][:12] + f"{n * 3 + i:04d}"
        rows.append(
            {
                **base,
                "no_kk": kk,
                "nik": nik,
                "dusun": dusun,
                "nama": f"{base['nama']} {n}",
                "ayah_nik": (HEAD["nik"][:12] + f"{n * 3:04d}") if i == 2 else "",
            }
        )
    return rows


def xlsx_bytes(rows: list[dict], columns=COLUMNS, numbers: dict | None = None) -> bytes:
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    sheet = book.add_worksheet()
    sheet.write_row(0, 0, columns)
    for r, row in enumerate(rows, start=1):
        for c, column in enumerate(columns):
            sheet.write_string(r, c, str(row.get(column, "")))
    for (r, column), value in (numbers or {}).items():
        sheet.write_number(r, columns.index(column), value)
    book.close()
    return out.getvalue()


def upload(content: bytes, name: str = "penduduk.xlsx") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


@pytest.fixture
def admin_client(client, alice):
    client.force_login(alice)
    return client
