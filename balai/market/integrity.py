"""The integrity hold for the shop, the same as for news: a product whose text looks like
gambling spam or a link dump is never published by itself, whoever asks (a seller the village
trusts, or the village's own account, whose password may be stolen). It waits in the village's
approval queue with the reason, and the district gets an IntegrityAlert under the key the
district's watch would use. Only a mentor or the district may release it."""

from __future__ import annotations

import re

from django.utils.translation import gettext as _

from balai.market.models import Product
from balai.villages.models import Village
from balai.watch.integrity import content_suspicious, integrity_alert_raise

_LINK_PREFIX = re.compile(r"https?://|www\.", re.I)


def product_suspicious(product: Product) -> list[str]:
    """Reasons to hold the product. Its shop links (Tokopedia, Shopee, …) are read for gambling
    words but do not count as a link burst: a seller may list many shops."""
    shops = _LINK_PREFIX.sub(" ", product.marketplace_links or "")
    text = " ".join([product.name, product.subcategory, product.description or "", shops])
    return content_suspicious(text)


def product_alert(*, village: Village, product: Product, reasons: list[str]) -> None:
    message = _("%(v)s: produk “%(p)s” ditahan untuk ditinjau — %(r)s") % {
        "v": village,
        "p": product.name[:80],
        "r": reasons[0],
    }
    integrity_alert_raise(
        kind="gambling",
        key=f"gambling:market.product:{product.pk}",
        message=message,
        village=village,
        notify=True,
    )


def held_message(product: Product) -> str:
    """What the seller or the village is told when the check held a product."""
    return _("“%(name)s” ditahan untuk ditinjau dan belum tampil di situs: %(why)s") % {
        "name": product.name,
        "why": product.held_reason,
    }
