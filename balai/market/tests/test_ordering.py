"""A buyer orders on the village site: the order is stored with a code, a double submit makes
one order, sold-out variants are refused, and the WhatsApp link carries the right words."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import pytest
from django.core import mail

from balai.market.models import Order

pytestmark = pytest.mark.django_db

ORDER = "/desa/dagan/lapak/kain-batik-tulis/pesan/"


def _data(batik, **extra):
    data = {
        "variant": str(batik.variants.get(name="Motif Kawung").pk),
        "quantity": "2",
        "buyer_name": "Dewi Anggraini",
        "buyer_phone": "0812-1111-2222",
        "delivery": "kurir",
        "payment": "transfer",
        "address": "Jl. Merdeka 1, Purwokerto",
        "form_token": "token-1",
    }
    data.update(extra)
    return data


def test_a_buyer_orders_and_gets_a_whatsapp_link_with_the_order(
    client, batik, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(ORDER, _data(batik))
    order = Order.objects.get()
    assert response.status_code == 302 and order.code in response["Location"]
    assert order.buyer_phone == "+6281211112222"
    assert (order.variant_name, order.quantity, order.unit_price) == ("Motif Kawung", 2, 400000)
    page = client.get(response["Location"]).content.decode()
    assert order.code in page
    link = next(part for part in page.split('"') if part.startswith("https://wa.me/"))
    url = urlparse(link.replace("&amp;", "&"))
    assert url.path == "/6281327001122"
    text = parse_qs(url.query)["text"][0]
    assert "Kain Batik Tulis — Motif Kawung" in text
    assert "Jumlah: 2" in text
    assert f"Kode pesanan: {order.code}" in text
    assert "/desa/dagan/lapak/kain-batik-tulis/" in text
    assert order.code in mail.outbox[-1].subject  # the seller hears of it


def test_a_repeated_submission_makes_one_order(client, batik):
    first = client.post(ORDER, _data(batik))
    second = client.post(ORDER, _data(batik))
    assert Order.objects.count() == 1
    assert first["Location"] == second["Location"]


def test_a_sold_out_variant_cannot_be_ordered(client, batik):
    lumbon = batik.variants.get(name="Motif Lumbon")
    response = client.post(ORDER, _data(batik, variant=str(lumbon.pk)))
    assert "habis" in response.content.decode()
    assert not Order.objects.exists()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("buyer_phone", "12345", "Tulis nomor WhatsApp"),
        ("address", "", "Tulis alamat pengiriman"),
        ("quantity", "0", ""),
        ("quantity", "-3", ""),
    ],
)
def test_bad_order_input_is_refused(client, batik, field, value, message):
    response = client.post(ORDER, _data(batik, **{field: value}))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Order.objects.exists()


@pytest.mark.parametrize("number", ["08121111 2222", "+62 812-1111-2222", "6281211112222"])
def test_whatsapp_numbers_in_any_common_form_are_normalised(client, batik, number):
    client.post(ORDER, _data(batik, buyer_phone=number))
    assert Order.objects.get().buyer_phone == "+6281211112222"


def test_a_hidden_product_cannot_be_ordered(client, batik):
    batik.status = "hidden"
    batik.save()
    assert client.get(ORDER).status_code == 404
    assert client.post(ORDER, _data(batik)).status_code == 404
