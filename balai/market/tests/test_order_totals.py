"""What an order costs is shown as quantity × price = subtotal on the order form, the
confirmation and the tracking page (shipping is confirmed by the seller); payment is chosen
apart from delivery, so a courier order may be paid cash on delivery; the tracking page shows
the steps and a WhatsApp button to the seller."""

from __future__ import annotations

import importlib
from urllib.parse import parse_qs, urlparse

import pytest
from django.apps import apps

from balai.market.models import Order, OrderEvent
from balai.market.orders import order_progress
from balai.market.tests.conftest import make_product, make_seller

pytestmark = pytest.mark.django_db

ORDER = "/desa/dagan/lapak/kain-batik-tulis/pesan/"


def _kawung(batik) -> str:
    return str(batik.variants.get(name="Motif Kawung").pk)


def _data(batik, **extra):
    data = {
        "variant": _kawung(batik),
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


def _text(html: str) -> str:
    return " ".join(html.split())


def test_the_order_form_shows_quantity_times_price(client, batik):
    page = _text(client.get(f"{ORDER}?jumlah=2&varian={_kawung(batik)}").content.decode())
    assert "2 × Rp 400.000" in page
    assert "Subtotal <output data-order-subtotal>Rp 800.000</output>" in page
    assert "Ongkir dikonfirmasi penjual." in page


def test_recalculating_without_javascript_saves_nothing_and_shows_no_errors(client, batik):
    response = client.post(ORDER, {"variant": _kawung(batik), "quantity": "3", "hitung": "1"})
    page = _text(response.content.decode())
    assert "3 × Rp 400.000" in page and "Rp 1.200.000" in page
    assert "Ada yang perlu diperbaiki" not in page
    assert not Order.objects.exists()


def test_the_confirmation_shows_the_subtotal_not_the_unit_price(client, batik):
    response = client.post(ORDER, _data(batik))
    page = _text(client.get(response["Location"]).content.decode())
    assert "2 × Rp 400.000" in page
    assert "<strong>Rp 800.000</strong>" in page
    assert "Ongkir dikonfirmasi penjual" in page
    assert "Transfer bank" in page
    wa = next(p for p in page.split('"') if p.startswith("https://wa.me/"))
    text = parse_qs(urlparse(wa.replace("&amp;", "&")).query)["text"][0]
    assert "Subtotal: 2 × Rp 400.000 = Rp 800.000 (belum termasuk ongkir)" in text
    assert "Pembayaran: Transfer bank" in text


def test_a_price_range_without_a_variant_price_waits_for_the_seller(client, dagan, seller):
    make_product(seller, "Gula Semut", price_min=20000, price_max=30000)
    page = _text(client.get("/desa/dagan/lapak/gula-semut/pesan/").content.decode())
    assert "Harga dikonfirmasi penjual" in page


def test_a_courier_order_may_be_paid_cash_on_delivery(client, batik):
    response = client.post(ORDER, _data(batik, payment="cod"))
    assert response.status_code == 302
    order = Order.objects.get()
    assert (order.delivery, order.payment, order.is_cod) == ("kurir", "cod", True)


@pytest.mark.parametrize(
    "delivery,payment,message",
    [
        ("ambil", "cod", "COD hanya untuk barang yang dikirim"),
        ("kurir", "tunai", "Tunai hanya bila barang diambil di desa"),
        ("kurir", "", ""),
    ],
)
def test_payment_that_does_not_fit_the_delivery_is_refused(
    client, batik, delivery, payment, message
):
    response = client.post(ORDER, _data(batik, delivery=delivery, payment=payment))
    page = response.content.decode()
    assert response.status_code == 200
    assert '<fieldset class="field chips-field field-error" id="id_payment"' in page
    assert message in page
    assert not Order.objects.exists()


def test_payment_choices_follow_what_the_seller_offers(client, dagan):
    plain = make_seller(dagan, "Tempe Bu Sri", offers_cod=False, offers_courier=False)
    make_product(plain, "Tempe Mendoan", price_min=5000)
    page = client.get("/desa/dagan/lapak/tempe-mendoan/pesan/").content.decode()
    assert 'value="tunai"' in page and 'value="transfer"' in page
    assert 'value="cod"' not in page and 'value="kurir"' not in page


def test_the_choices_are_chips_of_44_px_labels(client, batik):
    page = client.get(ORDER).content.decode()
    assert page.count('class="chip"') >= 3 + 2 + 3  # variants, delivery, payment
    assert '<fieldset class="field chips-field" id="id_delivery">' in page
    lumbon = batik.variants.get(name="Motif Lumbon").pk
    assert f'value="{lumbon}" class="" id="id_variant_2" disabled' in page or (
        f'value="{lumbon}"' in page and "disabled" in page.split(f'value="{lumbon}"')[1][:80]
    )


def _order(batik, **fields) -> Order:
    defaults = {
        "village": batik.village,
        "seller": batik.seller,
        "product": batik,
        "code": "LPK-7QK2MD",
        "form_token": "t",
        "product_name": batik.name,
        "variant_name": "Motif Kawung",
        "category": "batik",
        "quantity": 2,
        "unit_price": 400000,
        "buyer_name": "Dewi Anggraini",
        "buyer_phone": "+6281211112222",
        "delivery": "kurir",
        "payment": "transfer",
        "address": "Jl. Rahasia 9",
    }
    defaults.update(fields)
    order = Order.objects.create(**defaults)
    OrderEvent.objects.create(village=order.village, order=order, status="baru")
    return order


def _track(client, order):
    client.post("/desa/dagan/lapak/lacak/", {"code": order.code, "phone": "0812 1111 2222"})
    return _text(client.get(f"/desa/dagan/lapak/lacak/{order.code}/").content.decode())


def test_the_tracking_page_shows_the_subtotal_steps_and_a_whatsapp_button(client, batik):
    order = _order(batik)
    page = _track(client, order)
    assert "2 × Rp 400.000" in page and "<strong>Rp 800.000</strong>" in page
    assert '<li class="order-step-current" aria-current="step">Dipesan' in page
    assert 'Dikonfirmasi<span class="visually-hidden"> (belum)' in page
    wa = next(p for p in page.split('"') if p.startswith("https://wa.me/6281327001122"))
    text = parse_qs(urlparse(wa.replace("&amp;", "&")).query)["text"][0]
    assert text == "Halo Batik Sekar, saya menanyakan pesanan LPK-7QK2MD (Kain Batik Tulis)."


def test_once_confirmed_the_tracking_page_shows_the_total_to_pay(client, batik):
    order = _order(batik, status="dikonfirmasi", total=800000, shipping=25000)
    page = _track(client, order)
    assert "Total bayar" in page and "<strong>Rp 825.000</strong>" in page
    assert 'Dipesan<span class="visually-hidden"> (sudah)' in page
    assert '<li class="order-step-current" aria-current="step">Dikonfirmasi' in page


def test_the_steps_follow_delivery_and_payment(batik):
    def labels(**fields):
        Order.objects.all().delete()
        return [s.label for s in order_progress(_order(batik, **fields))]

    assert labels() == ["Dipesan", "Dikonfirmasi", "Dibayar", "Dikirim", "Selesai"]
    assert labels(payment="cod") == ["Dipesan", "Dikonfirmasi", "Dikirim", "Selesai"]
    assert labels(delivery="ambil", payment="tunai") == [
        "Dipesan",
        "Dikonfirmasi",
        "Dibayar",
        "Selesai",
    ]
    assert labels(status="dibatalkan") == []
    done = order_progress(_order_done(batik))
    assert [s.state for s in done] == ["done", "done", "done", "done", "current"]


def _order_done(batik) -> Order:
    Order.objects.all().delete()
    return _order(batik, status="selesai")


def test_the_seller_confirms_with_the_subtotal_filled_in(login, sekar, batik):
    order = _order(batik)
    page = login(sekar).get(f"/dasbor/dagan/lapak/penjual/pesanan/{order.code}/").content.decode()
    assert 'name="total" value="Rp 800.000"' in page
    assert "2 × Rp 400.000 = <strong>Rp 800.000</strong>" in page


def test_old_cod_orders_become_courier_orders_paid_on_delivery(batik):
    order = _order(batik, payment="")
    Order.objects.filter(pk=order.pk).update(delivery="cod")  # as stored before migration 0003
    migration = importlib.import_module("balai.market.migrations.0003_payment_apart_from_delivery")
    migration.cod_to_payment(apps, None)
    order.refresh_from_db()
    assert (order.delivery, order.payment) == ("kurir", "cod")
    migration.cod_to_delivery(apps, None)
    order.refresh_from_db()
    assert (order.delivery, order.payment) == ("cod", "")  # as the old model had it


@pytest.mark.parametrize(
    ("delivery", "payment"), [("kurir", "cod"), ("ambil", "tunai")], ids=["cod", "cash"]
)
def test_a_cash_order_takes_no_transfer_proof(batik, delivery, payment):
    from balai.market.orders import OrderError, order_proof_upload

    order = _order(batik, status="dikonfirmasi", delivery=delivery, payment=payment)
    with pytest.raises(OrderError):
        order_proof_upload(order=order, content=b"x", extension="png")
    order.refresh_from_db()
    assert order.payment == payment and not order.proof
