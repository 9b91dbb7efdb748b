"""The orders list as a queue: what waits for the seller first, the one waiting longest first.

An order waits for the seller when it is new (confirm price, stock and shipping to the buyer
on WhatsApp) or paid (hand it over or ship it). No rule of the marketplace sets a clock, so
Balai uses what buyers on the big marketplaces are used to: a new order answered within
NEW_ORDER_HOURS (24), a paid one sent within PAID_ORDER_HOURS (48); past that it is overdue.
Confirmed (waiting for the buyer's payment) and shipped orders come next, then closed ones.
The time an order entered its step is its `updated_at` (each step saves the order).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db.models import BooleanField, Case, Count, F, IntegerField, Q, QuerySet, When
from django.utils import timezone

from balai.market.models import Order

S = Order.Status
NEW_ORDER_HOURS = 24
PAID_ORDER_HOURS = 48
SELLER_STEPS = (S.NEW, S.PAID)
OTHER_PARTY_STEPS = (S.CONFIRMED, S.SHIPPED)


def _late(now: datetime | None) -> Q:
    now = now or timezone.now()
    return Q(status=S.NEW, updated_at__lte=now - timedelta(hours=NEW_ORDER_HOURS)) | Q(
        status=S.PAID, updated_at__lte=now - timedelta(hours=PAID_ORDER_HOURS)
    )


def order_queue(orders: QuerySet[Order], *, now: datetime | None = None) -> QuerySet[Order]:
    return orders.annotate(
        rank=Case(
            When(status__in=SELLER_STEPS, then=0),
            When(status__in=OTHER_PARTY_STEPS, then=1),
            default=2,
            output_field=IntegerField(),
        ),
        is_overdue=Case(When(_late(now), then=True), default=False, output_field=BooleanField()),
        waiting_at=Case(When(status__in=SELLER_STEPS, then=F("updated_at"))),
    ).order_by("rank", F("waiting_at").asc(nulls_last=True), "-created_at", "-id")


def orders_waiting_counts(
    village_ids: list[int], *, now: datetime | None = None
) -> dict[int, dict[str, int]]:
    """Per village: orders waiting for their sellers and how many are overdue (one query)."""
    rows = (
        Order.objects.filter(village_id__in=village_ids, status__in=SELLER_STEPS)
        .values("village_id")
        .annotate(n=Count("pk"), late=Count("pk", filter=_late(now)))
        .order_by()
    )
    return {row["village_id"]: {"waiting": row["n"], "late": row["late"]} for row in rows}
