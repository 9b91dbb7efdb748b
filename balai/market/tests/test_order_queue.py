"""The orders list as a queue: what waits for the seller first, oldest first, late ones flagged."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from balai.market.models import Order
from balai.market.order_queue import orders_waiting_counts

pytestmark = pytest.mark.django_db


def order(batik, code: str, status: str, *, hours_ago: float) -> Order:
    row = Order.objects.create(
        village=batik.village,
        seller=batik.seller,
        product=batik,
        code=code,
        form_token=code,
        product_name=batik.name,
        category="batik",
        quantity=1,
        buyer_name="Dewi",
        buyer_phone="+6281211112222",
        delivery="ambil",
        status=status,
    )
    when = timezone.now() - timedelta(hours=hours_ago)
    Order.objects.filter(pk=row.pk).update(created_at=when, updated_at=when)
    return row


def test_orders_waiting_for_the_seller_come_first_and_late_ones_are_flagged(login, alice, batik):
    done = order(batik, "LPK-DONE01", Order.Status.DONE, hours_ago=1)
    confirmed = order(batik, "LPK-CONF01", Order.Status.CONFIRMED, hours_ago=100)
    new = order(batik, "LPK-NEW001", Order.Status.NEW, hours_ago=2)
    late_new = order(batik, "LPK-NEW002", Order.Status.NEW, hours_ago=30)
    paid = order(batik, "LPK-PAID01", Order.Status.PAID, hours_ago=40)
    response = login(alice).get("/dasbor/dagan/lapak/penjual/pesanan/")
    rows = list(response.context["orders"])
    assert rows == [paid, late_new, new, confirmed, done]
    assert [o.is_overdue for o in rows] == [False, True, False, False, False]
    assert response.content.decode().count("Lewat batas</span>") == 1
    assert orders_waiting_counts([batik.village_id]) == {
        batik.village_id: {"waiting": 3, "late": 1}
    }
