"""Orders waiting for their sellers, on a mentor's landing page (one count per village)."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from balai.market.order_queue import orders_waiting_counts
from balai.villages.models import Village
from balai.villages.worklist import MENTOR, WorkCount, WorkScope


def order_work(scope: WorkScope) -> list[WorkCount]:
    if scope.audience != MENTOR or not scope.village_ids:
        return []
    counts = orders_waiting_counts(list(scope.village_ids))
    items = []
    for village in Village.objects.filter(pk__in=counts).select_related("region"):
        href = reverse("market_dashboard:orders", kwargs={"slug": village.slug})
        items.append(
            WorkCount(
                "orders",
                _("pesanan menunggu penjual"),
                counts[village.pk]["waiting"],
                href,
                overdue=counts[village.pk]["late"],
                overdue_href=href,
                village=village.display_name,
                order=50,
            )
        )
    return items
