"""The whole shop in a real browser: the village registers and approves a seller and gives her
a login; she adds a batik product with motif variants on her phone; the village approves it;
a buyer orders it (the WhatsApp link carries the right text) and tracks it through every
state while the seller moves it."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from django.core import mail

from balai.market.models import Order, Product
from balai.market.tests.conftest import jpeg_upload

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
PASSWORD = "rahasia-desa-2026"


def _login(page, email, password):
    page.goto("/masuk/")
    page.fill("[name=email]", email)
    page.fill("[name=password]", password)
    page.get_by_role("button", name="Masuk").click()


def test_a_seller_is_approved_sells_batik_and_a_buyer_tracks_the_order(
    phone, desktop, alice, tmp_path: Path
):
    photo = tmp_path / "batik.jpg"
    photo.write_bytes(jpeg_upload(size=(1600, 1200)).read())

    # The village admin registers Siti's batik group and approves it.
    _login(desktop, alice.email, PASSWORD)
    desktop.goto("/dasbor/dagan/lapak/pelapak/")
    desktop.get_by_role("link", name="Daftarkan penjual").click()
    desktop.fill("[name=name]", "Batik Tulis Sekar Dagan")
    desktop.fill("[name=owner_name]", "Siti Aminah")
    desktop.fill("[name=whatsapp]", "0813-2700-1122")
    desktop.fill("[name=bank_account]", "BRI 0123-01-000123-50-1")
    desktop.get_by_role("button", name="Daftarkan penjual").click()
    desktop.get_by_role("button", name=re.compile("Setujui.*Sekar")).click()
    desktop.get_by_role("link", name="Batik Tulis Sekar Dagan").click()
    desktop.fill("[name=akun-email]", "siti@sekar.id")
    desktop.get_by_role("button", name="Buat akun penjual").click()

    # Siti sets her password from the email and adds a product on her phone.
    link = re.search(r"https?://\S+/masuk/sandi-baru/\S+", mail.outbox[-1].body)
    path = "/" + link.group(0).split("/", 3)[3]
    phone.goto(path)
    phone.fill("[name=new_password1]", "batik-sekar-2026")
    phone.fill("[name=new_password2]", "batik-sekar-2026")
    phone.get_by_role("button", name="Simpan kata sandi baru").click()
    _login(phone, "siti@sekar.id", "batik-sekar-2026")
    phone.goto("/dasbor/dagan/lapak/penjual/")
    phone.get_by_role("link", name="Tambah produk dari kamera").click()
    phone.set_input_files("[name=photo]", str(photo))
    phone.fill("[name=name]", "Kain Batik Tulis Lumbon")
    phone.select_option("[name=category]", "batik")
    phone.fill("[name=price_text]", "Rp 350.000 - Rp 450.000")
    phone.fill("[name=variants_text]", "Motif Parang = 350rb\nMotif Lumbon = 450rb")
    phone.get_by_role("button", name="Terbitkan produk").click()
    phone.get_by_text("Desa akan memeriksanya dulu").wait_for()
    assert Product.objects.get().status == "pending"

    # The village approves the product from its shop summary.
    desktop.goto("/dasbor/dagan/lapak/")
    desktop.get_by_role("button", name=re.compile("Setujui produk")).click()

    # A buyer orders the Lumbon motif on his phone.
    buyer = phone.context.browser.new_page(
        base_url=desktop.url.split("/dasbor")[0], viewport={"width": 360, "height": 740}
    )
    buyer.goto("/desa/dagan/lapak/")
    buyer.get_by_role("link", name="Kain Batik Tulis Lumbon").click()
    assert "application/ld+json" in buyer.content()
    buyer.get_by_label("Motif Lumbon").check()
    buyer.get_by_role("button", name="Pesan via WhatsApp").click()
    buyer.fill("[name=quantity]", "2")
    buyer.fill("[name=buyer_name]", "Rudi Hartono")
    buyer.fill("[name=buyer_phone]", "0812-1111-2222")
    buyer.get_by_label("Dikirim kurir").check()
    buyer.fill("[name=address]", "Jl. Merdeka 1, Purwokerto")
    buyer.get_by_label("Transfer bank").check()
    assert buyer.locator("[data-order-subtotal]").inner_text() == "Rp 900.000"
    buyer.get_by_role("button", name="Simpan pesanan dan lanjut ke WhatsApp").click()
    code = buyer.locator(".tracking-code").inner_text().strip()
    wa = buyer.get_by_role("link", name="Pesan via WhatsApp").get_attribute("href")
    url = urlparse(wa)
    text = parse_qs(url.query)["text"][0]
    assert url.netloc == "wa.me" and url.path == "/6281327001122"
    assert "Kain Batik Tulis Lumbon — Motif Lumbon" in text and "Jumlah: 2" in text
    assert f"Kode pesanan: {code}" in text and "/desa/dagan/lapak/kain-batik-tulis-lumbon/" in text

    # The seller moves the order; the buyer sees each state on the tracking page.
    tracker = buyer.context.browser.new_page(base_url=buyer.url.split("/desa")[0])
    tracker.goto("/desa/dagan/lapak/lacak/")
    tracker.fill("[name=code]", code)
    tracker.fill("[name=phone]", "+62 812 1111 2222")
    tracker.get_by_role("button", name="Lihat pesanan").click()
    assert tracker.locator(".order-status").inner_text() == "Baru"
    phone.goto(f"/dasbor/dagan/lapak/penjual/pesanan/{code}/")
    steps = [
        ("Konfirmasi", {"total": "900rb", "shipping": "25.000"}, "Dikonfirmasi"),
        ("Tandai dibayar", {}, "Dibayar"),
        ("Tandai dikirim", {"courier": "JNE", "tracking_number": "JN0012345"}, "Dikirim"),
        ("Tandai selesai", {}, "Selesai"),
    ]
    for button, fields, shown in steps:
        form = phone.locator("form.order-step", has=phone.get_by_role("button", name=button))
        for name, value in fields.items():
            form.locator(f"[name={name}]").fill(value)
        form.get_by_role("button", name=button).click()
        phone.locator(".order-status", has_text=shown).wait_for()
        tracker.reload()
        assert tracker.locator(".order-status").inner_text() == shown
    assert "Rp 925.000" in tracker.content() and "JN0012345" in tracker.content()
    assert "Rudi" not in tracker.content()
    assert Order.objects.get(code=code).status == "selesai"
