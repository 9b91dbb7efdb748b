"""Entering an APBDes by hand on the dashboard: a year, lines found by code or name,
approval with the Perdes, realisation, and what the public then sees."""

from __future__ import annotations

import pytest
from django.urls import reverse

from balai.budget.models import BudgetLine, FiscalYear
from balai.budget.tests.conftest import make_year
from balai.conftest import make_user, make_village
from balai.villages.models import Membership

pytestmark = pytest.mark.django_db


def dash(name: str, **kw) -> str:
    return reverse(f"budget_dashboard:{name}", kwargs={"slug": "dagan", **kw})


def test_an_admin_adds_a_year_enters_lines_approves_and_records_realisation(login, alice, dagan):
    client = login(alice)
    response = client.post(dash("years"), {"year": "2026"})
    assert response["Location"] == dash("year", year=2026)
    client.post(
        dash("line_add", year=2026),
        {"account": "4.2.1.01 Dana Desa", "original_amount": "Rp 1.050.000.000"},
    )
    client.post(
        dash("line_add", year=2026),
        {
            "account": "5.3.5.03",
            "kegiatan": "2.3.10 Pembangunan jalan",
            "source": "DDS",
            "original_amount": "800.000.000",
            "description": "Jalan Dusun II",
        },
    )
    fy = FiscalYear.objects.get(village=dagan, year=2026)
    assert fy.income_budget == 1_050_000_000 and fy.spending_budget == 800_000_000
    income = BudgetLine.objects.get(fiscal_year=fy, kind="income")
    assert income.source == "DDS"  # the source of an income line follows its account
    public = reverse("site:budget_year", kwargs={"village_slug": "dagan", "tahun": 2026})
    client.logout()
    assert client.get(public).status_code == 404  # a draft is not public
    client = login(alice)
    page = client.post(
        dash("approve", year=2026), {"number": "4 Tahun 2026", "date": "2025-12-28"}
    ).content.decode()
    assert "APBDes tidak seimbang: selisih Rp 250.000.000" in page  # no financing line yet
    client.post(
        dash("approve", year=2026),
        {"number": "4 Tahun 2026", "date": "2025-12-28", "imbalance_accepted": "on"},
    )
    spending = BudgetLine.objects.get(fiscal_year=fy, kind="spending")
    client.post(
        dash("realisation_add", year=2026, pk=spending.pk),
        {"date": "2026-06-30", "amount": "400.000.000", "note": "Semester I"},
    )
    client.logout()
    page = client.get(public).content.decode()
    assert "Perdes Nomor 4 Tahun 2026" in page and "50,0%" in page
    assert "Realisasi sampai 30 Juni 2026" in page


def test_wrong_entries_get_clear_messages_and_nothing_is_saved(login, alice, dagan):
    FiscalYear.objects.create(village=dagan, year=2026)
    client = login(alice)
    page = client.post(
        dash("line_add", year=2026), {"account": "9.9.9", "original_amount": "sejuta"}
    ).content.decode()
    assert "Kode 9.9.9 tidak ada di daftar rekening." in page
    assert "Tulis jumlah rupiah" in page
    page = client.post(
        dash("line_add", year=2026), {"account": "5.3.5.03", "original_amount": "1.000"}
    ).content.decode()
    assert "Belanja harus menyebut kegiatannya." in page
    assert "Pilih sumber dana belanja ini." in page
    page = client.post(
        dash("line_add", year=2026), {"account": "4.2", "original_amount": "1.000"}
    ).content.decode()
    assert "Pilih kode yang paling rinci" in page
    assert BudgetLine.objects.count() == 0


def test_the_same_kegiatan_account_and_source_cannot_be_entered_twice(login, alice, dagan):
    make_year(dagan, 2025, status="draft")
    page = (
        login(alice)
        .post(
            dash("line_add", year=2025),
            {
                "account": "5.3.5.03",
                "kegiatan": "2.3.10",
                "source": "DDS",
                "original_amount": "5.000",
            },
        )
        .content.decode()
    )
    assert "sudah ada" in page
    assert BudgetLine.objects.filter(account__code="5.3.5.03").count() == 1


def test_a_year_without_income_and_spending_cannot_be_approved(login, alice, dagan):
    FiscalYear.objects.create(village=dagan, year=2026)
    page = (
        login(alice)
        .post(dash("approve", year=2026), {"number": "1", "date": "2026-01-01"})
        .content.decode()
    )
    assert "APBDes belum lengkap" in page
    assert FiscalYear.objects.get(year=2026).status == "draft"


def test_a_revision_keeps_both_amounts_and_the_public_sees_the_revised_one(login, alice, dagan):
    fy = make_year(dagan, 2025)
    line = BudgetLine.objects.get(fiscal_year=fy, account__code="5.3.5.03")
    client = login(alice)
    client.post(
        dash("line_edit", year=2025, pk=line.pk),
        {
            "account": "5.3.5.03",
            "kegiatan": "2.3.10",
            "source": "DDS",
            "original_amount": "700.000.000",
            "revised_amount": "750.000.000",
        },
    )
    client.post(
        dash("approve", year=2025),
        {"number": "8 Tahun 2025", "date": "2025-09-01", "imbalance_accepted": "on"},
    )
    line.refresh_from_db()
    fy.refresh_from_db()
    assert (line.original_amount, line.revised_amount) == (700_000_000, 750_000_000)
    assert fy.status == "revised" and fy.spending_budget == 1_350_000_000
    client.logout()
    page = client.get(reverse("site:budget_year", kwargs={"village_slug": "dagan", "tahun": 2025}))
    assert "APBDes Perubahan ditetapkan dengan Perdes Nomor 8 Tahun 2025" in page.content.decode()


def test_a_kelurahan_dashboard_says_plainly_there_is_no_apbdes(client, db):
    from balai.regions.models import Region

    region = Region.objects.filter(type="kelurahan").first()
    village = make_village(region.code, "kelurahan-uji")
    admin = make_user("lurah@example.id", "Lurah")
    Membership.objects.create(user=admin, village=village, role="admin")
    client.force_login(admin)
    page = client.get(reverse("budget_dashboard:years", kwargs={"slug": "kelurahan-uji"}))
    assert "Kelurahan tidak menyusun APBDes" in page.content.decode()
    client.post(
        reverse("budget_dashboard:years", kwargs={"slug": "kelurahan-uji"}), {"year": "2026"}
    )
    assert not FiscalYear.objects.exists()


def test_an_account_is_found_by_its_name(login, alice, dagan):
    FiscalYear.objects.create(village=dagan, year=2026)
    client = login(alice)
    response = client.post(
        dash("line_add", year=2026), {"account": "dana desa", "original_amount": "1.000.000"}
    )
    assert response.status_code == 302
    line = BudgetLine.objects.get()
    assert (line.account.code, line.source) == ("4.2.1.01", "DDS")


def test_a_name_that_fits_several_accounts_lists_them_to_pick(login, alice, dagan):
    fy = FiscalYear.objects.create(village=dagan, year=2026)
    client = login(alice)
    page = client.post(
        dash("line_add", year=2026),
        {"account": "5.2.2.03", "kegiatan": "jalan desa", "source": "DDS", "original_amount": "1"},
    ).content.decode()
    assert "rekening cocok dengan “jalan desa”. Pilih salah satu di bawah." in page
    assert 'name="kegiatan_pick"' in page and 'value="2.3.10 Pembangunan' in page
    assert 'value="jalan desa"' in page  # what was typed stays
    assert not BudgetLine.objects.exists()
    response = client.post(
        dash("line_add", year=2026),
        {
            "account": "5.2.2.03",
            "kegiatan": "jalan desa",
            "kegiatan_pick": "2.3.10 Pembangunan/Rehabilitasi/Peningkatan/Pengerasan Jalan Desa",
            "source": "DDS",
            "original_amount": "1",
        },
    )
    assert response.status_code == 302
    assert BudgetLine.objects.get(fiscal_year=fy).kegiatan.code == "2.3.10"


def test_a_broad_code_offers_the_detailed_accounts_under_it(login, alice, dagan):
    FiscalYear.objects.create(village=dagan, year=2026)
    client = login(alice)
    page = client.post(
        dash("line_add", year=2026), {"account": "4.2.1", "original_amount": "1"}
    ).content.decode()
    assert "Pilih kode yang paling rinci" in page and "Atau pilih salah satu di bawah." in page
    assert 'value="4.2.1.01 Dana Desa"' in page


def test_a_name_that_fits_no_account_says_how_to_search(login, alice, dagan):
    FiscalYear.objects.create(village=dagan, year=2026)
    client = login(alice)
    page = client.post(
        dash("line_add", year=2026), {"account": "Dana Bantuan Bulan", "original_amount": "1"}
    ).content.decode()
    assert "Tidak ada rekening yang cocok dengan “Dana Bantuan Bulan”" in page
    assert "Kode Dana tidak ada" not in page
    assert not BudgetLine.objects.exists()
