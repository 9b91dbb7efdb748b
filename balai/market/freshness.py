"""The market freshness check: the shop is alive — a published product of an approved seller
changed in the last 90 days. A village that never had a seller has no shop section at all,
so the check does not apply (None) rather than fail."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from balai.market.models import Seller
from balai.market.selectors import public_products
from balai.villages.models import Village

ACTIVE = timedelta(days=90)


def shop_active(village: Village) -> bool | None:
    since = timezone.now() - ACTIVE
    if public_products().filter(village=village, updated_at__gte=since).exists():
        return True
    if not Seller.objects.for_village(village).exists():
        return None
    return False


CHECKS = [("shop_active", _("Lapak aktif 90 hari terakhir"), shop_active, 1)]
