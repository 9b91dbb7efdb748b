"""An APBDes whose income, spending and financing do not balance is approved or printed only
after the person has seen the figures and the difference and ticked that they checked them."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from balai.audit.models import AuditEntry
from balai.budget import services
from balai.budget.models import BudgetLine, FiscalYear
from balai.budget.selectors import year_balance
from balai.budget.tests.conftest import acc, make_year

pytestmark = pytest.mark.django_db

PERDES = {"number": "2 Tahun 2026", "date": "2025-12-20"}


def dash(name: str, **kw) -> str:
    return reverse(f"budget_dashboard:{name}", kwargs={"slug": "dagan", "year": 2026, **kw})


def unbalanced(dagan) -> FiscalYear:
    """Income 1,6 M + financing 45 jt against spending 1,3 M: Rp 345.000.000 unplanned."""
    return make_year(dagan, 2026, status="draft")


def balanced(dagan) -> FiscalYear:
    fy = unbalanced(dagan)
    BudgetLine.objects.create(
        village=dagan,
        fiscal_year=fy,
        kind="spending",
        kegiatan=acc("bidang", "2.3.10"),
        account=acc("ekonomi", "5.3.5.02"),
        source="DDS",
        original_amount=345_000_000,
    )
    return services.fiscal_year_summarise(fiscal_year=fy)


def test_the_balance_adds_income_and_net_financing_against_spending(dagan):
    balance = year_balance(unbalanced(dagan))
    assert (balance.income, balance.spending) == (1_600_000_000, 1_300_000_000)
    assert balance.net_financing == 45_000_000
    assert balance.difference == 345_000_000 and not balance.balanced
    FiscalYear.objects.all().delete()
    assert year_balance(balanced(dagan)).balanced


def test_the_approval_page_shows_the_figures_and_the_difference(login, alice, dagan):
    unbalanced(dagan)
    page = login(alice).get(dash("approve")).content.decode()
    assert "APBDes tidak seimbang: selisih Rp 345.000.000" in page
    for figure in ("Rp 1.600.000.000", "Rp 45.000.000", "Rp 1.300.000.000"):
        assert figure in page
    assert "ada dana yang belum direncanakan" in page
    assert 'name="imbalance_accepted"' in page


def test_approval_without_the_tick_is_refused_and_nothing_changes(login, alice, dagan):
    unbalanced(dagan)
    response = login(alice).post(dash("approve"), PERDES)
    page = response.content.decode()
    assert response.status_code == 200
    assert "centang pernyataan ini bila angkanya memang sesuai Perdes" in page
    fy = FiscalYear.objects.get(year=2026)
    assert fy.status == "draft" and fy.perdes_number == ""
    assert not AuditEntry.objects.filter(action="budget.year_approve").exists()


def test_approval_with_the_tick_goes_through_and_the_log_keeps_the_difference(login, alice, dagan):
    unbalanced(dagan)
    response = login(alice).post(dash("approve"), {**PERDES, "imbalance_accepted": "on"})
    assert response.status_code == 302
    assert FiscalYear.objects.get(year=2026).status == "approved"
    entry = AuditEntry.objects.get(action="budget.year_approve")
    assert entry.details["selisih"] == 345_000_000


def test_a_balanced_year_is_approved_without_a_question(login, alice, dagan):
    balanced(dagan)
    client = login(alice)
    page = client.get(dash("approve")).content.decode()
    assert "tidak seimbang" not in page and "imbalance_accepted" not in page
    assert client.post(dash("approve"), PERDES).status_code == 302
    assert FiscalYear.objects.get(year=2026).status == "approved"


def test_the_service_refuses_an_unbalanced_year_unless_told(alice, dagan):
    fy = unbalanced(dagan)
    with pytest.raises(ValidationError) as exc:
        services.fiscal_year_approve(
            fiscal_year=fy, perdes_number="1", perdes_date=datetime.date(2025, 12, 20), actor=alice
        )
    assert exc.value.code == "unbalanced"
    fy.refresh_from_db()
    assert fy.status == "draft"


def test_a_revision_that_unbalances_the_year_asks_too(login, alice, dagan):
    fy = balanced(dagan)
    fy.status = "approved"
    fy.save()
    line = BudgetLine.objects.get(fiscal_year=fy, account__code="5.3.5.03")
    line.revised_amount = 1_611_000_000  # Rp 911 juta more than planned
    line.save()
    services.fiscal_year_summarise(fiscal_year=fy)
    client = login(alice)
    page = client.post(dash("approve"), PERDES).content.decode()
    assert "APBDes tidak seimbang: selisih Rp 911.000.000" in page
    assert "belanja belum tertutup" in page
    assert FiscalYear.objects.get(year=2026).status == "approved"
    client.post(dash("approve"), {**PERDES, "imbalance_accepted": "on"})
    assert FiscalYear.objects.get(year=2026).status == "revised"


def test_the_poster_of_an_unbalanced_year_asks_first(login, alice, dagan):
    unbalanced(dagan)
    client = login(alice)
    response = client.get(dash("poster") + "?ukuran=a1")
    page = response.content.decode()
    assert response["Content-Type"].startswith("text/html")
    assert "APBDes tidak seimbang: selisih Rp 345.000.000" in page
    assert 'name="ukuran" value="a1"' in page
    page = client.get(dash("poster") + "?ukuran=a1&langkah=2").content.decode()
    assert "Centang pernyataan ini untuk mencetak" in page
    response = client.get(dash("poster") + "?ukuran=a1&langkah=2&selisih=diperiksa")
    assert response.content.startswith(b"%PDF")
    assert "a1.pdf" in response["Content-Disposition"]


def test_the_poster_of_a_balanced_year_downloads_at_once(login, alice, dagan):
    balanced(dagan)
    response = login(alice).get(dash("poster"))
    assert response.content.startswith(b"%PDF")


def test_the_year_page_warns_about_the_difference(login, alice, dagan):
    unbalanced(dagan)
    page = login(alice).get(dash("year")).content.decode()
    assert "APBDes tidak seimbang: selisih Rp 345.000.000" in page
    assert "Pendapatan dan pembiayaan lebih besar daripada belanja." in page
    assert "balance-table" not in page  # the figures are in the boxes below, shown once
