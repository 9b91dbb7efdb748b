"""In a real browser: the district sees a village slip in the freshness table after its admin
stays away (the clock moved forward)."""

from __future__ import annotations

import re
from datetime import timedelta
from unittest import mock

import pytest
from django.utils import timezone

from balai.conftest import PASSWORD
from balai.watch.freshness import freshness_recompute_all
from balai.watch.tests.test_freshness import _fill

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _sign_in(page, user) -> None:
    page.goto("/masuk/")
    page.fill("[name=email]", user.email)
    page.fill("[name=password]", PASSWORD)
    page.get_by_role("button", name="Masuk").click()


def test_the_district_sees_a_village_slip_after_the_clock_moves(desktop, dagan, alice, dina):
    _fill(dagan, alice)  # profile, officials, privacy page, recent login and every module part
    freshness_recompute_all()

    _sign_in(desktop, dina)
    desktop.goto("/dasbor/kabupaten/bantuan/kesegaran/")
    row = desktop.get_by_role("row", name=re.compile("Desa Dagan"))
    assert "100/100" in row.inner_text() and "Turun" not in row.inner_text()

    with mock.patch("django.utils.timezone.now", return_value=timezone.now() + timedelta(days=31)):
        freshness_recompute_all()
    desktop.get_by_label("Hanya yang turun 7 hari terakhir").check()
    desktop.get_by_role("button", name="Tampilkan").click()
    row = desktop.get_by_role("row", name=re.compile("Desa Dagan"))
    text = row.inner_text()
    assert "Turun" in text and "100/100" not in text
