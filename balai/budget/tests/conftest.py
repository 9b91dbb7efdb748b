"""Budget test helpers: the account tree (browser tests empty every table), a small APBDes."""

from __future__ import annotations

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from balai.budget import services, tree
from balai.budget.models import Account, BudgetLine, FiscalYear, Realisation
from balai.villages.models import Village

TEMPLATE_CSV = """kegiatan;kode;uraian;sumber;anggaran;perubahan;realisasi
;4;PENDAPATAN;;Rp 1.600.000.000,00;;
;4.2.1.01;Dana Desa;;Rp 1.000.000.000;;600.000.000
;4.2.3.01;Alokasi Dana Desa;;600.000.000;;300.000.000
1.1.01;5.1.1.01;Siltap kepala desa;ADD;36.000.000;;18.000.000
2.3.10;5.3.5.02;Upah pengerasan jalan desa;DDS;250.000.000;;100.000.000
2.3.10;5.3.5.03;Bahan pengerasan jalan desa;DDS;700.000.000;;400.000.000
2.2.02;5.2.2.03;Insentif kader posyandu;ADD;120.000.000;;60.000.000
;6.1.1.01;SiLPA;;45.000.000;;45.000.000
"""


@pytest.fixture(autouse=True)
def _accounts(db):
    if not Account.objects.exists():
        tree.accounts_load()
    tree.account_index_clear()


def csv_upload(text: str = TEMPLATE_CSV, name: str = "apbdes.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")


def acc(axis: str, code: str) -> Account:
    return Account.objects.get(axis=axis, code=code)


def make_year(
    village: Village, year: int = 2025, *, status: str = "approved", realised: bool = True
) -> FiscalYear:
    fy = FiscalYear.objects.create(
        village=village,
        year=year,
        status=status,
        perdes_number=f"3 Tahun {year}" if status != "draft" else "",
        perdes_date=datetime.date(year - 1, 12, 20) if status != "draft" else None,
    )
    spec = [
        ("income", None, "4.2.1.01", "DDS", 1_000_000_000, 600_000_000),
        ("income", None, "4.2.3.01", "ADD", 600_000_000, 300_000_000),
        ("spending", "2.3.10", "5.3.5.03", "DDS", 700_000_000, 400_000_000),
        ("spending", "1.1.01", "5.1.1.01", "ADD", 480_000_000, 240_000_000),
        ("spending", "2.2.02", "5.2.2.03", "ADD", 120_000_000, 0),
        ("fin_in", None, "6.1.1.01", "", 45_000_000, 45_000_000),
    ]
    for kind, keg, code, source, amount, real in spec:
        line = BudgetLine.objects.create(
            village=village,
            fiscal_year=fy,
            kind=kind,
            kegiatan=acc("bidang", keg) if keg else None,
            account=acc("ekonomi", code),
            source=source,
            original_amount=amount,
        )
        if realised and real:
            Realisation.objects.create(
                village=village, line=line, date=datetime.date(year, 6, 30), amount=real
            )
    return services.fiscal_year_summarise(fiscal_year=fy)


@pytest.fixture
def dagan_2025(dagan) -> FiscalYear:
    return make_year(dagan, 2025)
