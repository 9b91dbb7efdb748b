"""A small Dagan register (4 families of 3 in two dusun, each family its own household) and
helpers to write welfare spreadsheets in memory."""

from __future__ import annotations

import io
from datetime import date

import pytest
import xlsxwriter
from django.core.files.uploadedfile import SimpleUploadedFile

from balai.population.models import Area, Family, Household, Resident
from balai.welfare.import_ranking import RANKING_COLUMNS
from balai.welfare.import_rows import RECIPIENT_COLUMNS
from balai.welfare.models import Programme


def nik(n: int, i: int) -> str:
    return f"33030901{n:02d}{i:02d}80{n:04d}"[:16]


def kk(n: int) -> str:
    return f"330309010111{n:04d}"


@pytest.fixture
def register(dagan):
    """family number → list of residents (head first)."""
    out = {}
    for n in range(1, 5):
        area, _ = Area.objects.get_or_create(
            village=dagan, dusun=f"Dusun {'I' if n % 2 else 'II'}", rw="001", rt=f"00{n}"
        )
        fam = Family.objects.create(village=dagan, number=kk(n), area=area, address="Jl. Kenanga 7")
        home = Household.objects.create(village=dagan, number=f"RTM-{n}", area=area)
        out[n] = [
            Resident.objects.create(
                village=dagan,
                nik=nik(n, i),
                name=f"WARGA {n}-{i}",
                family=fam,
                household=home,
                area=area,
                sex=1 + i % 2,
                family_relation=1 if i == 0 else 4,
                birth_date=date(1970 + n, 3, 12 + i),
            )
            for i in range(3)
        ]
    return out


@pytest.fixture
def blt(dagan):
    return Programme.objects.create(
        village=dagan,
        name="BLT Dana Desa 2026",
        kind="blt_dd",
        source="desa",
        unit="family",
        amount=300_000,
        period_start=date(2026, 1, 1),
        period_end=date(2026, 12, 31),
        decree_number="141/07/I/2026",
        decree_date=date(2026, 1, 22),
        exclusive_group="tunai",
    )


@pytest.fixture
def pkh(dagan):
    return Programme.objects.create(
        village=dagan,
        name="PKH",
        kind="pkh",
        source="pusat",
        unit="family",
        amount=750_000,
        period_start=date(2024, 1, 1),
        exclusive_group="tunai",
    )


def xlsx_bytes(rows: list[dict], columns=RECIPIENT_COLUMNS) -> bytes:
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    sheet = book.add_worksheet()
    sheet.write_row(0, 0, columns)
    for r, row in enumerate(rows, start=1):
        for c, column in enumerate(columns):
            sheet.write_string(r, c, str(row.get(column, "")))
    book.close()
    return out.getvalue()


def ranking_bytes(rows: list[dict]) -> bytes:
    return xlsx_bytes(rows, RANKING_COLUMNS)


def upload(content: bytes, name: str = "penerima.xlsx") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


def good_rows() -> list[dict]:
    return [{"no_kk": kk(n), "nilai": "Rp 300.000", "mulai": "01-01-2026"} for n in (1, 2, 3)]
