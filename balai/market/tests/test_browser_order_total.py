"""On a 360 px phone a buyer picks a motif chip, sees quantity × price = subtotal as she changes
the quantity (and, without JavaScript, after "Hitung ulang subtotal"), orders by courier with
cash on delivery, and finds the subtotal again on the confirmation and the tracking page, with
the steps and a WhatsApp button to the seller."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from balai.market.models import Order

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
SHOTS = Path(os.environ.get("BALAI_SHOTS", "/tmp/forms-shots"))
PRODUCT = "/desa/dagan/lapak/kain-batik-tulis/"


def _shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_a_phone_buyer_sees_the_total_from_product_to_tracking(phone, batik):
    phone.goto(PRODUCT)
    bar = phone.locator(".order-bar")
    assert bar.is_visible()
    box = bar.bounding_box()
    assert box and box["y"] + box["height"] <= 740 + 1  # held at the bottom of the screen
    _shot(phone, "product-360")
    chip = phone.locator("label.chip", has_text="Motif Kawung")
    assert chip.bounding_box()["height"] >= 44
    assert phone.get_by_label("Motif Lumbon · Rp 375.000 · habis").is_disabled()
    chip.click()
    phone.fill("#jumlah", "2")
    phone.get_by_role("button", name="Pesan via WhatsApp").click()
    phone.wait_for_load_state()  # the deferred script is in

    subtotal = phone.locator("[data-order-subtotal]")
    assert subtotal.inner_text() == "Rp 800.000"
    phone.fill("[name=quantity]", "3")
    assert subtotal.inner_text() == "Rp 1.200.000"  # live, as the server would compute it
    assert phone.locator("[data-order-line]").inner_text() == "3 × Rp 400.000"
    delivery = phone.locator("label.chip", has_text="Dikirim kurir")
    assert delivery.bounding_box()["height"] >= 44
    phone.fill("[name=buyer_name]", "Dewi Anggraini")
    phone.fill("[name=buyer_phone]", "0812-1111-2222")
    delivery.click()
    phone.fill("[name=address]", "Jl. Merdeka 1, Purwokerto")
    phone.get_by_label("Bayar di tempat (COD)").check()
    _shot(phone, "order-form-360")
    phone.get_by_role("button", name="Simpan pesanan dan lanjut ke WhatsApp").click()

    figures = phone.locator(".order-figures")
    figures.wait_for()
    assert "3 × Rp 400.000" in figures.inner_text()
    assert "Rp 1.200.000" in figures.inner_text()
    assert "Ongkir dikonfirmasi penjual" in figures.inner_text()
    _shot(phone, "order-done-360")
    order = Order.objects.get()
    assert (order.quantity, order.subtotal, order.payment) == (3, 1_200_000, "cod")

    phone.get_by_role("link", name="Lihat status pesanan").click()
    assert phone.locator("[aria-current=step]").inner_text().startswith("Dipesan")
    steps = phone.locator(".order-steps li").all_inner_texts()
    assert [s.split("\n")[0].split(" (")[0] for s in steps] == [
        "Dipesan",
        "Dikonfirmasi",
        "Dikirim",
        "Selesai",
    ]
    assert "Rp 1.200.000" in phone.locator(".order-figures").inner_text()
    wa = phone.get_by_role("link", name="Tanya Batik Sekar via WhatsApp")
    assert order.code in wa.get_attribute("href")
    assert wa.bounding_box()["height"] >= 44
    _shot(phone, "track-360")


def test_without_javascript_the_subtotal_is_recalculated_by_the_server(browser, live_server, batik):
    context = browser.new_context(
        viewport={"width": 360, "height": 740},
        base_url=live_server.url,
        java_script_enabled=False,
    )
    page = context.new_page()
    page.goto(PRODUCT + "pesan/")
    page.get_by_label("Motif Kawung").check()
    page.fill("[name=quantity]", "2")
    page.get_by_role("button", name="Hitung ulang subtotal").click()
    assert page.locator("[data-order-subtotal]").inner_text() == "Rp 800.000"
    assert page.get_by_label("Motif Kawung").is_checked()
    page.fill("[name=buyer_name]", "Dewi Anggraini")
    page.fill("[name=buyer_phone]", "0812-1111-2222")
    page.get_by_label("Ambil di desa").check()
    page.get_by_label("Tunai saat ambil").check()
    page.get_by_role("button", name="Simpan pesanan dan lanjut ke WhatsApp").click()
    assert "Rp 800.000" in page.locator(".order-figures").inner_text()
    assert Order.objects.get().delivery == "ambil"
    context.close()
