"""Background work of the shop: order notifications by email."""

from __future__ import annotations

from django_tasks import task


@task()
def order_notify(order_id: int, event: str) -> None:
    from balai.market.notifications import order_notify_send

    order_notify_send(order_id=order_id, event=event)
