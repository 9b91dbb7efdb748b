"""On a 360 px phone the secretary opens the approval of an APBDes that does not balance: the
figures and the difference are in the warning, approval without the tick is refused, and the
poster asks first too."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from balai.budget.models import FiscalYear
from balai.budget.tests.conftest import make_year
from balai.conftest import PASSWORD

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
SHOTS = Path(os.environ.get("BALAI_SHOTS", "/tmp/forms-shots"))


def test_an_unbalanced_apbdes_is_approved_only_after_the_tick(phone, alice, dagan):
    make_year(dagan, 2026, status="draft")  # Rp 345.000.000 more income than spending
    phone.goto("/masuk/")
    phone.fill("[name=email]", alice.email)
    phone.fill("[name=password]", PASSWORD)
    phone.get_by_role("button", name="Masuk").click()
    phone.goto("/dasbor/dagan/anggaran/2026/tetapkan/")
    warning = phone.locator(".balance-warning")
    assert "APBDes tidak seimbang: selisih Rp 345.000.000" in warning.inner_text()
    for figure in ("Rp 1.600.000.000", "Rp 45.000.000", "Rp 1.300.000.000"):
        assert figure in warning.inner_text()
    assert warning.bounding_box()["width"] <= 360  # fits the phone
    SHOTS.mkdir(parents=True, exist_ok=True)
    phone.screenshot(path=str(SHOTS / "approve-unbalanced-360.png"), full_page=True)

    phone.fill("[name=number]", "2 Tahun 2026")
    phone.fill("[name=date]", "2025-12-20")
    phone.get_by_role("button", name="Tetapkan dan tampilkan").click()
    phone.locator(".error-summary").wait_for()
    assert FiscalYear.objects.get(year=2026).status == "draft"
    phone.get_by_label("Saya sudah memeriksa selisihnya").check()
    phone.get_by_role("button", name="Tetapkan dan tampilkan").click()
    phone.get_by_text("ditetapkan dan tampil di situs").wait_for()
    assert FiscalYear.objects.get(year=2026).status == "approved"

    phone.get_by_role("link", name="Unduh poster A3 (PDF)").click()
    phone.get_by_role("heading", name="Cetak poster A3").wait_for()
    assert "selisih Rp 345.000.000" in phone.locator(".balance-warning").inner_text()
