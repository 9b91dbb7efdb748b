"""Importing a Siskeudes export (a zip of CSV tables): budget from Ta_RABRinci, realisation
from Ta_SPJ/Ta_TBP; another year's export or missing tables are refused, naming the table."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from balai.budget.models import BudgetLine, FiscalYear
from balai.imports.models import ImportJob

pytestmark = pytest.mark.django_db

KEGIATAN = "Tahun,Kd_Desa,Kd_Bid,Kd_Keg,ID_Keg,Nama_Kegiatan\n" + (
    "2025,20.13.,20.13.02.,20.13.02.03.10.,02.03.10,Pembangunan Jalan Desa\n"
    "2025,20.13.,20.13.01.,20.13.01.01.01.,01.01.01,Siltap Kades\n"
)
RAB = "Tahun,Kd_Desa,Kd_Keg,Kd_Rincian,SumberDana,Uraian,Anggaran,AnggaranStlhPAK\n" + (
    "2025,20.13.,20.13.00.00.00.,4.2.1.01.,DDS,Dana Desa,1000000000,1000000000\n"
    "2025,20.13.,20.13.00.00.00.,4.2.3.01.,ADD,ADD,600000000,600000000\n"
    "2025,20.13.,20.13.02.03.10.,5.3.5.03.,DDS,Semen,400000000,450000000\n"
    "2025,20.13.,20.13.02.03.10.,5.3.5.03.,DDS,Pasir,300000000,300000000\n"
    "2025,20.13.,20.13.01.01.01.,5.1.1.01.,ADD,Siltap,36000000,36000000\n"
)
SPJ = "Tahun,No_SPJ,Tgl_SPJ,Kd_Desa\n2025,001/SPJ,2025-06-28,20.13.\n"
SPJ_RINCI = "Tahun,No_SPJ,Kd_Keg,Kd_Rincian,Sumberdana,Kd_Desa,Nilai\n" + (
    "2025,001/SPJ,20.13.02.03.10.,5.3.5.03.,DDS,20.13.,350000000\n"
)
TBP = "Tahun,No_Bukti,Tgl_Bukti,Kd_Desa\n2025,001/TBP,2025-04-10,20.13.\n"
TBP_RINCI = "Tahun,No_Bukti,Kd_Desa,Kd_Keg,Kd_Rincian,RincianSD,SumberDana,Nilai\n" + (
    "2025,001/TBP,20.13.,20.13.00.00.00.,4.2.1.01.,,DDS,600000000\n"
)


def export(**tables: str) -> SimpleUploadedFile:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, text in tables.items():
            archive.writestr(f"siskeudes/{name}.csv", text)
    return SimpleUploadedFile("siskeudes-2025.zip", out.getvalue(), "application/zip")


def full() -> dict[str, str]:
    return {
        "Ta_Kegiatan": KEGIATAN,
        "Ta_RABRinci": RAB,
        "Ta_SPJ": SPJ,
        "Ta_SPJRinci": SPJ_RINCI,
        "Ta_TBP": TBP,
        "Ta_TBPRinci": TBP_RINCI,
    }


def upload(client, file) -> ImportJob:
    url = reverse("budget_dashboard:import_start", kwargs={"slug": "dagan", "year": 2025})
    client.post(url, {"file": file})
    return ImportJob.objects.latest("pk")


def test_a_siskeudes_export_becomes_the_year_with_revision_and_realisation(login, alice, dagan):
    fy = FiscalYear.objects.create(village=dagan, year=2025)
    client = login(alice)
    batch = upload(client, export(**full()))
    assert batch.status == "checked", batch.report
    # two RABRinci rows of one kegiatan × account × source merged
    assert batch.report["summary"]["lines"] == 4
    client.post(
        reverse("budget_dashboard:import_confirm", kwargs={"slug": "dagan", "pk": batch.pk})
    )
    fy.refresh_from_db()
    road = BudgetLine.objects.get(fiscal_year=fy, account__code="5.3.5.03")
    assert road.kegiatan.code == "2.3.10" and road.source == "DDS"
    assert (road.original_amount, road.revised_amount) == (700_000_000, 750_000_000)
    assert fy.spending_realised == 350_000_000 and fy.income_realised == 600_000_000
    assert str(fy.realised_until) == "2025-06-28"


def test_an_export_of_another_year_is_refused_naming_the_table(login, alice, dagan):
    FiscalYear.objects.create(village=dagan, year=2025)
    tables = full()
    tables["Ta_RABRinci"] = RAB.replace("\n2025,", "\n2024,")
    batch = upload(login(alice), export(**tables))
    assert batch.status == "refused"
    row, column, reason = batch.report["errors"][0]
    assert column == "Ta_RABRinci.Tahun" and "tahun 2024, bukan 2025" in reason
    assert not BudgetLine.objects.exists()


def test_missing_tables_and_unknown_codes_are_refused(login, alice, dagan):
    FiscalYear.objects.create(village=dagan, year=2025)
    client = login(alice)
    batch = upload(client, export(Ta_RABRinci=RAB))
    assert batch.status == "failed" and "Ta_Kegiatan tidak ada" in batch.failure
    tables = full()
    tables["Ta_RABRinci"] = RAB + "2025,20.13.,20.13.02.03.10.,5.9.9.99.,DDS,X,5,5\n"
    batch = upload(client, export(**tables))
    assert batch.report["errors"] == [
        [7, "Ta_RABRinci.Kd_Rincian", "kode rekening 5.9.9.99 tidak ada di Permendagri 20/2018"]
    ]
    assert not BudgetLine.objects.exists()
