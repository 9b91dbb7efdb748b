"""The shop's figure in the village-at-a-glance panel (balai/villages/glance.py): products on
sale and their sellers, one count over the public catalogue."""

from __future__ import annotations

from django.db.models import Count, QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from balai.lib.numbers import angka
from balai.market.models import Product
from balai.market.selectors import public_products
from balai.villages.glance import Figure, GlanceItem
from balai.villages.models import Village


def _item(products: QuerySet[Product], url_name: str) -> GlanceItem | None:
    counts = products.order_by().aggregate(
        products=Count("id"), sellers=Count("seller", distinct=True)
    )
    if not counts["products"]:
        return None
    sellers = counts["sellers"]
    detail = ngettext("dari %(n)s penjual", "dari %(n)s penjual", sellers) % {"n": angka(sellers)}
    return GlanceItem(_("Produk dijual"), angka(counts["products"]), detail, url_name)


def village_products(village: Village) -> GlanceItem | None:
    return _item(public_products().filter(village=village), "market_index")


def district_products() -> GlanceItem | None:
    products = public_products().filter(village__status=Village.Status.LIVE)
    return _item(products, "market_district:index")


FIGURES = [Figure("market", 50, village_products, district_products)]
