"""In a real browser: a village admin asks for help on her phone, the mentor answers on a
desktop, the admin resolves it; the district sees the village slip in the freshness table after
its admin stays away (the clock moved forward)."""

from __future__ import annotations

import re
from datetime import timedelta
from unittest import mock

import pytest
from django.utils import timezone

from balai.conftest import PASSWORD
from balai.support.freshness import freshness_recompute_all
from balai.support.tests.test_freshness import _fill

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _sign_in(page, user) -> None:
    page.goto("/masuk/")
    page.fill("[name=email]", user.email)
    page.fill("[name=password]", PASSWORD)
    page.get_by_role("button", name="Masuk").click()


def test_an_admin_asks_the_mentor_answers_and_the_admin_resolves(phone, desktop, alice, maya):
    _sign_in(phone, alice)
    phone.goto("/dasbor/dagan/bantuan/")
    phone.get_by_role("link", name="Minta bantuan").click()
    phone.get_by_label("Menulis berita").check()
    phone.get_by_label("Pesan").fill("Foto berita tidak muncul di halaman depan.")
    phone.get_by_role("button", name="Kirim permintaan").click()
    phone.get_by_text("Menunggu jawaban").first.wait_for()
    reference = re.search(r"BTN-\d+", phone.locator("h1").inner_text()).group(0)

    _sign_in(desktop, maya)
    desktop.goto("/dasbor/kabupaten/bantuan/")
    desktop.get_by_role("link", name=reference).click()
    desktop.get_by_label("Balasan").fill("Ukuran foto maksimal 5 MB; coba kecilkan dulu.")
    desktop.get_by_role("button", name="Kirim balasan").click()
    desktop.get_by_text("Sudah dijawab").first.wait_for()

    phone.reload()
    assert "coba kecilkan dulu" in phone.content()
    phone.get_by_role("button", name="Tandai selesai").click()
    phone.get_by_text("Selesai").first.wait_for()
    assert "ditandai selesai" in phone.content()


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
