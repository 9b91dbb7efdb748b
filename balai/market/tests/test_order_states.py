"""The seller (or the village) moves an order through its states; each step asks for what it
needs, wrong steps are refused, and the buyer is told (email, and a WhatsApp message link)."""

from __future__ import annotations

from urllib.parse import unquote

import pytest
from django.core import mail

from balai.audit.models import AuditEntry
from balai.market.models import Order, OrderEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def order(batik):
    order = Order.objects.create(
        village=batik.village,
        seller=batik.seller,
        product=batik,
        code="LPK-7QK2MD",
        form_token="t",
        product_name=batik.name,
        category="batik",
        quantity=2,
        buyer_name="Dewi Anggraini",
        buyer_phone="+6281211112222",
        buyer_email="dewi@contoh.id",
        delivery="kurir",
        address="Jl. Merdeka 1",
    )
    OrderEvent.objects.create(village=order.village, order=order, status="baru")
    return order


def _step(client, order, **data):
    return client.post(f"/dasbor/dagan/lapak/penjual/pesanan/{order.code}/langkah/", data)


def test_an_order_goes_through_every_state(login, sekar, order, django_capture_on_commit_callbacks):
    client = login(sekar)
    with django_capture_on_commit_callbacks(execute=True):
        _step(client, order, status="dikonfirmasi", total="Rp 800.000", shipping="25rb")
        _step(client, order, status="dibayar", payment="qris")
        _step(client, order, status="dikirim", courier="JNE", tracking_number="JN123")
        _step(client, order, status="selesai")
    order.refresh_from_db()
    assert (order.status, order.total, order.shipping, order.grand_total) == (
        "selesai",
        800000,
        25000,
        825000,
    )
    assert order.tracking_number == "JN123" and order.payment == "qris"
    assert [e.status for e in order.events.all()] == [
        "baru",
        "dikonfirmasi",
        "dibayar",
        "dikirim",
        "selesai",
    ]
    assert [m.to for m in mail.outbox] == [["dewi@contoh.id"]] * 4


def test_the_seller_gets_a_whatsapp_message_ready_for_the_buyer(login, sekar, order):
    client = login(sekar)
    _step(client, order, status="dikonfirmasi", total="800rb", shipping="25rb")
    page = client.get(f"/dasbor/dagan/lapak/penjual/pesanan/{order.code}/").content.decode()
    link = next(p for p in page.split('"') if p.startswith("https://wa.me/6281211112222?text="))
    assert "Total bayar: Rp 825.000" in unquote(link)
    assert 'href="https://wa.me/6281211112222"' in page  # the buyer's number, to chat
    assert AuditEntry.objects.filter(action="market.order_view", target=order.code).exists()


def test_a_cancellation_needs_a_reason(login, sekar, order):
    client = login(sekar)
    response = _step(client, order, status="dibatalkan", cancel_reason="")
    assert "Tulis alasan pembatalan" in response.content.decode()
    _step(client, order, status="dibatalkan", cancel_reason="Stok habis")
    order.refresh_from_db()
    assert order.status == "dibatalkan" and order.cancel_reason == "Stok habis"


def test_a_step_out_of_order_is_refused(login, sekar, order):
    response = _step(login(sekar), order, status="selesai")
    assert response.status_code == 400
    order.refresh_from_db()
    assert order.status == "baru"


def test_confirming_needs_a_total_that_is_a_number(login, sekar, order):
    response = _step(login(sekar), order, status="dikonfirmasi", total="delapan ratus")
    assert "bukan harga" in response.content.decode()
    order.refresh_from_db()
    assert order.status == "baru"


def test_the_village_admin_also_moves_orders(login, alice, order):
    _step(login(alice), order, status="dikonfirmasi", total="700rb", shipping="0")
    order.refresh_from_db()
    assert order.status == "dikonfirmasi"


def test_the_order_list_is_pinned_in_queries(login, alice, order, django_assert_max_num_queries):
    client = login(alice)
    with django_assert_max_num_queries(10):
        response = client.get("/dasbor/dagan/lapak/penjual/pesanan/")
    assert order.code in response.content.decode()
