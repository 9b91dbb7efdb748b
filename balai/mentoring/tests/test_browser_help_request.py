"""In a real browser: a village admin asks for help on her phone, the mentor answers on a
desktop, the admin resolves it."""

from __future__ import annotations

import re

import pytest

from balai.conftest import PASSWORD

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
